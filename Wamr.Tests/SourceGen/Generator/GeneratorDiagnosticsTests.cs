using System.Collections.Generic;
using System.Linq;

using Microsoft.CodeAnalysis;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.SourceGen.Generator;

/// <summary>Problems become diagnostics with ids, at the header's own file and line; the compiler never sees an exception.</summary>
[TestClass]
public sealed class GeneratorDiagnosticsTests
{
    private static (IReadOnlyList<Diagnostic> Diagnostics, Compilation Output) Run(string header, Dictionary<string, string>? properties = null)
    {
        var inputs = new[] { new TestInput("/headers/test.h", header) };
        var (output, diagnostics, _) = GeneratorHarness.Run(GeneratorHarness.Driver(inputs, properties), GeneratorHarness.Compilation());
        return (diagnostics, output);
    }

    [TestMethod]
    public void ErrorDirectiveIsReportedAtItsLine()
    {
        var (diagnostics, _) = Run("typedef int a_t;\n\n#error this header is not for you\nvoid f(void);\n");
        Diagnostic d = diagnostics.Single(x => x.Id == "WAMRGEN002");
        Assert.AreEqual("/headers/test.h", d.Location.GetLineSpan().Path);
        Assert.AreEqual(2, d.Location.GetLineSpan().StartLinePosition.Line);
        StringAssert.Contains(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), "this header is not for you");
        Assert.AreEqual(DiagnosticSeverity.Error, d.Severity);
    }

    [TestMethod]
    public void MissingIncludeIsReportedAtItsLine()
    {
        var (diagnostics, _) = Run("\n#include \"nowhere.h\"\n");
        Diagnostic d = diagnostics.Single(x => x.Id == "WAMRGEN003");
        Assert.AreEqual(1, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [TestMethod]
    public void SyntaxErrorIsReportedAndLaterDeclarationsStillBind()
    {
        var (diagnostics, output) = Run("void f(int 3);\n\nvoid g(int x);\n");
        Diagnostic d = diagnostics.Single(x => x.Id == "WAMRGEN004");
        Assert.AreEqual("/headers/test.h", d.Location.GetLineSpan().Path);
        Assert.AreEqual(0, d.Location.GetLineSpan().StartLinePosition.Line);
        INamedTypeSymbol api = output.GetTypeByMetadataName("Wamr.Interop.WasmCApi")!;
        Assert.IsNotEmpty(api.GetMembers("g"));
    }

    [TestMethod]
    public void UnknownTypeIsReportedAtItsLine()
    {
        var (diagnostics, _) = Run("\n\nmystery_t make(void);\n");
        Diagnostic d = diagnostics.Single(x => x.Id == "WAMRGEN006");
        Assert.AreEqual(2, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [TestMethod]
    public void BitfieldIsReportedAsUnsupported()
    {
        var (diagnostics, _) = Run("struct flags {\n  unsigned a : 1;\n  unsigned b : 3;\n};\n");
        Assert.IsTrue(diagnostics.Any(x => x.Id == "WAMRGEN005" && x.Location.GetLineSpan().StartLinePosition.Line == 1), string.Join("\n", diagnostics));
    }

    [TestMethod]
    public void InvalidOptionIsReportedAndDefaultUsed()
    {
        var (diagnostics, output) = Run("void f(void);\n", new Dictionary<string, string> { ["WamrNamespace"] = "not a namespace!" });
        Assert.IsTrue(diagnostics.Any(x => x.Id == "WAMRGEN009"), string.Join("\n", diagnostics));
        Assert.IsNotNull(output.GetTypeByMetadataName("Wamr.Interop.WasmCApi"));
    }

    [TestMethod]
    public void NoHeaderGivesAWarningAndNoCode()
    {
        var (output, diagnostics, driver) = GeneratorHarness.Run(GeneratorHarness.Driver(new TestInput[0]), GeneratorHarness.Compilation());
        Assert.AreEqual("WAMRGEN008", diagnostics.Single().Id);
        Assert.AreEqual(DiagnosticSeverity.Warning, diagnostics.Single().Severity);
        Assert.IsEmpty(GeneratorHarness.Problems(output));
        Assert.IsNotNull(driver);
    }

    [TestMethod]
    public void HostileInputNeverThrowsIntoTheCompiler()
    {
        string[] hostile =
        {
            "#define A A B\n#define B A\nA\n",
            "#if\n#endif\n",
            "#if 1/0\n#endif\n",
            "struct { struct { struct {",
            "typedef",
            "#define F(x) F(x) F\nF(F(F(1)))\n",
            "\"unterminated\n",
            new string('(', 5000),
            "enum e { A = 1 << 70, B = A / 0 };",
            "#include \"test.h\"\n",
        };
        foreach (string text in hostile)
        {
            var (diagnostics, _) = Run(text);
            Assert.IsFalse(diagnostics.Any(d => d.Id == "WAMRGEN007" || d.Id.StartsWith("CS", System.StringComparison.Ordinal)), text + "\n" + string.Join("\n", diagnostics));
        }
    }
}
