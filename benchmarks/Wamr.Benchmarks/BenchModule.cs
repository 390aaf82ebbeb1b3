using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Benchmarks;

/// <summary>
/// <c>Modules/bench.wasm</c> instantiated through the procedural API, as the C baseline does it: exports
/// <c>memory</c>, <c>add</c>, <c>nop</c>, <c>call_host</c>, <c>call_host_add</c>; imports <c>host.inc</c> and
/// <c>host.add</c>, C# callbacks.
/// </summary>
public sealed unsafe class BenchModule : IDisposable
{
    private readonly wasm_extern_vec_t _exports;
    private readonly wasm_extern_t** _imports;

    /// <summary>Loads and instantiates the module.</summary>
    public BenchModule()
    {
        Engine = wasm_engine_new();
        Store = wasm_store_new(Engine);
        Module = Load(Store, "bench.wasm");
        SmallModule = Load(Store, "small.wasm");
        SmallShared = wasm_module_share(SmallModule);

        wasm_functype_t* type = wasm_functype_new_0_0();
        HostInc = wasm_func_new(Store, type, &Increment);
        wasm_functype_delete(type);
        type = wasm_functype_new_2_1(wasm_valtype_new_i32(), wasm_valtype_new_i32(), wasm_valtype_new_i32());
        HostAdd = wasm_func_new(Store, type, &AddHost);
        wasm_functype_delete(type);
        _imports = (wasm_extern_t**)NativeMemory.Alloc(2, (nuint)sizeof(wasm_extern_t*));
        _imports[0] = wasm_func_as_extern(HostInc);
        _imports[1] = wasm_func_as_extern(HostAdd);
        wasm_extern_vec_t imports = WASM_ARRAY_VEC(_imports, 2);
        wasm_instance_t* instance = wasm_instance_new(Store, Module, &imports, null);
        Instance = instance != null ? instance : throw new InvalidOperationException("bench.wasm did not instantiate");

        wasm_extern_vec_t exports;
        wasm_instance_exports(Instance, &exports);
        _exports = exports;
        Memory = wasm_extern_as_memory(exports[0]);
        Add = wasm_extern_as_func(exports[1]);
        Nop = wasm_extern_as_func(exports[2]);
        CallHost = wasm_extern_as_func(exports[3]);
        CallHostAdd = wasm_extern_as_func(exports[4]);
    }

    /// <summary>How many times the host import ran.</summary>
    public static long HostCalls { get; private set; }

    /// <summary>The engine.</summary>
    public wasm_engine_t* Engine { get; }

    /// <summary>The store.</summary>
    public wasm_store_t* Store { get; }

    /// <summary>The compiled module.</summary>
    public wasm_module_t* Module { get; }

    /// <summary>The instantiation benchmark's module (no memory).</summary>
    public wasm_module_t* SmallModule { get; }

    /// <summary><see cref="SmallModule"/> shared, so that fresh stores can obtain it (the binding types <c>wasm_shared_module_t</c> as <c>wasm_module_t</c>).</summary>
    public wasm_module_t* SmallShared { get; }

    /// <summary>The host function imported as <c>host.inc</c>.</summary>
    public wasm_func_t* HostInc { get; }

    /// <summary>The host function imported as <c>host.add</c>.</summary>
    public wasm_func_t* HostAdd { get; }

    /// <summary>The instance.</summary>
    public wasm_instance_t* Instance { get; }

    /// <summary>The exported memory (17 pages).</summary>
    public wasm_memory_t* Memory { get; }

    /// <summary><c>add(i32, i32) → i32</c>.</summary>
    public wasm_func_t* Add { get; }

    /// <summary><c>nop()</c>.</summary>
    public wasm_func_t* Nop { get; }

    /// <summary><c>call_host(n)</c>: calls <c>host.inc</c> n times.</summary>
    public wasm_func_t* CallHost { get; }

    /// <summary><c>call_host_add(n)</c>: calls <c>host.add(sum, i)</c> for i = n … 1; returns the sum.</summary>
    public wasm_func_t* CallHostAdd { get; }

    /// <summary>
    /// A store of its own with an instance of the small module (and its <c>host.inc</c>), then deleted: WAMR 1.1.2
    /// frees an instance only with its store, so this is what instantiating repeatedly costs. As baseline.c does it.
    /// </summary>
    public void InstantiateSmallInFreshStore()
    {
        wasm_store_t* store = wasm_store_new(Engine);
        wasm_module_t* module = wasm_module_obtain(store, SmallShared);
        wasm_functype_t* type = wasm_functype_new_0_0();
        wasm_func_t* inc = wasm_func_new(store, type, &Increment);
        wasm_functype_delete(type);
        wasm_extern_t* import = wasm_func_as_extern(inc);
        wasm_extern_vec_t imports = WASM_ARRAY_VEC(&import, 1);
        wasm_instance_t* instance = wasm_instance_new(store, module, &imports, null);
        if (module == null || instance == null)
        {
            throw new InvalidOperationException("the small module did not instantiate");
        }

        wasm_instance_delete(instance);
        wasm_func_delete(inc);
        wasm_store_delete(store);
    }

    /// <summary>The path of a module shipped beside the benchmarks.</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The full path.</returns>
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Modules", name);

    private static wasm_module_t* Load(wasm_store_t* store, string name)
    {
        using wasm_byte_vec_t binary = wasm_byte_vec_t.Create(File.ReadAllBytes(PathOf(name)));
        wasm_byte_vec_t copy = binary;
        wasm_module_t* module = wasm_module_new(store, &copy);
        return module != null ? module : throw new InvalidOperationException(name + " did not load");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        wasm_extern_vec_t exports = _exports;
        wasm_extern_vec_delete(&exports);
        wasm_instance_delete(Instance);
        wasm_func_delete(HostInc);
        wasm_func_delete(HostAdd);
        NativeMemory.Free(_imports);
        wasm_module_delete(Module);
        wasm_module_delete(SmallModule);
        wasm_shared_module_delete(SmallShared);
        wasm_store_delete(Store);
        wasm_engine_delete(Engine);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static wasm_trap_t* AddHost(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        results->data[0] = WASM_I32_VAL(args->data[0].of.i32 + args->data[1].of.i32);
        return null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static wasm_trap_t* Increment(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        HostCalls++;
        return null;
    }
}
