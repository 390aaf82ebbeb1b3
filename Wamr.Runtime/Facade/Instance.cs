using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>
/// An instance of a module (<c>wasm_instance_t</c>): its exports by name and by index.
/// </summary>
/// <remarks>
/// <para>Imports are given positionally, in the order of <see cref="Module.Imports"/>, or by name through a
/// <see cref="Linker"/>. Every import is checked before WAMR runs: a missing or mistyped one throws a
/// <see cref="LinkException"/> listing each as <c>module::name (expected type)</c>.</para>
/// <para>WAMR frees instances only with their store; <see cref="Dispose"/> makes this object and its exports unusable.</para>
/// </remarks>
public sealed unsafe partial class Instance : IDisposable
{
    /// <summary>The texts WAMR (with reference types) reports for a data or element segment out of bounds at instantiation.</summary>
    private static readonly string[] SegmentTraps = ["out of bounds memory access", "out of bounds table access"];

    private readonly Extern[] _exports;
    private readonly Dictionary<string, Extern> _exportsByName = new(StringComparer.Ordinal);
    private readonly List<Func> _tableFunctions = new();
    private readonly WasiStreams? _wasi;
    private bool _disposed;

    /// <summary>Instantiates <paramref name="module"/> with positional imports and default options.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="module"/> or <paramref name="imports"/> is null.</exception>
    /// <exception cref="ArgumentException">An argument belongs to another store, or the number of imports is wrong.</exception>
    /// <exception cref="LinkException">An import is null or of the wrong type.</exception>
    /// <exception cref="NotSupportedException">The module cannot be instantiated safely by WAMR 1.1.2 (see the message).</exception>
    /// <exception cref="WasmException">WAMR failed to instantiate the module.</exception>
    /// <exception cref="TrapException">The module's start function trapped, or a data or element segment does not fit.</exception>
    public Instance(Store store, Module module, params Extern?[] imports)
        : this(store, module, imports, InstanceOptions.Default)
    {
    }

    /// <summary>Instantiates <paramref name="module"/> with positional imports (in the order of <see cref="Module.Imports"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="module"/> or <paramref name="imports"/> is null.</exception>
    /// <exception cref="ArgumentException">An argument belongs to another store, or the number of imports is wrong.</exception>
    /// <exception cref="LinkException">An import is null or of the wrong type.</exception>
    /// <exception cref="NotSupportedException">The module cannot be instantiated safely by WAMR 1.1.2 (see the message).</exception>
    /// <exception cref="WasmException">WAMR failed to instantiate the module.</exception>
    /// <exception cref="TrapException">The module's start function trapped, or a data or element segment does not fit.</exception>
    public Instance(Store store, Module module, IReadOnlyList<Extern?> imports, InstanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(imports);
        options ??= InstanceOptions.Default;
        if (module.Store != store)
        {
            throw new ArgumentException("The module was loaded into another store; load or obtain it in this one.", nameof(module));
        }

        module.ThrowIfDisposed();
        bool engineWasi = CheckImports(store, module, imports, options);
        OrphanedStores.ReleaseDue();

        Store = store;
        Module = module;
        StoreCore core = store.Core;
        wasm_instance_t* native;
        WasiSession? wasi = engineWasi ? WasiSession.Prepare(options.Wasi ?? new WasiConfiguration()) : null;
        try
        {
            lock (module.InstantiationLock)
            {
                core.Enter(store);
                try
                {
                    if (wasi is null)
                    {
                        if (HasWasiImports(module))
                        {
                            ClaimWasiLinking(module, WasiLinking.HostFunctions);
                        }

                        native = Instantiate(core, module, imports, options);
                    }
                    else
                    {
                        ClaimWasiLinking(module, WasiLinking.Engine);

                        // WAMR reads the arguments from the shared module while it instantiates: set, use, clear.
                        wasi.SetOnModule(module.Native);
                        try
                        {
                            native = InstantiateWithEngineWasi(core, store, module, imports, options);
                        }
                        finally
                        {
                            WasiSession.ClearFromModule(module.Native);
                        }
                    }
                }
                finally
                {
                    core.Exit();
                }
            }

            if (wasi is not null)
            {
                // No code of the instance has run: a start function is deferred until the instance is complete (or, where it
                // cannot be, CheckImports refused the module).
                _wasi = wasi.Attach(native);
                if (_wasi.HasPumps)
                {
                    core.AddWasiStreams(_wasi);
                }
            }
        }
        finally
        {
            wasi?.Dispose();
        }

        NativeInstance = native;
        var exportVector = (wasm_extern_vec_t*)NativeMemory.AllocZeroed((nuint)sizeof(wasm_extern_vec_t));
        core.Enter(store);
        try
        {
            wasm_instance_exports(native, exportVector);
            core.Own(OwnedKind.ExternVector, exportVector);
            core.RegisterInterruptible(native);
        }
        finally
        {
            core.Exit();
        }

        IReadOnlyList<ExportType> exportTypes = module.Exports;
        int count = (int)exportVector->size;
        if (count != exportTypes.Count)
        {
            throw new WasmException($"WAMR returned {count} exports for a module that declares {exportTypes.Count}.");
        }

        _exports = new Extern[count];
        for (int i = 0; i < count; i++)
        {
            string name = exportTypes[i].Name;
            _exports[i] = Extern.FromExport(store, this, exportVector->data[i], name);
            _exportsByName.TryAdd(name, _exports[i]);
        }

        store.Register(native, this);
        if (module.Binary.StartDeferred)
        {
            RunStart(module.Binary.StartFunction!.Value, imports);
        }
    }

