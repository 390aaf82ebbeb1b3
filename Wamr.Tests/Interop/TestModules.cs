using System;
using System.IO;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop;

/// <summary>Loads the test modules (<c>.wasm</c> files copied to the output folder) through the C API.</summary>
internal static unsafe class TestModules
{
    /// <summary>The bytes of the module at <paramref name="relativePath"/> (below the test output folder).</summary>
    public static byte[] Bytes(string relativePath)
    {
        string path = Path.Combine(AppContext.BaseDirectory, relativePath);
        Assert.IsTrue(File.Exists(path), $"test module {path} is missing (is it copied to the output folder?)");
        return File.ReadAllBytes(path);
    }

    /// <summary>Compiles the module at <paramref name="relativePath"/> in <paramref name="store"/>; fails the test if WAMR refuses it.</summary>
    public static wasm_module_t* Load(wasm_store_t* store, string relativePath)
    {
        using wasm_byte_vec_t binary = wasm_byte_vec_t.Create(Bytes(relativePath));
        wasm_module_t* module = wasm_module_new(store, &binary);
        Assert.IsTrue(module != null, $"WAMR refused {relativePath}");
        return module;
    }

    /// <summary>Instantiates a module that has no imports; fails the test on a trap or an error.</summary>
    public static wasm_instance_t* Instantiate(wasm_store_t* store, wasm_module_t* module)
    {
        wasm_extern_vec_t imports = default;
        wasm_trap_t* trap = null;
        wasm_instance_t* instance = wasm_instance_new(store, module, &imports, &trap);
        Assert.IsTrue(trap == null, "instantiation trapped");
        Assert.IsTrue(instance != null, "wasm_instance_new returned NULL");
        return instance;
    }

    /// <summary>The exports of <paramref name="instance"/> (owned by the caller: delete the vector).</summary>
    public static wasm_extern_vec_t Exports(wasm_instance_t* instance)
    {
        wasm_extern_vec_t exports;
        wasm_instance_exports(instance, &exports);
        return exports;
    }
}
