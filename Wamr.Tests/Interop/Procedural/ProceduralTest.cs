using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// Base of the per-concept tests of the procedural API: each test gets its own engine (allocations counted,
/// see <see cref="CountingAllocator"/>) and store, deleted after it; the test modules in <c>TestModules/</c>
/// are loaded by name.
/// </summary>
/// <remarks>
/// WAMR 1.1.2 releases modules and instances with the store that made them (<c>wasm_module_delete</c> and
/// <c>wasm_instance_delete</c> do not free them), so deleting the store after each test releases them.
/// </remarks>
public abstract unsafe class ProceduralTest
{
    /// <summary>The engine of the current test.</summary>
    protected wasm_engine_t* Engine { get; private set; }

    /// <summary>The store of the current test.</summary>
    protected wasm_store_t* Store { get; private set; }

    /// <summary>Creates the engine and the store.</summary>
    [TestInitialize]
    public void CreateEngineAndStore()
    {
        Engine = CountingAllocator.CreateEngine();
        Store = wasm_store_new(Engine);
        Assert.IsTrue(Store != null, "wasm_store_new returned NULL");
    }

    /// <summary>Deletes the store and the engine.</summary>
    [TestCleanup]
    public void DeleteStoreAndEngine()
    {
        if (Store != null)
        {
            wasm_store_delete(Store);
            Store = null;
        }

        wasm_engine_delete(Engine);
        Engine = null;
    }

    /// <summary>Deletes the current store and makes a new one (for tests that outlive a store).</summary>
    protected void ReplaceStore()
    {
        wasm_store_delete(Store);
        Store = wasm_store_new(Engine);
        Assert.IsTrue(Store != null, "wasm_store_new returned NULL");
    }

