using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Model;

using static Wamr.Tests.SourceGen.Parsing.ParserTestHelper;

namespace Wamr.Tests.SourceGen.Parsing;

[TestClass]
public sealed class FunctionParsingTests
{
    private const string Prelude = """
        typedef struct wasm_valtype_t wasm_valtype_t;
        typedef struct wasm_valtype_vec_t { int size; } wasm_valtype_vec_t;
        typedef void WASMFunctionInstanceCommon;
        typedef WASMFunctionInstanceCommon *wasm_function_inst_t;
        typedef struct WASMModuleInstanceCommon *wasm_module_inst_t;

        """;

    [TestMethod]
    public void PrototypeWithVoidParametersHasNone()
    {
        HeaderModel model = ParseClean("""
            /* Create a new engine */
            extern bool wasm_runtime_init(void);
            int legacy();
            """);

        Assert.AreEqual(
            new FunctionDecl("wasm_runtime_init", Prim("_Bool"), default, false, false, At(2, 13), "Create a new engine"),
            model.Function("wasm_runtime_init"));
        Assert.IsEmpty(model.Function("legacy").Parameters);
    }

    [TestMethod]
    public void ReturnTypesWithPointersAndConst()
    {
        HeaderModel model = ParseClean(Prelude + """
            const wasm_valtype_vec_t* wasm_functype_params(const wasm_valtype_t*);
            void *
            wasm_runtime_malloc(unsigned int size);
            char * const * names(void);
            """);

        FunctionDecl parameters = model.Function("wasm_functype_params");
        Assert.AreEqual(Ptr(Td("wasm_valtype_vec_t", isConst: true)), parameters.ReturnType);
        Assert.AreEqual(Params(Param(null, Ptr(Td("wasm_valtype_t", isConst: true)))), parameters.Parameters);
        Assert.AreEqual(Ptr(Prim("void")), model.Function("wasm_runtime_malloc").ReturnType);
        Assert.AreEqual(Params(Param("size", Prim("unsigned int"))), model.Function("wasm_runtime_malloc").Parameters);
        Assert.AreEqual(Ptr(Ptr(Prim("char"), isConst: true)), model.Function("names").ReturnType);
    }

    [TestMethod]
    public void ArrayParametersStayArrays()
    {
        HeaderModel model = ParseClean(Prelude + """
            void wasm_valtype_vec_new(wasm_valtype_vec_t* out, size_t, wasm_valtype_t* const[]);
            void set_args(const char *dir_list[], unsigned argv[8]);
            """);

        Assert.AreEqual(
            Params(
                Param("out", Ptr(Td("wasm_valtype_vec_t"))),
                Param(null, Prim("size_t")),
                Param(null, new CArrayType(Ptr(Td("wasm_valtype_t"), isConst: true), null))),
            model.Function("wasm_valtype_vec_new").Parameters);
        Assert.AreEqual(
            Params(
                Param("dir_list", new CArrayType(Ptr(Prim("char", isConst: true)), null)),
                Param("argv", new CArrayType(Prim("unsigned int"), 8))),
            model.Function("set_args").Parameters);
    }

    [TestMethod]
    public void FunctionPointerParametersNamedAndUnnamed()
    {
        HeaderModel model = ParseClean("""
            void wasm_func_new_with_env(void* env, void (*finalizer)(void*));
            void wasm_ref_set_host_info_with_finalizer(void*, void (*)(void*));
            void takes_function(int callback(int));
            """);

        CType finalizer = Ptr(Fn(Prim("void"), Param(null, Ptr(Prim("void")))));
        Assert.AreEqual(
            Params(Param("env", Ptr(Prim("void"))), Param("finalizer", finalizer)),
            model.Function("wasm_func_new_with_env").Parameters);
        Assert.AreEqual(
            Params(Param(null, Ptr(Prim("void"))), Param(null, finalizer)),
            model.Function("wasm_ref_set_host_info_with_finalizer").Parameters);
        Assert.AreEqual(
            Params(Param("callback", Ptr(Fn(Prim("int"), Param(null, Prim("int")))))),
            model.Function("takes_function").Parameters);
    }

    [TestMethod]
    public void VariadicFunction()
    {
        HeaderModel model = ParseClean(Prelude + """
            bool wasm_runtime_call_wasm_v(wasm_function_inst_t function, uint32_t num_args, ...);
            """);

        FunctionDecl f = model.Function("wasm_runtime_call_wasm_v");
        Assert.IsTrue(f.IsVariadic);
        Assert.HasCount(2, f.Parameters);
        Assert.IsFalse(model.Function("wasm_runtime_call_wasm_v").IsInline);
    }

