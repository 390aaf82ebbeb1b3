using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Model;

using static Wamr.Tests.SourceGen.Parsing.ParserTestHelper;

namespace Wamr.Tests.SourceGen.Parsing;

[TestClass]
public sealed class EnumParsingTests
{
    [TestMethod]
    public void TaggedEnumWithExplicitThenImplicitValuesAndTrailingComma()
    {
        HeaderModel model = ParseClean("""
            enum wasm_valkind_enum {
                WASM_I32,
                WASM_I64,
                /* reference */
                WASM_ANYREF = 128,
                WASM_FUNCREF,
            };
            """);

        EnumDecl decl = model.Enum("wasm_valkind_enum");
        Assert.IsFalse(decl.IsAnonymous);
        Assert.AreEqual(At(1, 6), decl.Location);
        CollectionAssert.AreEqual(new long[] { 0, 1, 128, 129 }, decl.Members.Select(m => m.Value).ToArray());
        Assert.AreEqual(new EnumMember("WASM_ANYREF", 128, At(5, 5), "reference"), decl.Members[2]);
        Assert.AreEqual(new EnumMember("WASM_FUNCREF", 129, At(6, 5), null), decl.Members[3]);
        Assert.IsEmpty(model.Typedefs);
    }

    [TestMethod]
    public void TypedefOfAnonymousEnumTakesTheTypedefName()
    {
        HeaderModel model = ParseClean("""
            /* Package Type */
            typedef enum {
                Wasm_Module_Bytecode = 0,
                Wasm_Module_AoT,
                Package_Type_Unknown = 0xFFFF
            } package_type_t;
            """);

        EnumDecl decl = model.Enum("package_type_t");
        Assert.IsTrue(decl.IsAnonymous);
        Assert.AreEqual("Package Type", decl.Doc);
        CollectionAssert.AreEqual(new long[] { 0, 1, 0xFFFF }, decl.Members.Select(m => m.Value).ToArray());
        Assert.AreEqual(EnumRef("package_type_t"), model.Typedef("package_type_t").Type);
    }

    [TestMethod]
    public void ValuesMayUseEarlierMembersOfThisAndOtherEnumsAndSizeof()
    {
        HeaderModel model = ParseClean("""
            enum base { BASE = 1 << 4, MASK = ~0xFFFFFFFF00000000 };
            enum derived {
                FIRST = BASE + 1,
                SECOND,
                BOTH = FIRST | SECOND,
                SIZE = sizeof(unsigned long long) * 2,
                NEGATIVE = -(BASE),
                CHAR = 'A',
                BIG = 0x7FFFFFFFFFFFFFFF,
            };
            """);

        Assert.AreEqual(4294967295L, model.Enum("base").Members[1].Value);
        CollectionAssert.AreEqual(
            new long[] { 17, 18, 19, 16, -16, 65, long.MaxValue },
            model.Enum("derived").Members.Select(m => m.Value).ToArray());
    }

    [TestMethod]
    public void AnonymousEnumsWithoutTypedefAreCounted()
    {
        HeaderModel model = ParseClean("""
            enum { A = 2 };
            enum { B = A * 3 };
            """);

        Assert.AreEqual(2, model.Enum("anonymous_enum_1").Members[0].Value);
        Assert.AreEqual(6, model.Enum("anonymous_enum_2").Members[0].Value);
        Assert.IsTrue(model.Enum("anonymous_enum_1").IsAnonymous);
    }

    [TestMethod]
    public void EnumTypeUsedInAStructAndAParameter()
    {
        HeaderModel model = ParseClean("""
            enum color { RED, GREEN };
            struct pixel { enum color c; };
            void paint(enum color c);
            """);

        Assert.AreEqual(EnumRef("color"), model.Record("pixel").Fields[0].Type);
        Assert.AreEqual(Params(Param("c", EnumRef("color"))), model.Function("paint").Parameters);
        Assert.HasCount(1, model.Records);
    }

    [TestMethod]
    public void EnumValueThatIsNotConstantIsAParseErrorAndTheNextDeclarationIsKept()
    {
        HeaderModel model = Parse("""
            enum bad {
                X = unknown_thing + 1
            };
            int after(void);
            """);

        Assert.HasCount(1, model.Diagnostics);
        Assert.AreEqual("WAMRGEN004", model.Diagnostics[0].Id);
        Assert.AreEqual(2, model.Diagnostics[0].Location.Line);
        Assert.IsEmpty(model.Enums);
        Assert.AreEqual("after", model.Functions.Single().Name);
    }
}
