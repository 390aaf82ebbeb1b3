using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

using Wamr.Interop;

using static Wamr.Interop.WamrApi;
using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>
/// A compiled WebAssembly module in a store (<c>wasm_module_t</c>), with its imports and exports.
/// </summary>
/// <remarks>
/// WAMR ties a module to the store it was loaded into and frees it only with that store; <see cref="Dispose"/> makes
/// this object unusable without returning memory. To use a module in another store (on another thread), share it
/// with <see cref="Share"/> and <see cref="Obtain"/> instead of loading it again.
/// </remarks>
public sealed unsafe partial class Module : IDisposable
{
    private readonly wasm_module_t* _native;
    private bool _disposed;

    private Module(Store store, wasm_module_t* native, ModuleBinary binary, object instantiationLock, byte[]? precompiled = null)
    {
        Store = store;
        _native = native;
        Binary = binary;
        InstantiationLock = instantiationLock;
        Precompiled = precompiled;
        Imports = ReadImports(native);
        Exports = ReadExports(native);
    }

    /// <summary>The store the module was loaded into.</summary>
    public Store Store { get; }

    /// <summary>The imports an instance needs, in the order WAMR expects them positionally (functions first, then
    /// globals: WAMR groups imports by kind, whatever their order in the binary).</summary>
    public IReadOnlyList<ImportType> Imports { get; }

    /// <summary>The module's exports, in order.</summary>
    public IReadOnlyList<ExportType> Exports { get; }

    /// <summary>Whether <see cref="Dispose"/> has run (or the store is disposed).</summary>
    public bool IsDisposed => _disposed || Store.IsDisposed;

    /// <summary>Whether the module was loaded from precompiled (ahead-of-time compiled) native code.</summary>
    public bool IsPrecompiled => Precompiled is not null || IsRawPrecompiled;

    /// <summary>
    /// Whether calls into the module's code can be stopped by <see cref="Store.Interrupt"/>, a call's timeout or
    /// cancellation token: true for WebAssembly binaries (interpreted) and for modules precompiled with interruption checks
    /// (Wamr.Compiler's default); false for code compiled without them (<c>AotCompilerOptions.Interruptible = false</c>,
    /// faster in tight loops) and for raw AOT images, whose code the envelope does not describe.
    /// </summary>
    /// <remarks>Timed and cancellable calls refuse functions of a module that is not interruptible; an interrupt of the
    /// store while such code runs takes effect only when it calls a host function or returns (see README.md, "Timeouts").</remarks>
    public bool IsInterruptible => !IsRawPrecompiled
        && (Precompiled is null || (PrecompiledEnvelope.FeaturesOf(Precompiled) & PrecompiledFeatures.ThreadManagerChecks) != 0);

    /// <summary>Sections WAMR does not expose (start, export indices, names), read by the façade.</summary>
    internal ModuleBinary Binary { get; }

    /// <summary>The verified envelope the module was loaded from, or null (a wasm binary, or a raw AOT image).</summary>
    internal byte[]? Precompiled { get; }

    /// <summary>Whether the module was loaded from a raw AOT image the caller trusted.</summary>
    internal bool IsRawPrecompiled { get; init; }

    /// <summary>
    /// Shared by every <see cref="Module"/> object of the same native module (WAMR's share/obtain hand out the same
    /// pointer): WAMR links imports by writing into the module, so instantiations of one module take turns.
    /// </summary>
    internal object InstantiationLock { get; }