    /// <summary>
    /// Runs the module's start function, which the engine extension took away from WAMR's instantiation
    /// (<see cref="ModuleBinary.StartDeferred"/>): now that the imports are bound, through the ordinary call path, so that
    /// it may call host functions and a store interrupt or scope can stop it. If it fails, the instance is disposed and
    /// the exception propagates, as when instantiation itself fails.
    /// </summary>
    private void RunStart(uint index, IReadOnlyList<Extern?> imports)
    {
        try
        {
            Func start;
            if (index < Module.Binary.ImportedFunctions)
            {
                // An imported start function (WAMR 1.1.2 would skip it): the function the caller linked. Function imports
                // come first in Module.Imports, in the binary's order, which is their index order.
                start = (Func)imports[(int)index]!;
            }
            else
            {
                Store.Core.Enter(Store);
                try
                {
                    start = FunctionFromIndex(WamrExt.wamr_ext_instance_module_inst(NativeInstance), index);
                }
                finally
                {
                    Store.Core.Exit();
                }
            }

            start.Call();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The store the instance lives in.</summary>
    public Store Store { get; }

    /// <summary>The module it was instantiated from.</summary>
    public Module Module { get; }

    /// <summary>The exports, in the module's order (export index order).</summary>
    public IReadOnlyList<Extern> Exports => _exports;

    /// <summary>Whether <see cref="Dispose"/> has run or the store is disposed.</summary>
    public bool IsDisposed => _disposed || Store.IsDisposed;

    internal wasm_instance_t* NativeInstance { get; }

    /// <summary>The export called <paramref name="name"/>, or null.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The instance or its store is disposed.</exception>
    public Extern? GetExport(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ThrowIfDisposed();
        return _exportsByName.TryGetValue(name, out Extern? item) ? item : null;
    }

    /// <summary>The export at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an export index.</exception>
    /// <exception cref="ObjectDisposedException">The instance or its store is disposed.</exception>
    public Extern GetExport(int index)
    {
        ThrowIfDisposed();
        if ((uint)index >= (uint)_exports.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the instance has {_exports.Length} exports");
        }

        return _exports[index];
    }

    /// <summary>The exported function <paramref name="name"/>, or null if there is none (or it is not a function).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The instance or its store is disposed.</exception>
    public Func? GetFunction(string name) => GetExport(name) as Func;

    /// <summary>The exported global <paramref name="name"/>, or null.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The instance or its store is disposed.</exception>
    public Global? GetGlobal(string name) => GetExport(name) as Global;

    /// <summary>The exported table <paramref name="name"/>, or null.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The instance or its store is disposed.</exception>
    public Table? GetTable(string name) => GetExport(name) as Table;

    /// <summary>The exported memory <paramref name="name"/>, or null.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The instance or its store is disposed.</exception>
    public Memory? GetMemory(string name) => GetExport(name) as Memory;

    /// <summary>Whether the instance runs on the engine's WASI (its module imports WASI and the imports were left to the
    /// engine), configured by <see cref="InstanceOptions.Wasi"/>.</summary>
    public bool HasWasi => _wasi is not null;

    /// <summary>Makes the instance and its exports unusable (WAMR frees the instance with its store). A WASI instance's
    /// output captured into streams is complete in them when this returns; its standard input stops being fed.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_wasi is not null)
        {
            Store.Core.RemoveWasiStreams(_wasi);
            _wasi.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"Instance of {Module}{(IsDisposed ? " (disposed)" : string.Empty)}";

    internal void ThrowIfDisposed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Store.ThrowIfDisposed();
    }

    /// <summary>The <see cref="Func"/> for a function WAMR handed out from a table, reusing an earlier one for the same
    /// function so that repeated reads do not accumulate native copies.</summary>
    internal Func FunctionFromTable(wasm_func_t* native)
    {
        lock (_tableFunctions)
        {
            foreach (Func known in _tableFunctions)
            {
                if (wasm_func_same(known.Native, native))
                {
                    wasm_func_delete(native);
                    return known;
                }
            }

            foreach (Extern export in _exports)
            {
                if (export is Func exported && wasm_func_same(exported.Native, native))
                {
                    wasm_func_delete(native);
                    return exported;
                }
            }

            Func created = Func.FromOwnedCopy(Store, this, native);
            _tableFunctions.Add(created);
            return created;
        }
    }

    /// <summary>The <see cref="Func"/> for function <paramref name="index"/> of this instance (a funcref a call returned),
    /// the same object as its export or an earlier table read when there is one. Call inside the store.</summary>
    /// <exception cref="NotSupportedException">The index is above 65535, which WAMR 1.1.2's C API cannot hold.</exception>
    /// <exception cref="WasmException">The index is not a function of this instance.</exception>
    internal Func FunctionFromIndex(wasm_module_inst_t moduleInst, uint index)
    {
        lock (_tableFunctions)
        {
            foreach (Extern export in _exports)
            {
                if (export is Func { IsHostFunction: false } exported && exported.Target?.Index == index)
                {
                    return exported;
                }
            }

            foreach (Func known in _tableFunctions)
            {
                if (known.Target?.Index == index)
                {
                    return known;
                }
            }

            if (index > ushort.MaxValue)
            {
                throw new NotSupportedException(
                    $"The function returned a funcref to function {index}: WAMR 1.1.2's C API holds function indexes in 16 bits.");
            }

            wasm_func_t* native = WamrExt.wamr_ext_func_new(Store.Core.Native, moduleInst, index);
            if (native == null)
            {
                throw new WasmException($"The function returned a funcref to function {index}, which is not a function of the instance.");
            }

            Func created = Func.FromOwnedCopy(Store, this, native);
            _tableFunctions.Add(created);
            return created;
        }
    }

    /// <summary>Checks the imports; returns whether the engine's WASI provides the module's WASI imports.</summary>
    private static bool CheckImports(Store store, Module module, IReadOnlyList<Extern?> imports, InstanceOptions options)
    {
        IReadOnlyList<ImportType> expected = module.Imports;
        bool engineWasi = CheckWasiImports(module, imports, options);
        if (engineWasi && !HasHostImportsBesideWasi(module))
        {
            return true;
        }

        if (!engineWasi && imports.Count != expected.Count)
        {
            throw new ArgumentException(
                $"The module needs {expected.Count} import(s), in this order: {string.Join(", ", (IEnumerable<ImportType>)expected)}; {imports.Count} were given.",
                nameof(imports));
        }

        var problems = new List<LinkProblem>();
        int functionImports = 0;
        for (int i = 0; i < expected.Count; i++)
        {
            ImportType import = expected[i];
            if (import.Type.Kind == ExternKind.Func)
            {
                functionImports++;
            }

            if (engineWasi && IsWasiModuleName(import.Module))
            {
                continue;
            }

            Extern? given = i < imports.Count ? imports[i] : null;

            if (import.Type.Kind is ExternKind.Memory or ExternKind.Table)
            {
                problems.Add(new LinkProblem(import, $"WAMR 1.1.2 cannot import a {import.Type.Kind.ToString().ToLowerInvariant()} (it refuses host-made and exported ones alike)"));
                continue;
            }

            if (given is null)
            {
                problems.Add(new LinkProblem(import, "missing"));
                continue;
            }

            if (given.Store != store)
            {
                throw new ArgumentException($"The import for {import.QualifiedName} belongs to another store.", nameof(imports));
            }

            if (given.IsDisposed)
            {
                problems.Add(new LinkProblem(import, "the object given is disposed"));
                continue;
            }

            if (given.Type != import.Type)
            {
                problems.Add(new LinkProblem(import, $"got {given.Type} instead"));
                continue;
            }

            if (given is Global { Type.Content.IsReference: true })
            {
                problems.Add(new LinkProblem(import, "WAMR 1.1.2 cannot import a reference-typed global"));
            }
        }

        if (problems.Count > 0)
        {
            throw new LinkException(problems);
        }

        if (module.IsPrecompiled && module.Binary.ImportedTablesAndMemories > 0)
        {
            throw new NotSupportedException(
                "The module is precompiled and imports a table or a memory: WAMR 1.1.2's AOT loader ignores such imports and gives " +
                "every instance a private one instead of sharing it, and the C API does not even list them. The façade refuses " +
                "these modules (as it refuses table and memory imports when interpreting).");
        }

        if (functionImports > 0 && module.IsPrecompiled && !module.Binary.IsOpaque && module.Binary.TablesMayHoldImportedFunctions)
        {
            throw new NotSupportedException(
                "The module is precompiled and an element segment puts an imported function into a table: WAMR 1.1.2's AOT code " +
                "calls such a function through call_indirect with a broken environment (garbage results, or a host function " +
                "called without its store, which ends the process). Load this module from its WebAssembly binary instead.");
        }

        if (functionImports > 0 && module.Binary.IsOpaque)
        {
            throw new NotSupportedException(
                "The module is a raw AOT image, whose start section the façade cannot read, and it imports functions: WAMR 1.1.2 " +
                "runs a start function before it binds host functions, so one that calls an import crashes the process. Load " +
                "modules that import functions from envelopes made by Wamr.Compiler, which carry the module's sections.");
        }

        if (functionImports > 0 && module.Binary.HasStartSection && !module.Binary.StartDeferred)
        {
            throw new NotSupportedException(
                "The module has a start function and imports functions: WAMR 1.1.2 runs the start function before it binds " +
                "host functions, so a start function that calls an import crashes the process. The façade refuses such " +
                "modules; remove the start section and call the initialisation function explicitly after instantiation.");
        }

        return engineWasi;
    }

    /// <summary>
    /// Whether the engine's WASI provides the module's WASI imports: they all are, and nothing else is imported, when the
    /// caller gives no imports or leaves every WASI import null. Refuses what WAMR 1.1.2 cannot do or would ignore.
    /// </summary>
    private static bool CheckWasiImports(Module module, IReadOnlyList<Extern?> imports, InstanceOptions options)
    {
        IReadOnlyList<ImportType> expected = module.Imports;
        int wasiImports = 0;
        int wasiGiven = 0;
        for (int i = 0; i < expected.Count; i++)
        {
            if (IsWasiModuleName(expected[i].Module))
            {
                wasiImports++;
                if (i < imports.Count && imports[i] is not null)
                {
                    wasiGiven++;
                }
            }
        }

        if (wasiImports == 0)
        {
            if (options.Wasi is not null)
            {
                throw new ArgumentException(
                    "The module does not import WASI (wasi_snapshot_preview1 or wasi_unstable): a WASI configuration does not apply to it.",
                    nameof(options));
            }

            return false;
        }

        if (wasiGiven == wasiImports && imports.Count == expected.Count)
        {
            // Every WASI function is the caller's own: the module is linked like any other, WAMR's WASI is not used.
            if (options.Wasi is not null)
            {
                throw new ArgumentException(
                    "The WASI imports were all given as host functions, which replace the engine's WASI: a WASI configuration does not apply to them. " +
                    "Leave the WASI imports null (or give no imports) to use the engine's WASI with this configuration.",
                    nameof(options));
            }

            return false;
        }

        if (wasiGiven > 0)
        {
            var problems = new List<LinkProblem>();
            for (int i = 0; i < expected.Count; i++)
            {
                if (IsWasiModuleName(expected[i].Module) && (i >= imports.Count || imports[i] is null))
                {
                    problems.Add(new LinkProblem(expected[i], "missing: give every WASI import as a host function, or none (the engine's WASI then provides them all)"));
                }
            }

            throw new LinkException(problems);
        }

        if (imports.Count != 0 && imports.Count != expected.Count)
        {
            throw new ArgumentException(
                $"The module needs {expected.Count} import(s), in this order: {string.Join(", ", (IEnumerable<ImportType>)expected)}; {imports.Count} were given " +
                "(give none, or null for each WASI import, to let the engine's WASI provide them).",
                nameof(imports));
        }

        if (HasHostImportsBesideWasi(module) && module.IsPrecompiled)
        {
            throw new NotSupportedException(
                "The precompiled module imports WASI and host functions: WAMR 1.1.2's C API links either every import from the host or " +
                "none, and the engine extension puts WAMR's WASI back beside host imports only for modules loaded from a WebAssembly " +
                "binary. Give every import, WASI ones included, as host functions, or load the module from its WebAssembly binary.");
        }

        foreach (ExportType export in module.Exports)
        {
            if (export.Name == "__post_instantiate")
            {
                throw new NotSupportedException(
                    "The WASI module exports __post_instantiate, which WAMR 1.1.2 runs during instantiation, before the façade connects the " +
                    "instance's standard streams and directories. Rename the export and call it after instantiation.");
            }
        }

        if (module.Binary.HasStartSection && !module.Binary.StartDeferred)
        {
            throw new NotSupportedException(
                "The WASI module has a start section: it would run before the façade connects the instance's standard streams and directories. " +
                "WASI programs start from their _start or _initialize export instead; remove the start section.");
        }

        WamrExtension.Require("WASI configuration");
        if (!EngineReferences.WasiExitHookInstalled)
        {
            throw new WasmException("The engine extension could not install its WASI proc_exit hook; WASI modules cannot run safely.");
        }

        return true;
    }

    /// <summary>The import module names WAMR's WASI provides.</summary>
    private static bool IsWasiModuleName(string name) => name is "wasi_snapshot_preview1" or "wasi_unstable";

    /// <summary>Whether the module imports WASI.</summary>
    private static bool HasWasiImports(Module module)
    {
        foreach (ImportType import in module.Imports)
        {
            if (IsWasiModuleName(import.Module))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the module imports anything besides WASI.</summary>
    private static bool HasHostImportsBesideWasi(Module module)
    {
        foreach (ImportType import in module.Imports)
        {
            if (!IsWasiModuleName(import.Module))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Fixes how the module's WASI imports are linked at its first instantiation, and refuses the other way later:
    /// WAMR keeps an import's calling convention in the module, shared by all its instances.
    /// Call under the module's instantiation lock.
    /// </summary>
    private static void ClaimWasiLinking(Module module, WasiLinking linking)
    {
        WasiLinking current = module.Binary.WasiLinking;
        if (current != WasiLinking.None && current != linking)
        {
            throw new NotSupportedException(current == WasiLinking.Engine
                ? "This module's WASI imports are provided by the engine's WASI in its earlier instances; WAMR 1.1.2 keeps the link in the " +
                  "module, so an instance that gives them as host functions cannot coexist. Load the module again for that."
                : "This module's WASI imports were given as host functions in its earlier instances; WAMR 1.1.2 keeps the link in the module, " +
                  "so an instance that uses the engine's WASI cannot coexist. Load the module again for that.");
        }

        module.Binary.WasiLinking = linking;
    }

    /// <summary>
    /// Instantiates a module whose WASI imports the engine's WASI provides. Without other imports, WAMR links WASI itself.
    /// With host imports beside WASI, WAMR 1.1.2's C API would link every import from the host: each WASI import gets a
    /// placeholder host function, and the extension then puts WAMR's own WASI function back
    /// (<c>wamr_ext_instance_relink_native_imports</c>). The module's start function has been deferred, so no code of the
    /// instance runs before that.
    /// </summary>
    private static wasm_instance_t* InstantiateWithEngineWasi(StoreCore core, Store store, Module module, IReadOnlyList<Extern?> imports, InstanceOptions options)
    {
        if (!HasHostImportsBesideWasi(module))
        {
            return Instantiate(core, module, [], options);
        }

        IReadOnlyList<ImportType> expected = module.Imports;
        uint functionCount = module.Binary.ImportedFunctions;
        nint[] linked = new nint[Math.Max(functionCount, 1)];
        fixed (nint* natives = linked)
        {
            if (!WamrExt.wamr_ext_module_native_imports(module.Native, (void**)natives, functionCount))
            {
                throw new WasmException("The engine extension could not read the module's natively linked imports.");
            }
        }

        var full = new Extern?[expected.Count];
        int function = 0;
        for (int i = 0; i < expected.Count; i++)
        {
            ImportType import = expected[i];
            bool wasi = IsWasiModuleName(import.Module);
            full[i] = wasi ? WasiPlaceholder(store, import) : imports[i];
            if (import.Type.Kind == ExternKind.Func)
            {
                if (!wasi)
                {
                    linked[function] = 0;
                }

                function++;
            }
        }

        wasm_instance_t* native = Instantiate(core, module, full, options);
        fixed (nint* natives = linked)
        {
            if (!WamrExt.wamr_ext_instance_relink_native_imports(native, (void**)natives, functionCount))
            {
                throw new WasmException("The engine extension could not link the engine's WASI beside the host imports.");
            }
        }

        return native;
    }

    /// <summary>What WAMR's C API links for a WASI import until the extension relinks WAMR's own function; called only for
    /// a WASI function WAMR does not provide.</summary>
    private static Func WasiPlaceholder(Store store, ImportType import) =>
        Func.FromCallback(store, (FuncType)import.Type, (_, _) => throw new NotSupportedException(
            $"{import.QualifiedName} is not provided by WAMR 1.1.2's WASI (the program imports a WASI function the engine lacks)."));

    private static wasm_instance_t* Instantiate(StoreCore core, Module module, IReadOnlyList<Extern?> imports, InstanceOptions options)
    {
        int count = imports.Count;
        wasm_extern_t** items = stackalloc wasm_extern_t*[Math.Max(count, 1)];
        for (int i = 0; i < count; i++)
        {
            items[i] = LinkableExtern(core, imports[i]!);
        }

        wasm_extern_vec_t vector = new()
        {
            size = (nuint)count,
            data = count == 0 ? null : items,
            num_elems = (nuint)count,
            size_of_elem = (nuint)sizeof(wasm_extern_t*),
        };
        wasm_trap_t* trap = null;
        wasm_instance_t* native = wasm_instance_new_with_args(
            core.Native, module.Native, &vector, &trap, options.StackSize, options.HeapSize);
        if (native == null)
        {
            string message = "wasm_instance_new_with_args returned NULL";
            if (trap != null)
            {
                message = Trap.FromNative(trap, null).Message;
                wasm_trap_delete(trap);
            }

            if (message.Contains("Exception: ", StringComparison.Ordinal))
            {
                throw new TrapException(message.Replace("Exception: ", string.Empty, StringComparison.Ordinal));
            }

            // A data or element segment that does not fit traps during instantiation (the specification runs segments as
            // memory.init/table.init); WAMR reports it with the trap's text but without the "Exception: " prefix.
            foreach (string segmentTrap in SegmentTraps)
            {
                if (message.EndsWith(": " + segmentTrap, StringComparison.Ordinal))
                {
                    throw new TrapException(segmentTrap);
                }
            }

            throw new WasmException("WAMR could not instantiate the module: " + message);
        }

        foreach (Extern? import in imports)
        {
            if (import is Global global)
            {
                global.LinkedInto();
            }
        }

        return native;
    }

    /// <summary>The native extern to pass for an import. An exported function gets a forwarding host function (WAMR
    /// cannot call an import that is another instance's export); an exported global, a fresh host global with its
    /// current value (WAMR copies imported globals at instantiation anyway).</summary>
    private static wasm_extern_t* LinkableExtern(StoreCore core, Extern import)
    {
        switch (import)
        {
            case Func { IsHostFunction: false } exported:
                var forward = new ForwardingHostFunction(core, exported.Type, exported.Native);
                return wasm_func_as_extern(HostFunction.CreateNative(forward));
            case Global { IsHostGlobal: false } exportedGlobal:
                return wasm_global_as_extern(Global.CreateNativeCopy(core, exportedGlobal));
            case Global hostGlobal:
                return wasm_global_as_extern(hostGlobal.PrepareForImport());
            default:
                return import.NativeExtern;
        }
    }
}
