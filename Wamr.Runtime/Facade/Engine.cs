using System;
using System.Runtime.InteropServices;

using Wamr.Interop;

using static Wamr.Interop.WamrApi;

namespace Wamr;

/// <summary>
/// WAMR's engine (<c>wasm_engine_t</c>): the runtime every <see cref="Store"/> is created from.
/// </summary>
/// <remarks>
/// WAMR keeps one engine per process and counts references to it. Each <see cref="Engine"/> object holds one reference,
/// and so does each <see cref="Store"/>: disposing an engine releases only its own reference, and the runtime stays
/// alive while any store of it exists. Disposing the last reference shuts WAMR's runtime down; a later engine starts
/// it again. Creating the first engine also takes over WAMR's console output (see <see cref="WamrLog"/>).
/// </remarks>
public sealed unsafe class Engine : IDisposable
{
    private readonly EngineHandle _handle;

    /// <summary>An engine with the default configuration.</summary>
    public Engine()
        : this(new Config())
    {
    }

    /// <summary>An engine with a configuration (applies only if WAMR's runtime does not exist yet: see <see cref="Config"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The configuration cannot apply because the runtime exists already.</exception>
    public Engine(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config.Snapshot();
        _handle = new EngineHandle(EngineReferences.Create(Config));
        WamrLog.Apply();
        ThreadEnvironment.Ensure();
        OrphanedStores.ReleaseDue();
    }

    /// <summary>The configuration this engine was created with.</summary>
    public Config Config { get; }

    /// <summary>Whether <see cref="Dispose"/> has run.</summary>
    public bool IsDisposed => _handle.IsClosed;

    /// <summary>The pool's usage when WAMR allocates from a pool (<see cref="MemoryAllocatorKind.Pool"/>), else null.</summary>
    public PoolStatistics? PoolStatistics
    {
        get
        {
            _ = NativeEngine;
            mem_alloc_info_t info;
            return wasm_runtime_get_mem_alloc_info(&info) ? new PoolStatistics(info.total_size, info.total_free_size, info.highmark_size) : null;
        }
    }

    /// <summary>WAMR's version, e.g. 1.1.2.</summary>
    public static Version WamrVersion
    {
        get
        {
            uint major, minor, patch;
            wasm_runtime_get_version(&major, &minor, &patch);
            return new Version((int)major, (int)minor, (int)patch);
        }
    }

    internal wasm_engine_t* NativeEngine
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return (wasm_engine_t*)_handle.DangerousGetHandle();
        }
    }

    /// <summary>Releases this object's reference on WAMR's engine (stores keep their own).</summary>
    public void Dispose() => _handle.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"Engine ({Config}){(IsDisposed ? " (disposed)" : string.Empty)}";

    private sealed class EngineHandle : SafeHandle
    {
        public EngineHandle(wasm_engine_t* engine)
            : base(0, ownsHandle: true) => SetHandle((nint)engine);

        public override bool IsInvalid => handle == 0;

        // Releasing a reference is thread-agnostic in WAMR (a global lock), so the finalizer may do it too.
        protected override bool ReleaseHandle()
        {
            EngineReferences.Release((wasm_engine_t*)handle);
            return true;
        }
    }
}
