using Microsoft.CodeAnalysis;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.SourceGen.Generator;

/// <summary>Code ported from WAMR's C samples compiles against the generated surface with only syntactic changes.</summary>
[TestClass]
public sealed class PortingErgonomicsTests
{
    private static string Compile(string body)
    {
        string source = $$"""
            using System.Runtime.CompilerServices;
            using System.Runtime.InteropServices;
            using Wamr.Interop;
            using static Wamr.Interop.WasmCApi;
            using static Wamr.Interop.WamrApi;

            #pragma warning disable CS0219, CS0168 // ported snippets assign values only to show that they type-check

            public static unsafe class Port
            {
                [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
                public static wasm_trap_t* hello_callback(wasm_val_vec_t* args, wasm_val_vec_t* results) => null;

                [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
                public static wasm_trap_t* env_callback(void* env, wasm_val_vec_t* args, wasm_val_vec_t* results) => null;

                public static void Run()
                {
                    {{body}}
                }
            }
            """;
        var (output, diagnostics, _) = GeneratorHarness.Run(GeneratorHarness.Driver(GeneratorHarness.WamrInputs()), GeneratorHarness.Compilation(source));
        Assert.IsEmpty(GeneratorHarness.WarningsAndErrors(diagnostics));
        return GeneratorHarness.Problems(output);
    }

    [TestMethod]
    public void HelloSamplePortsLineByLine()
    {
        string problems = Compile("""
            wasm_engine_t* engine = wasm_engine_new();
            wasm_store_t* store = wasm_store_new(engine);
            wasm_byte_vec_t binary;
            wasm_byte_vec_new_uninitialized(&binary, 8);
            wasm_module_t* module = wasm_module_new(store, &binary);
            wasm_byte_vec_delete(&binary);
            wasm_valtype_vec_t ps, rs;
            wasm_valtype_vec_new_empty(&ps);
            wasm_valtype_vec_new_empty(&rs);
            wasm_functype_t* hello_type = wasm_functype_new(&ps, &rs);
            wasm_func_t* hello_func = wasm_func_new(store, hello_type, &hello_callback);
            wasm_functype_delete(hello_type);
            wasm_extern_t** externs = stackalloc wasm_extern_t*[] { wasm_func_as_extern(hello_func) };
            wasm_extern_vec_t imports = new wasm_extern_vec_t { size = 1, data = externs, num_elems = 1, size_of_elem = (nuint)sizeof(wasm_extern_t*) };
            wasm_trap_t* trap = null;
            wasm_instance_t* instance = wasm_instance_new(store, module, &imports, &trap);
            wasm_extern_vec_t exports;
            wasm_instance_exports(instance, &exports);
            wasm_func_t* run_func = wasm_extern_as_func(exports.data[0]);
            wasm_val_vec_t args = default, results = default;
            wasm_func_call(run_func, &args, &results);
            wasm_extern_vec_delete(&exports);
            wasm_instance_delete(instance);
            wasm_func_delete(hello_func);
            wasm_module_delete(module);
            wasm_store_delete(store);
            wasm_engine_delete(engine);
            """);
        Assert.AreEqual(string.Empty, problems);
    }

    [TestMethod]
    public void EnumConstantsNeedNoCasts()
    {
        string problems = Compile("""
            wasm_val_t v = default;
            v.kind = WASM_I32;
            v.of.i32 = 7;
            wasm_valtype_t* t = wasm_valtype_new(WASM_I32);
            wasm_globaltype_t* g = wasm_globaltype_new(t, WASM_CONST);
            wasm_externtype_t* e = wasm_globaltype_as_externtype(g);
            switch (wasm_externtype_kind(e))
            {
                case WASM_EXTERN_FUNC: break;
                case WASM_EXTERN_GLOBAL: break;
            }
            bool isVar = wasm_globaltype_mutability(g) == WASM_VAR;
            wasm_valkind_t k = wasm_valtype_kind(t);
            bool isRef = k >= WASM_ANYREF;
            """);
        Assert.AreEqual(string.Empty, problems);
    }

    [TestMethod]
    public void TypedefAliasesMacroAliasesAndCallbacksWork()
    {
        string problems = Compile("""
            wasm_name_t name;
            wasm_name_new_empty(&name);
            wasm_message_t message = name;
            wasm_name_delete(&message);
            wasm_byte_t b = 1;
            float32_t f = 1.5f;
            wasm_func_callback_t cb = &hello_callback;
            wasm_func_callback_with_env_t cbe = &env_callback;
            wasm_func_t* fn = wasm_func_new_with_env(null, null, &env_callback, null, null);
            wasm_memory_pages_t pages = 1;
            nuint pageSize = MEMORY_PAGE_SIZE;
            uint max = wasm_limits_max_default;
            wasm_shared_module_t* shared = null;
            wasm_module_t* m = shared;
            """);
        Assert.AreEqual(string.Empty, problems);
    }

    [TestMethod]
    public void VectorsAreSpansAndOwningDisposables()
    {
        string problems = Compile("""
            using wasm_byte_vec_t bytes = wasm_byte_vec_t.Create(new byte[] { 0, 97, 115, 109 });
            System.Span<byte> view = bytes.AsSpan();
            byte first = bytes[0];
            foreach (byte x in bytes) { }
            wasm_valtype_vec_t types = wasm_valtype_vec_t.Create(wasm_valtype_new(WASM_I32), wasm_valtype_new(WASM_I64));
            foreach (wasm_valtype_t* t in types) { _ = wasm_valtype_kind(t); }
            wasm_valtype_t* second = types[1];
            types.Dispose();
            """);
        Assert.AreEqual(string.Empty, problems);
    }

    [TestMethod]
    public void NativeApiTypesPortToo()
    {
        string problems = Compile("""
            RuntimeInitArgs init = default;
            init.mem_alloc_type = Alloc_With_System_Allocator;
            init.ip_addr[0] = (byte)'l';
            MemAllocOption opt = default;
            opt.pool.heap_size = 1024;
            wasm_module_inst_t inst = default;
            bool none = inst.IsNull;
            WamrApi.wasm_runtime_init_thread_env();
            package_type_t p = Package_Type_Unknown;
            """);
        Assert.AreEqual(string.Empty, problems);
    }
}
