using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Model;

using static Wamr.Tests.SourceGen.Parsing.ParserTestHelper;

namespace Wamr.Tests.SourceGen.Parsing;

[TestClass]
public sealed class TypedefParsingTests
{
    [TestMethod]
    public void TypedefOfPrimitivesUsesCanonicalNames()
    {
        HeaderModel model = ParseClean("""
            typedef char byte_t;
            typedef unsigned u_t;
            typedef long int l_t;
            typedef unsigned long long int ull_t;
            typedef signed char sc_t;
            typedef short unsigned su_t;
            typedef long double ld_t;
            typedef signed s_t;
            typedef bool b_t;
            typedef _Bool b2_t;
            typedef uint32_t u32_t;
            typedef size_t sz_t;
            """);

        Assert.AreEqual(new TypedefDecl("byte_t", Prim("char"), At(1, 14), null), model.Typedef("byte_t"));
        Assert.AreEqual(Prim("unsigned int"), model.Typedef("u_t").Type);
        Assert.AreEqual(Prim("long"), model.Typedef("l_t").Type);
        Assert.AreEqual(Prim("unsigned long long"), model.Typedef("ull_t").Type);
        Assert.AreEqual(Prim("signed char"), model.Typedef("sc_t").Type);
        Assert.AreEqual(Prim("unsigned short"), model.Typedef("su_t").Type);
        Assert.AreEqual(Prim("long double"), model.Typedef("ld_t").Type);
        Assert.AreEqual(Prim("int"), model.Typedef("s_t").Type);
        Assert.AreEqual(Prim("_Bool"), model.Typedef("b_t").Type);
        Assert.AreEqual(Prim("_Bool"), model.Typedef("b2_t").Type);
        Assert.AreEqual(Prim("uint32_t"), model.Typedef("u32_t").Type);
        Assert.AreEqual(Prim("size_t"), model.Typedef("sz_t").Type);
        Assert.HasCount(12, model.Typedefs);
    }

    [TestMethod]
    public void TypedefOfTypedefPointerAndVoid()
    {
        HeaderModel model = ParseClean("""
            typedef char byte_t;
            typedef byte_t wasm_byte_t;
            typedef struct WASMModuleCommon *wasm_module_t;
            typedef void WASMFunctionInstanceCommon;
            typedef WASMFunctionInstanceCommon *wasm_function_inst_t;
            typedef const char * const * names_t;
            """);

        Assert.AreEqual(Td("byte_t"), model.Typedef("wasm_byte_t").Type);
        Assert.AreEqual(Ptr(Struct("WASMModuleCommon")), model.Typedef("wasm_module_t").Type);
        Assert.AreEqual(Prim("void"), model.Typedef("WASMFunctionInstanceCommon").Type);
        Assert.AreEqual(Ptr(Td("WASMFunctionInstanceCommon")), model.Typedef("wasm_function_inst_t").Type);
        Assert.AreEqual(Ptr(Ptr(Prim("char", isConst: true), isConst: true)), model.Typedef("names_t").Type);

        // The tag only ever used through a pointer is an opaque record.
        RecordDecl opaque = model.Record("WASMModuleCommon");
        Assert.IsTrue(opaque.IsOpaque);
        Assert.IsEmpty(opaque.Fields);
    }

    [TestMethod]
    public void MultipleDeclaratorsInOneTypedef()
    {
        HeaderModel model = ParseClean("""
            typedef struct wasm_section_t {
                struct wasm_section_t *next;
                int section_type;
            } wasm_section_t, aot_section_t, *wasm_section_list_t, *aot_section_list_t;
            """);

        Assert.AreEqual(Struct("wasm_section_t"), model.Typedef("wasm_section_t").Type);
        Assert.AreEqual(Struct("wasm_section_t"), model.Typedef("aot_section_t").Type);
        Assert.AreEqual(Ptr(Struct("wasm_section_t")), model.Typedef("wasm_section_list_t").Type);
        Assert.AreEqual(Ptr(Struct("wasm_section_t")), model.Typedef("aot_section_list_t").Type);
        Assert.HasCount(4, model.Typedefs);

        RecordDecl record = model.Record("wasm_section_t");
        Assert.IsFalse(record.IsOpaque);
        Assert.IsFalse(record.IsAnonymous);
        Assert.AreEqual(Ptr(Struct("wasm_section_t")), record.Fields[0].Type);
        Assert.HasCount(1, model.Records);
    }

    [TestMethod]
    public void FunctionPointerTypedefs()
    {
        HeaderModel model = ParseClean("""
            typedef struct wasm_trap_t wasm_trap_t;
            typedef struct wasm_val_vec_t { int size; } wasm_val_vec_t;
            typedef  wasm_trap_t* (*wasm_func_callback_t)(const wasm_val_vec_t* args, wasm_val_vec_t *results);
            typedef void *(*wasm_thread_callback_t)(int, void *);
            """);

        Assert.AreEqual(
            Ptr(Fn(Ptr(Td("wasm_trap_t")), Param("args", Ptr(Td("wasm_val_vec_t", isConst: true))), Param("results", Ptr(Td("wasm_val_vec_t"))))),
            model.Typedef("wasm_func_callback_t").Type);
        Assert.AreEqual(
            Ptr(Fn(Ptr(Prim("void")), Param(null, Prim("int")), Param(null, Ptr(Prim("void"))))),
            model.Typedef("wasm_thread_callback_t").Type);
        Assert.AreEqual(Struct("wasm_trap_t"), model.Typedef("wasm_trap_t").Type);
        Assert.IsTrue(model.Record("wasm_trap_t").IsOpaque);
    }

    [TestMethod]
    public void TypedefOfFunctionTypeAndArray()
    {
        HeaderModel model = ParseClean("""
            typedef void handler_t(int signal, ...);
            typedef unsigned char digest_t[2 * 16];
            """);

        Assert.AreEqual(new CFunctionType(Prim("void"), Params(Param("signal", Prim("int"))), true), model.Typedef("handler_t").Type);
        Assert.AreEqual(new CArrayType(Prim("unsigned char"), 32), model.Typedef("digest_t").Type);
    }

    [TestMethod]
    public void RedefiningABuiltInTypedefKeepsItBuiltIn()
    {
        HeaderModel model = ParseClean("""
            typedef unsigned int uint32_t;
            typedef uint32_t wasm_table_size_t;
            """);

        Assert.HasCount(1, model.Typedefs);
        Assert.AreEqual(Prim("uint32_t"), model.Typedef("wasm_table_size_t").Type);
    }

    [TestMethod]
    public void DocAndLocationComeFromTheDeclaration()
    {
        HeaderModel model = ParseClean("""
            /* Function instance */
            typedef void WASMFunctionInstanceCommon;
            """);

        TypedefDecl typedef = model.Typedef("WASMFunctionInstanceCommon");
        Assert.AreEqual("Function instance", typedef.Doc);
        Assert.AreEqual(At(2, 14), typedef.Location);
    }
}
