using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop;

/// <summary>
/// A test module (Interop/Modules/*.wasm) compiled and instantiated in a store of the caller's, with its exports by
/// name. Disposing deletes the exports, the instance and the module (not the store).
/// </summary>
internal sealed unsafe class TestModule : IDisposable
{
    private readonly Dictionary<string, int> _exportIndex = new(StringComparer.Ordinal);
    private wasm_extern_vec_t _exports;

    private TestModule(wasm_module_t* module, wasm_instance_t* instance)
    {
        Module = module;
        Instance = instance;
        wasm_extern_vec_t exports;
        wasm_instance_exports(instance, &exports);
        _exports = exports;

        wasm_exporttype_vec_t types;
        wasm_module_exports(module, &types);
        for (int i = 0; i < types.Length; i++)
        {
            wasm_byte_vec_t* name = wasm_exporttype_name(types[i]);
            _exportIndex[Encoding.UTF8.GetString(name->AsSpan())] = i;
        }

        types.Dispose();
    }

    public wasm_module_t* Module { get; }

    public wasm_instance_t* Instance { get; }

    /// <summary>The bytes of <c>Interop/Modules/<paramref name="name"/>.wasm</c>.</summary>
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Interop", "Modules", name + ".wasm"));

    /// <summary>
    /// Compiles <paramref name="name"/> in <paramref name="store"/> and instantiates it with <paramref name="imports"/>.
    /// With <paramref name="withoutAppHeap"/>, through <c>wasm_instance_new_with_args</c> with no app heap, so that linear
    /// memory has exactly the module's pages (<c>wasm_instance_new</c> adds WAMR's 32 KiB app heap to it).
    /// </summary>
    public static TestModule Instantiate(wasm_store_t* store, string name, wasm_extern_vec_t imports, bool withoutAppHeap = false)
    {
        using wasm_byte_vec_t binary = wasm_byte_vec_t.Create(Bytes(name));
        wasm_module_t* module = wasm_module_new(store, &binary);
        Assert.IsTrue(module != null, $"{name}.wasm did not compile");
        wasm_trap_t* trap = null;
        wasm_instance_t* instance = withoutAppHeap
            ? wasm_instance_new_with_args(store, module, &imports, &trap, KILOBYTE(32u), 0)
            : wasm_instance_new(store, module, &imports, &trap);
        Assert.IsTrue(instance != null && trap == null, $"{name}.wasm did not instantiate");
        return new TestModule(module, instance);
    }

    /// <summary>The export named <paramref name="name"/>.</summary>
    public wasm_extern_t* Export(string name)
    {
        Assert.IsTrue(_exportIndex.TryGetValue(name, out int index), $"no export '{name}'");
        return _exports[index];
    }

    /// <summary>The exported function named <paramref name="name"/> (its kind checked first: the cast is unchecked in WAMR).</summary>
    public wasm_func_t* Func(string name)
    {
        wasm_extern_t* e = Export(name);
        Assert.AreEqual(WASM_EXTERN_FUNC, wasm_extern_kind(e));
        return wasm_extern_as_func(e);
    }

    /// <summary>The exported memory named <paramref name="name"/>.</summary>
    public wasm_memory_t* Memory(string name)
    {
        wasm_extern_t* e = Export(name);
        Assert.AreEqual(WASM_EXTERN_MEMORY, wasm_extern_kind(e));
        return wasm_extern_as_memory(e);
    }

    public void Dispose()
    {
        _exports.Dispose();
        wasm_instance_delete(Instance);
        wasm_module_delete(Module);
    }
}
