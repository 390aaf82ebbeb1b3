using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Model;

using static Wamr.Tests.SourceGen.Parsing.ParserTestHelper;

namespace Wamr.Tests.SourceGen.Parsing;

[TestClass]
public sealed class ConstantParsingTests
{
    [TestMethod]
    public void StaticConstIntegersAreEvaluated()
    {
        HeaderModel model = ParseClean("""
            typedef uint32_t wasm_memory_pages_t;
            static const uint32_t wasm_limits_max_default = 0xffffffff;
            /* page */
            static const size_t MEMORY_PAGE_SIZE = 0x10000;
            static const wasm_memory_pages_t MAX_PAGES = 65536;
            static const int MINUS_ONE = -1;
            """);

        Assert.AreEqual(
            new ConstantDecl("wasm_limits_max_default", Prim("uint32_t", isConst: true), "4294967295", At(2, 23), null),
            model.Constant("wasm_limits_max_default"));
        Assert.AreEqual(
            new ConstantDecl("MEMORY_PAGE_SIZE", Prim("size_t", isConst: true), "65536", At(4, 21), "page"),
            model.Constant("MEMORY_PAGE_SIZE"));
        Assert.AreEqual("65536", model.Constant("MAX_PAGES").Value);
        Assert.AreEqual(Td("wasm_memory_pages_t", isConst: true), model.Constant("MAX_PAGES").Type);
        Assert.AreEqual("-1", model.Constant("MINUS_ONE").Value);
    }

    [TestMethod]
    public void ValuesAreConvertedToTheDeclaredType()
    {
        HeaderModel model = ParseClean("""
            enum { BASE = 10 };
            static const uint32_t ALL = -1;
            static const uint64_t ALL64 = -1;
            static const int8_t WRAP = 200;
            static const unsigned char MASKED = 0x1FF;
            static const bool TRUTH = 42;
            static const long FROM_ENUM = BASE * 2;
            static const double HALF = 0.5;
            static const float NEG = -2.5f;
            static const double WHOLE = 3;
            """);

        Assert.AreEqual("4294967295", model.Constant("ALL").Value);
        Assert.AreEqual("18446744073709551615", model.Constant("ALL64").Value);
        Assert.AreEqual("-56", model.Constant("WRAP").Value);
        Assert.AreEqual("255", model.Constant("MASKED").Value);
        Assert.AreEqual("1", model.Constant("TRUTH").Value);
        Assert.AreEqual("20", model.Constant("FROM_ENUM").Value);
        Assert.AreEqual("0.5", model.Constant("HALF").Value);
        Assert.AreEqual("-2.5", model.Constant("NEG").Value);
        Assert.AreEqual("3", model.Constant("WHOLE").Value);
    }

    [TestMethod]
    public void SizeDependsOnThePointerSize()
    {
        const string Text = "static const size_t ALL = -1;";
        Assert.AreEqual("18446744073709551615", ParseClean(Text).Constant("ALL").Value);
        Assert.AreEqual("4294967295", ParseClean(Text, pointerSize: 4).Constant("ALL").Value);
    }

    [TestMethod]
    public void NonConstantObjectsAreIgnoredSilently()
    {
        HeaderModel model = ParseClean("""
            static int counter = 0;
            extern const int imported;
            extern int plain;
            static const char *name = "x";
            static const int table[2] = { 1, 2 };
            static const int from_call = compute(1);
            struct point { int x, y; };
            static const struct point origin = { 0, 0 };
            int after(void);
            """);

        Assert.IsEmpty(model.Constants);
        Assert.HasCount(1, model.Functions);
    }
}
