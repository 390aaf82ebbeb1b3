using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Parsing;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

using static Wamr.Tests.SourceGen.Parsing.ParserTestHelper;

namespace Wamr.Tests.SourceGen.Parsing;

[TestClass]
public sealed class DiagnosticParsingTests
{
    [TestMethod]
    public void SyntaxErrorIsReportedAtItsLineAndTheNextDeclarationIsParsed()
    {
        HeaderModel model = Parse("""
            int before(void);
            int broken(int a b);
            int after(void);
            """);

        DiagnosticInfo diagnostic = model.Diagnostics.Single();
        Assert.AreEqual(DiagnosticIds.ParseError, diagnostic.Id);
        Assert.AreEqual(At(2, 18), diagnostic.Location);
        CollectionAssert.AreEqual(new[] { "before", "after" }, model.Functions.Select(f => f.Name).ToArray());
    }

    [TestMethod]
    public void ErrorInsideAStructBodySkipsTheWholeDefinition()
    {
        HeaderModel model = Parse("""
            typedef struct broken_s {
                int a;
                int b c;
            } broken_t;
            typedef int after_t;
            """);

        Assert.AreEqual(3, model.Diagnostics.Single().Location.Line);
        Assert.IsEmpty(model.Records);
        Assert.AreEqual("after_t", model.Typedefs.Single().Name);
    }

    [TestMethod]
    public void ErrorInsideAFunctionBodyHeaderResumesAfterTheBody()
    {
        HeaderModel model = Parse("""
            static inline int broken(int a b) {
                return a;
            }
            int after(void);
            """);

        Assert.AreEqual(DiagnosticIds.ParseError, model.Diagnostics.Single().Id);
        Assert.AreEqual("after", model.Functions.Single().Name);
    }

    [TestMethod]
    public void MissingSemicolonAtEndOfInput()
    {
        HeaderModel model = Parse("int first(void);\nint last(void)");

        Assert.AreEqual(DiagnosticIds.ParseError, model.Diagnostics.Single().Id);
        Assert.AreEqual(2, model.Diagnostics.Single().Location.Line);
        Assert.AreEqual("first", model.Functions.Single().Name);
    }

    [TestMethod]
    public void StrayClosingBraceAndGarbageAreReportedAndSkipped()
    {
        HeaderModel model = Parse("""
            }
            42;
            int after(void);
            """);

        Assert.HasCount(2, model.Diagnostics);
        Assert.IsTrue(model.Diagnostics.All(d => d.Id == DiagnosticIds.ParseError));
        Assert.AreEqual(1, model.Diagnostics[0].Location.Line);
        Assert.AreEqual(2, model.Diagnostics[1].Location.Line);
        Assert.AreEqual("after", model.Functions.Single().Name);
    }

    [TestMethod]
    public void UnknownTypeIsReportedAndOnlyThatDeclarationSkipped()
    {
        HeaderModel model = Parse("""
            int before(void);
            void uses(int a,
                      mystery_t b);
            struct holder { mystery_t *p; };
            int after(void);
            """);

        Assert.HasCount(2, model.Diagnostics);
        Assert.AreEqual(
            new DiagnosticInfo(DiagnosticIds.UnknownType, "unknown type name 'mystery_t'", At(3, 11)),
            model.Diagnostics[0]);
        Assert.AreEqual(DiagnosticIds.UnknownType, model.Diagnostics[1].Id);
        Assert.AreEqual(4, model.Diagnostics[1].Location.Line);
        CollectionAssert.AreEqual(new[] { "before", "after" }, model.Functions.Select(f => f.Name).ToArray());
        Assert.IsEmpty(model.Records);
    }

    [TestMethod]
    public void AbandonedDeclarationLeavesNoTypedefNameBehind()
    {
        HeaderModel model = Parse("""
            typedef struct { mystery_t x; } lost_t;
            lost_t *use(void);
            """);

        Assert.HasCount(2, model.Diagnostics);
        Assert.IsTrue(model.Diagnostics.All(d => d.Id == DiagnosticIds.UnknownType));
        Assert.AreEqual(2, model.Diagnostics[1].Location.Line);
        Assert.IsEmpty(model.Typedefs);
        Assert.IsEmpty(model.Records);
        Assert.IsEmpty(model.Functions);
    }

    [TestMethod]
    public void BitfieldSkipsTheRecordWithAnUnsupportedDiagnostic()
    {
        HeaderModel model = Parse("""
            struct flags {
                unsigned ready : 1;
                unsigned : 3;
            };
            struct outer { struct { int x : 2; } inner; int y; };
            struct fine { int a; };
            """);

        Assert.HasCount(3, model.Diagnostics);
        Assert.IsTrue(model.Diagnostics.All(d => d.Id == DiagnosticIds.Unsupported));
        CollectionAssert.AreEqual(new[] { 2, 3, 5 }, model.Diagnostics.Select(d => d.Location.Line).ToArray());
        Assert.AreEqual("fine", model.Records.Single().Name);
    }

    [TestMethod]
    public void PreprocessorDiagnosticsComeFirstAndMacrosPassThrough()
    {
        var macro = new MacroDefinition("WASM_API", false, default, "1", new[] { "1" }.ToEquatableArray(), At(1, 9), null);
        var earlier = new DiagnosticInfo(DiagnosticIds.PreprocessorError, "bad #if", At(1, 1));
        var input = new PreprocessResult(
            Lexer.Tokenize(File, "int broken(;").ToEquatableArray(),
            new[] { macro }.ToEquatableArray(),
            new[] { earlier }.ToEquatableArray());

        HeaderModel model = CParser.Parse(input);

        Assert.AreEqual(input.Macros, model.Macros.Select(m => m with { Syntax = null }).ToEquatableArray());
        Assert.AreEqual(MacroBodyKind.Value, model.Macros.Single().Syntax!.Kind);
        Assert.HasCount(2, model.Diagnostics);
        Assert.AreEqual(earlier, model.Diagnostics[0]);
        Assert.AreEqual(DiagnosticIds.ParseError, model.Diagnostics[1].Id);
    }

    [TestMethod]
    public void NothingThrowsOnTruncatedOrUnbalancedInput()
    {
        string[] inputs =
        {
            "struct", "struct {", "typedef", "int (", "int a[", "enum e { A = (1 + }", "void f(void) {", "int x = (;",
            "typedef int (*)(void);", "int f(int, ...", "))((", "[[]]", "static_assert(1", "int f(void) int",
        };

        foreach (string text in inputs)
        {
            HeaderModel model = Parse(text);
            Assert.IsNotEmpty(model.Diagnostics, text);
            Assert.IsTrue(model.Diagnostics.All(d => d.Id == DiagnosticIds.ParseError || d.Id == DiagnosticIds.UnknownType), text);
        }
    }

    [TestMethod]
    public void FileScopeNoiseIsTolerated()
    {
        HeaderModel model = ParseClean("""
            extern "C" {
            ;
            _Static_assert(sizeof(int) == 4, "int");
            static_assert(1, "one");
            int inside(void);
            }
            """);

        Assert.AreEqual("inside", model.Functions.Single().Name);
    }
}
