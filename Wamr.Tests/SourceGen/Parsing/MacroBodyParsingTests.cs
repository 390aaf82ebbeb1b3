using System.Collections.Generic;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Parsing;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.Tests.SourceGen.Parsing;

/// <summary>Macro bodies are classified (nothing to bind, declarations, attributes, a value) and values parsed, unexpanded.</summary>
[TestClass]
public sealed class MacroBodyParsingTests
{
    private static Dictionary<string, MacroBody> Macros(string header)
    {
        PreprocessResult preprocessed = Preprocessor.Run(
            new[] { new HeaderFile("test.h", header) }, new[] { "test.h" }, new PreprocessorOptions(8, EquatableArray<PredefinedMacro>.Empty));
        HeaderModel model = CParser.Parse(preprocessed);
        return model.Macros.ToDictionary(m => m.Name, m => m.Syntax!);
    }

    [TestMethod]
    public void BodiesAreClassified()
    {
        Dictionary<string, MacroBody> macros = Macros("""
            #define GUARD_H_
            #define own
            #define API_EXTERN __declspec(dllexport)
            #define DECLARE(name) typedef struct name##_t name##_t;
            #define VALUE ((1) << 4)
            #define STRING(x) #x
            #define handle_t struct handle*
            #define SWAP(a, b) do { int t = a; a = b; b = t; } while (0)
            """);
        Assert.AreEqual(MacroBodyKind.Empty, macros["GUARD_H_"].Kind);
        Assert.AreEqual(MacroBodyKind.Empty, macros["own"].Kind);
        Assert.AreEqual(MacroBodyKind.Attribute, macros["API_EXTERN"].Kind);
        Assert.AreEqual(MacroBodyKind.Declarations, macros["DECLARE"].Kind);
        Assert.AreEqual(MacroBodyKind.Value, macros["VALUE"].Kind);
        Assert.AreEqual("<<", ((CBinary)macros["VALUE"].Value!).Operator);
        Assert.AreEqual(MacroBodyKind.Unsupported, macros["STRING"].Kind);
        Assert.AreEqual("stringizing (#)", macros["STRING"].Problem!.Message);
        Assert.AreEqual(6, macros["STRING"].Problem!.Location.Line);
        Assert.AreEqual(MacroBodyKind.Type, macros["handle_t"].Kind);
        Assert.AreEqual(MacroBodyKind.Unsupported, macros["SWAP"].Kind);
        Assert.AreEqual("a statement ('do') as a macro body", macros["SWAP"].Problem!.Message);
    }

    [TestMethod]
    public void InitializersKeepDesignatorsAndOtherMacrosStayNames()
    {
        Dictionary<string, MacroBody> macros = Macros("""
            #define WASM_I32_VAL(i) {.kind = WASM_I32, .of = {.i32 = i}}
            #define WASM_EMPTY_VEC {0, NULL, 0, 0, NULL}
            #define WASM_ARRAY_VEC(array) {sizeof(array)/sizeof(*(array)), array}
            """);
        var value = (CInitializerList)macros["WASM_I32_VAL"].Value!;
        CollectionAssert.AreEqual(new[] { "kind", "of" }, value.Items.Select(i => i.Designators.Single()).ToArray());
        Assert.AreEqual("WASM_I32", ((CIdentifier)value.Items[0].Value).Name);
        var of = (CInitializerList)value.Items[1].Value;
        Assert.AreEqual("i32", of.Items.Single().Designators.Single());
        Assert.AreEqual("i", ((CIdentifier)of.Items.Single().Value).Name);

        var empty = (CInitializerList)macros["WASM_EMPTY_VEC"].Value!;
        Assert.HasCount(5, empty.Items);
        Assert.AreEqual("NULL", ((CIdentifier)empty.Items[1].Value).Name);

        var array = (CInitializerList)macros["WASM_ARRAY_VEC"].Value!;
        var count = (CBinary)array.Items[0].Value;
        Assert.AreEqual("/", count.Operator);
        Assert.AreEqual("array", ((CIdentifier)((CSizeOfExpression)count.Left).Operand).Name);
        Assert.AreEqual("*", ((CUnary)((CSizeOfExpression)count.Right).Operand).Operator);
    }

    [TestMethod]
    public void CastsToTypesTheHeadersDeclareAreCasts()
    {
        Dictionary<string, MacroBody> macros = Macros("""
            typedef unsigned int my_u32;
            #define AS_U32(x) ((my_u32)(x))
            #define NOT_A_CAST(x) ((x)(1))
            """);
        Assert.AreEqual(new CTypedefRef("my_u32"), ((CCast)macros["AS_U32"].Value!).Type);
        Assert.IsInstanceOfType<CCall>(macros["NOT_A_CAST"].Value);
    }
}