    /// <summary>Loads a module from its WebAssembly binary, after checking it against the store's <see cref="Store.ModuleLimits"/>.</summary>
    /// <remarks>Only WebAssembly binaries: precompiled native code (a WAMR AOT image, which WAMR's own
    /// <c>wasm_module_new</c> would load) is refused here and loads only through
    /// <see cref="FromPrecompiled(Store, ReadOnlySpan{byte}, PrecompiledTrust)"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    /// <exception cref="PrecompiledModuleException">The bytes are precompiled code, not a WebAssembly binary.</exception>
    /// <exception cref="ModuleLimitException">The binary is beyond a limit (checked before WAMR sees it).</exception>
    /// <exception cref="WasmException">WAMR rejected the binary; the message says why.</exception>
    public static Module FromBytes(Store store, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(store);
        BinaryKinds.ThrowIfPrecompiled(bytes, "Module.FromBytes");
        ModuleScreen.Check(bytes, store.ModuleLimits);
        OrphanedStores.ReleaseDue();
        store.Core.Enter(store);
        try
        {
            wasm_byte_vec_t binary = Copy(bytes);
            try
            {
                wasm_module_t* native = wasm_module_new(store.Core.Native, &binary);
                if (native == null)
                {
                    throw new WasmException("WAMR rejected the module: " + LoadError(&binary));
                }

                ModuleBinary sections = ModuleBinary.Read(bytes);
                if (sections.HasStartSection && WamrExtension.IsAvailable)
                {
                    // WAMR would run it inside instantiation, before host functions are bound and out of reach of
                    // interrupts: each Instance runs it afterwards instead.
                    uint start;
                    if (WamrExt.wamr_ext_module_take_start(native, &start))
                    {
                        sections.DeferStart(start);
                    }
                }

                return new Module(store, native, sections, new object());
            }
            finally
            {
                wasm_byte_vec_delete(&binary);
            }
        }
        finally
        {
            store.Core.Exit();
        }
    }

    /// <summary>Loads a module from its binary, after checking it against the store's <see cref="Store.ModuleLimits"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ModuleLimitException">The binary is beyond a limit.</exception>
    /// <exception cref="WasmException">WAMR rejected the binary.</exception>
    public static Module FromBytes(Store store, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return FromBytes(store, bytes.AsSpan());
    }

