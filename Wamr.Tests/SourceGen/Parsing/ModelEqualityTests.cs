using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Model;

using static Wamr.Tests.SourceGen.Parsing.ParserTestHelper;

namespace Wamr.Tests.SourceGen.Parsing;

[TestClass]
public sealed class ModelEqualityTests
{
    private const string Text = """
        typedef struct wasm_val_t {
          unsigned char kind;
          union { int i32; double f64; } of;
        } wasm_val_t;
        enum e { A, B = 5 };
        static const int LIMIT = 3;
        void f(const wasm_val_t *v, void (*cb)(void *));
        int broken(;
        """;

    [TestMethod]
    public void ParsingTheSameTextTwiceGivesEqualModels()
    {
        HeaderModel first = Parse(Text);
        HeaderModel second = Parse(Text);

        Assert.AreEqual(first, second);
        Assert.AreEqual(first.GetHashCode(), second.GetHashCode());
        Assert.HasCount(2, first.Records);
        Assert.HasCount(1, first.Diagnostics);
    }

    [TestMethod]
    public void AnyChangeGivesADifferentModel()
    {
        HeaderModel original = Parse(Text);

        Assert.AreNotEqual(original, Parse(Text.Replace("B = 5", "B = 6", System.StringComparison.Ordinal)));
        Assert.AreNotEqual(original, Parse(Text.Replace("double f64", "float f64", System.StringComparison.Ordinal)));
        Assert.AreNotEqual(original, Parse(Text.Replace("const wasm_val_t", "wasm_val_t", System.StringComparison.Ordinal)));
        Assert.AreNotEqual(original, Parse("/* doc */\n" + Text));
        Assert.AreNotEqual(original, Parse(Text.Replace("int broken(;", "int fixed(void);", System.StringComparison.Ordinal)));
    }
}