    [TestMethod]
    public void ConstAfterATypedefName()
    {
        HeaderModel model = ParseClean(Prelude + """
            uint32_t
            wasm_func_get_param_count(wasm_function_inst_t const func_inst,
                                      wasm_module_inst_t const module_inst);
            """);

        Assert.AreEqual(
            Params(Param("func_inst", Td("wasm_function_inst_t", isConst: true)), Param("module_inst", Td("wasm_module_inst_t", isConst: true))),
            model.Function("wasm_func_get_param_count").Parameters);
    }

    [TestMethod]
    public void MultiTokenPrimitives()
    {
        HeaderModel model = ParseClean("""
            unsigned long long f(signed char a, long b, unsigned c, short int d, long long int e, unsigned long g,
                                 double h, float i, long double j, int8_t k, uint64_t l, intptr_t m, uintptr_t n, ptrdiff_t o);
            """);

        FunctionDecl f = model.Function("f");
        Assert.AreEqual(Prim("unsigned long long"), f.ReturnType);
        CollectionAssert.AreEqual(
            new[]
            {
                "signed char", "long", "unsigned int", "short", "long long", "unsigned long", "double", "float",
                "long double", "int8_t", "uint64_t", "intptr_t", "uintptr_t", "ptrdiff_t",
            },
            f.Parameters.Select(p => ((CPrimitiveType)p.Type).Name).ToArray());
    }

    [TestMethod]
    public void CallingConventionAndAttributeNoiseIsDropped()
    {
        HeaderModel model = ParseClean("""
            __declspec(dllimport) extern void __cdecl f1(void * __restrict p, volatile int v);
            __attribute__((visibility("default"))) int __stdcall f2(const char *restrict s) __attribute__((deprecated));
            static __inline int f3(void) { return 1; }
            void (__cdecl *get_handler(void))(int);
            """);

        Assert.AreEqual(
            new FunctionDecl("f1", Prim("void"), Params(Param("p", Ptr(Prim("void"))), Param("v", Prim("int"))), false, false, At(1, 43), null),
            model.Function("f1"));
        Assert.AreEqual(Params(Param("s", Ptr(Prim("char", isConst: true)))), model.Function("f2").Parameters);
        Assert.IsTrue(model.Function("f3").IsInline);
        Assert.AreEqual(Ptr(Fn(Prim("void"), Param(null, Prim("int")))), model.Function("get_handler").ReturnType);
        Assert.IsEmpty(model.Function("get_handler").Parameters);
    }

    [TestMethod]
    public void InlineDefinitionsAreRecordedWithTheirBodiesAndOtherDefinitionsWithout()
    {
        HeaderModel model = ParseClean(Prelude + """
            static inline bool wasm_valkind_is_num(uint8_t k) {
              if (k < 128) { return true; }
              return false;
            }
            inline void assertions(void) {
              static_assert(sizeof(float) == sizeof(uint32_t), "incompatible float type");
            }
            int defined_here(int x) { return x + 1; }
            int after(void);
            """);

        FunctionDecl isNum = model.Function("wasm_valkind_is_num");
        Assert.AreEqual(
            new FunctionDecl("wasm_valkind_is_num", Prim("_Bool"), Params(Param("k", Prim("uint8_t"))), false, true, At(6, 20), null, isNum.Body),
            isNum);
        Assert.IsNotNull(isNum.Body);
        Assert.IsNull(isNum.Body.Problem);
        Assert.HasCount(2, isNum.Body.Statements);
        Assert.IsInstanceOfType<CIfStatement>(isNum.Body.Statements[0]);
        Assert.IsInstanceOfType<CReturnStatement>(isNum.Body.Statements[1]);

        FunctionDecl assertions = model.Function("assertions");
        Assert.IsTrue(assertions.IsInline);
        Assert.IsEmpty(assertions.Parameters);
        Assert.AreEqual("a static assertion (_Static_assert)", assertions.Body!.Problem!.Message);
        Assert.AreEqual(11, assertions.Body.Problem.Location.Line);

        Assert.IsFalse(model.Function("defined_here").IsInline);
        Assert.IsNull(model.Function("defined_here").Body);
        Assert.AreEqual("after", model.Functions[^1].Name);
        Assert.HasCount(4, model.Functions);
    }

    [TestMethod]
    public void SeveralFunctionsInOneDeclarationAndRepeatedPrototypes()
    {
        HeaderModel model = ParseClean("""
            int a(void), *b(int x);
            int a(void);
            """);

        Assert.HasCount(2, model.Functions);
        Assert.AreEqual(Ptr(Prim("int")), model.Function("b").ReturnType);
    }
}