    /// <summary>The bytes of <c>TestModules/<paramref name="name"/>.wasm</c>.</summary>
    protected static byte[] ModuleBytes(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestModules", name + ".wasm"));

    /// <summary>Compiles a test module into <paramref name="store"/> (the current store by default).</summary>
    protected wasm_module_t* LoadModule(string name, wasm_store_t* store = null)
    {
        using wasm_byte_vec_t binary = wasm_byte_vec_t.Create(ModuleBytes(name));
        wasm_module_t* module = wasm_module_new(store == null ? Store : store, &binary);
        Assert.IsTrue(module != null, $"wasm_module_new refused {name}.wasm");
        return module;
    }

    /// <summary>Compiles another test folder's module (e.g. <c>("Facade", "refs")</c>: <c>Facade/Modules/refs.wasm</c> in
    /// the output) into the current store.</summary>
    protected wasm_module_t* LoadOutputModule(string folder, string name)
    {
        using wasm_byte_vec_t binary = wasm_byte_vec_t.Create(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, folder, "Modules", name + ".wasm")));
        wasm_module_t* module = wasm_module_new(Store, &binary);
        Assert.IsTrue(module != null, $"wasm_module_new refused {folder}/Modules/{name}.wasm");
        return module;
    }

    /// <summary>Instantiates a test module with the given imports (in the module's import order).</summary>
    protected wasm_instance_t* Instantiate(string name, params nint[] imports) => Instantiate(LoadModule(name), imports);

    /// <summary>Instantiates a module with the given imports (in the module's import order).</summary>
    protected wasm_instance_t* Instantiate(wasm_module_t* module, params nint[] imports)
    {
        wasm_trap_t* trap = null;
        wasm_instance_t* instance;
        fixed (nint* data = imports)
        {
            // Like WASM_ARRAY_VEC: a vector over the caller's array, which keeps ownership of the externs.
            wasm_extern_vec_t vector = ArrayVec(data, imports.Length);
            instance = wasm_instance_new(Store, module, &vector, &trap);
        }

        if (trap != null)
        {
            string message = Message(trap);
            wasm_trap_delete(trap);
            Assert.Fail("wasm_instance_new trapped: " + message);
        }

        Assert.IsTrue(instance != null, "wasm_instance_new returned NULL");
        return instance;
    }

    /// <summary>A vector over <paramref name="count"/> externs that the caller keeps owning (WASM_ARRAY_VEC).</summary>
    protected static wasm_extern_vec_t ArrayVec(nint* data, int count) => new()
    {
        size = (nuint)count,
        data = (wasm_extern_t**)data,
        num_elems = (nuint)count,
        size_of_elem = (nuint)sizeof(nint),
    };

    /// <summary>A vector over <paramref name="count"/> values that the caller keeps owning (WASM_ARRAY_VEC).</summary>
    protected static wasm_val_vec_t ArrayVec(wasm_val_t* data, int count) => new()
    {
        size = (nuint)count,
        data = data,
        num_elems = (nuint)count,
        size_of_elem = (nuint)sizeof(wasm_val_t),
    };

    /// <summary>The instance's exports, owned by the caller (dispose the vector).</summary>
    protected static wasm_extern_vec_t Exports(wasm_instance_t* instance)
    {
        wasm_extern_vec_t exports;
        wasm_instance_exports(instance, &exports);
        return exports;
    }

    /// <summary>A trap's message without the terminating NUL WAMR stores with it.</summary>
    protected static string Message(wasm_trap_t* trap)
    {
        wasm_message_t message = default;
        wasm_trap_message(trap, &message);
        string text = Encoding.UTF8.GetString(message.AsSpan()).TrimEnd('\0');
        wasm_byte_vec_delete(&message);
        return text;
    }

    /// <summary>Calls a function and returns its trap's message, deleting the trap (null when it did not trap).</summary>
    protected static string? CallForTrap(wasm_func_t* func, wasm_val_t[] args, wasm_val_t[] results)
    {
        wasm_trap_t* trap;
        fixed (wasm_val_t* a = args, r = results)
        {
            wasm_val_vec_t argv = ArrayVec(a, args.Length);
            wasm_val_vec_t resultv = ArrayVec(r, results.Length);
            trap = wasm_func_call(func, &argv, &resultv);
        }

        if (trap == null)
        {
            return null;
        }

        string message = Message(trap);
        wasm_trap_delete(trap);
        return message;
    }

    /// <summary>Calls a function that must not trap.</summary>
    protected static void Call(wasm_func_t* func, wasm_val_t[] args, wasm_val_t[] results)
    {
        string? trap = CallForTrap(func, args, results);
        Assert.IsNull(trap, "the call trapped: " + trap);
    }

    /// <summary>An i32 value.</summary>
    protected static wasm_val_t I32(int value)
    {
        wasm_val_t v = default;
        v.kind = WASM_I32;
        v.of.i32 = value;
        return v;
    }

    /// <summary>An i64 value.</summary>
    protected static wasm_val_t I64(long value)
    {
        wasm_val_t v = default;
        v.kind = WASM_I64;
        v.of.i64 = value;
        return v;
    }

    /// <summary>An f32 value.</summary>
    protected static wasm_val_t F32(float value)
    {
        wasm_val_t v = default;
        v.kind = WASM_F32;
        v.of.f32 = value;
        return v;
    }

    /// <summary>An f64 value.</summary>
    protected static wasm_val_t F64(double value)
    {
        wasm_val_t v = default;
        v.kind = WASM_F64;
        v.of.f64 = value;
        return v;
    }

    /// <summary>
    /// A host-info finalizer that counts its calls in the <see cref="int"/> its info points at (pass the address
    /// of a local: WAMR calls finalizers synchronously, from the <c>_delete</c> function).
    /// </summary>
    protected static delegate* unmanaged[Cdecl]<void*, void> CountingFinalizer => &CountFinalization;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void CountFinalization(void* info) => (*(int*)info)++;

    /// <summary>
    /// Asserts that the binding of <paramref name="function"/> refuses a NULL <paramref name="parameter"/> with an
    /// <see cref="ArgumentNullException"/> naming both (WAMR would dereference it and crash the process; the
    /// guard list is <c>Wamr.Runtime/Interop/wasm_c_api.guards</c>).
    /// </summary>
    protected static void AssertNullGuarded(string function, string parameter, Action call)
    {
        ArgumentNullException e = Assert.ThrowsExactly<ArgumentNullException>(call);
        Assert.AreEqual(parameter, e.ParamName);
        StringAssert.Contains(e.Message, function);
    }

    /// <summary>A function type from value kinds (params, then results).</summary>
    protected static wasm_functype_t* FuncType(wasm_valkind_t[] parameters, wasm_valkind_t[] results)
    {
        wasm_valtype_vec_t p = ValTypes(parameters);
        wasm_valtype_vec_t r = ValTypes(results);
        return wasm_functype_new(&p, &r);
    }

    private static wasm_valtype_vec_t ValTypes(wasm_valkind_t[] kinds)
    {
        var types = new wasm_valtype_t*[kinds.Length];
        for (int i = 0; i < kinds.Length; i++)
        {
            types[i] = wasm_valtype_new(kinds[i]);
        }

        return wasm_valtype_vec_t.Create(types);
    }
}
