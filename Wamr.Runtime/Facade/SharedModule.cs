using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>
/// A module shared across stores and threads (<c>wasm_shared_module_t</c>, from <see cref="Module.Share"/>): pass it to
/// another thread and call <see cref="Module.Obtain"/> there with that thread's store.
/// </summary>
/// <remarks>
/// It holds its own reference on the module and on WAMR's engine, so it stays valid when the original store is
/// disposed. It is thread-safe and may be disposed (or finalized) on any thread.
/// </remarks>
public sealed unsafe class SharedModule : IDisposable
{
    private readonly SharedModuleHandle _handle;

    internal SharedModule(wasm_module_t* shared, Module origin)
    {
        _handle = new SharedModuleHandle(shared, EngineReferences.AddReference());
        Binary = origin.Binary;
        Precompiled = origin.Precompiled;
        IsRawPrecompiled = origin.IsRawPrecompiled;
        InstantiationLock = origin.InstantiationLock;
        Imports = origin.Imports;
        Exports = origin.Exports;
    }

    /// <summary>The module's imports (as <see cref="Module.Imports"/>).</summary>
    public IReadOnlyList<ImportType> Imports { get; }

    /// <summary>The module's exports.</summary>
    public IReadOnlyList<ExportType> Exports { get; }

    /// <summary>Whether <see cref="Dispose"/> has run.</summary>
    public bool IsDisposed => _handle.IsClosed;

    internal ModuleBinary Binary { get; }

    /// <summary>The origin's precompiled envelope, or null.</summary>
    internal byte[]? Precompiled { get; }

    /// <summary>Whether the origin was a raw AOT image.</summary>
    internal bool IsRawPrecompiled { get; }

    internal object InstantiationLock { get; }

    internal wasm_module_t* Native
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return (wasm_module_t*)_handle.DangerousGetHandle();
        }
    }

    /// <summary>Releases this reference on the module (<c>wasm_shared_module_delete</c>).</summary>
    public void Dispose() => _handle.Dispose();

    private sealed class SharedModuleHandle : SafeHandle
    {
        private readonly wasm_engine_t* _engine;

        public SharedModuleHandle(wasm_module_t* shared, wasm_engine_t* engine)
            : base(0, ownsHandle: true)
        {
            _engine = engine;
            SetHandle((nint)shared);
        }

        public override bool IsInvalid => handle == 0;

        // wasm_shared_module_delete only drops a reference under the module's own lock: any thread may do it.
        protected override bool ReleaseHandle()
        {
            wasm_shared_module_delete((wasm_module_t*)handle);
            EngineReferences.Release(_engine);
            return true;
        }
    }
}