    /// <summary>Loads a module from a <c>.wasm</c> file (a file larger than <see cref="ModuleLimits.MaxBinarySize"/> is
    /// refused before it is read).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="ModuleLimitException">The binary is beyond a limit.</exception>
    /// <exception cref="WasmException">WAMR rejected the binary.</exception>
    public static Module FromFile(Store store, string path)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(path);
        ModuleScreen.CheckSize(new FileInfo(path).Length, store.ModuleLimits);
        return FromBytes(store, File.ReadAllBytes(path));
    }

    /// <summary>Loads a module from a stream (read to its end; reading stops, and the module is refused, once it passes
    /// <see cref="ModuleLimits.MaxBinarySize"/>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ModuleLimitException">The binary is beyond a limit.</exception>
    /// <exception cref="WasmException">WAMR rejected the binary.</exception>
    public static Module FromStream(Store store, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            ModuleScreen.CheckSize(buffer.Length, store.ModuleLimits);
        }

        return FromBytes(store, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Whether WAMR accepts the WebAssembly binary (<c>wasm_module_validate</c>); precompiled code is never
    /// valid here (WAMR would run its AOT loader on it).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    public static bool Validate(Store store, ReadOnlySpan<byte> bytes) => Validate(store, bytes, out _);

    /// <summary>Whether WAMR accepts the WebAssembly binary, and if not, why; precompiled code is never valid here, nor is
    /// a binary beyond the store's <see cref="Store.ModuleLimits"/> (WAMR does not see it).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    public static bool Validate(Store store, ReadOnlySpan<byte> bytes, out string? error)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (BinaryKinds.RefusalAsWasm(bytes, "Module.Validate") is string refusal)
        {
            store.ThrowIfDisposed();
            error = refusal;
            return false;
        }

        if (ModuleScreen.Problem(bytes, store.ModuleLimits) is { } problem)
        {
            error = problem.Message;
            return false;
        }

        store.Core.Enter(store);
        try
        {
            wasm_byte_vec_t binary = Copy(bytes);
            try
            {
                bool valid = wasm_module_validate(store.Core.Native, &binary);
                error = valid ? null : LoadError(&binary);
                return valid;
            }
            finally
            {
                wasm_byte_vec_delete(&binary);
            }
        }
        finally
        {
            store.Core.Exit();
        }
    }

    /// <summary>Shares the module so that other stores (other threads) can <see cref="Obtain"/> it (<c>wasm_module_share</c>).</summary>
    /// <exception cref="ObjectDisposedException">The module or its store is disposed.</exception>
    public SharedModule Share()
    {
        Store.Core.Enter(this);
        try
        {
            ThrowIfDisposed();
            wasm_module_t* shared = wasm_module_share(_native);
            if (shared == null)
            {
                throw new WasmException("wasm_module_share returned NULL.");
            }

            return new SharedModule(shared, this);
        }
        finally
        {
            Store.Core.Exit();
        }
    }

    /// <summary>The shared module in <paramref name="store"/> (<c>wasm_module_obtain</c>), without loading it again.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ObjectDisposedException">The shared module or the store is disposed.</exception>
    public static Module Obtain(Store store, SharedModule shared)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(shared);
        OrphanedStores.ReleaseDue();
        store.Core.Enter(store);
        try
        {
            wasm_module_t* native = wasm_module_obtain(store.Core.Native, shared.Native);
            if (native == null)
            {
                throw new WasmException("wasm_module_obtain returned NULL.");
            }

            return new Module(store, native, shared.Binary, shared.InstantiationLock, shared.Precompiled) { IsRawPrecompiled = shared.IsRawPrecompiled };
        }
        finally
        {
            store.Core.Exit();
        }
    }

    /// <summary>Makes the object unusable (WAMR frees the module with its store).</summary>
    public void Dispose() => _disposed = true;

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = new StringBuilder("(module");
        foreach (ImportType import in Imports)
        {
            text.Append(' ').Append(import);
        }

        foreach (ExportType export in Exports)
        {
            text.Append(' ').Append(export);
        }

        return text.Append(')').ToString();
    }

    /// <summary>The native module; call inside <see cref="StoreCore.Enter"/>.</summary>
    internal wasm_module_t* Native
    {
        get
        {
            ThrowIfDisposed();
            return _native;
        }
    }

    internal void ThrowIfDisposed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Store.ThrowIfDisposed();
    }

    private static wasm_byte_vec_t Copy(ReadOnlySpan<byte> bytes)
    {
        wasm_byte_vec_t binary;
        wasm_byte_vec_new_uninitialized(&binary, (nuint)bytes.Length);
        if (bytes.Length > 0)
        {
            if (binary.data == null)
            {
                throw new OutOfMemoryException($"WAMR could not allocate {bytes.Length} bytes for the module binary.");
            }

            bytes.CopyTo(new Span<byte>(binary.data, bytes.Length));
        }

        return binary;
    }

    /// <summary>Why WAMR rejects a binary: its loader's message (<c>wasm_runtime_load</c>), which the C API only logs.</summary>
    private static string LoadError(wasm_byte_vec_t* binary)
    {
        if (binary->size == 0)
        {
            return "the binary is empty";
        }

        if (binary->size > uint.MaxValue)
        {
            return "the binary is larger than 4 GiB";
        }

        byte* error = stackalloc byte[256];
        error[0] = 0;
        wasm_module_t loaded = wasm_runtime_load(binary->data, (uint)binary->size, error, 256);
        if (loaded.Value != null)
        {
            wasm_runtime_unload(loaded);
            return "WAMR's C API refused a binary its loader accepts";
        }

        string message = Encoding.UTF8.GetString(error, new ReadOnlySpan<byte>(error, 256).IndexOf((byte)0) is int n and >= 0 ? n : 255);
        const string Prefix = "WASM module load failed: ";
        if (message.StartsWith(Prefix, StringComparison.Ordinal))
        {
            message = message[Prefix.Length..];
        }

        return message.Length > 0 ? message : "no reason given";
    }

    private static IReadOnlyList<ImportType> ReadImports(wasm_module_t* native)
    {
        wasm_importtype_vec_t imports = default;
        wasm_module_imports(native, &imports);
        try
        {
            var result = new ImportType[(int)imports.size];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = ImportType.FromNative(imports.data[i]);
            }

            return result;
        }
        finally
        {
            wasm_importtype_vec_delete(&imports);
        }
    }

    private static IReadOnlyList<ExportType> ReadExports(wasm_module_t* native)
    {
        wasm_exporttype_vec_t exports = default;
        wasm_module_exports(native, &exports);
        try
        {
            var result = new ExportType[(int)exports.size];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = ExportType.FromNative(exports.data[i]);
            }

            return result;
        }
        finally
        {
            wasm_exporttype_vec_delete(&exports);
        }
    }
}
