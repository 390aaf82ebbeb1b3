using System.Collections.Generic;
using System.Linq;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen;
using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Parsing;
using Wamr.SourceGen.Text;

namespace Wamr.Tests.SourceGen.Generator;

/// <summary>
/// Guard lists (<c>&lt;WamrGuards Include="…" /&gt;</c>): a guarded function becomes a public method that throws
/// ArgumentNullException for its listed null arguments and calls a private DllImport; mistakes in the list are
/// diagnostics at the list's own line.
/// </summary>
[TestClass]
public sealed unsafe class ArgumentGuardTests
{
    private const string Header = """
        typedef struct thing_t thing_t;
        void thing_delete(thing_t*);
        int thing_combine(thing_t* first, const thing_t*, int count);
        void missing_one(thing_t* target);
        """;

    private static (IReadOnlyList<Diagnostic> Diagnostics, Compilation Output, GeneratorDriver Driver) Run(string guards, string exports = "thing_delete\nthing_combine\n")
    {
        var inputs = new[]
        {
            new TestInput("/headers/thing.h", Header),
            new TestInput("/headers/thing.exports.txt", exports, IsExports: true),
            new TestInput("/headers/thing.guards", guards, IsGuards: true),
        };
        var (output, diagnostics, driver) = GeneratorHarness.Run(GeneratorHarness.Driver(inputs), GeneratorHarness.Compilation());
        return (diagnostics, output, driver);
    }

    [TestMethod]
    public void GuardedFunctionChecksThenCallsAPrivateDllImport()
    {
        var (diagnostics, output, driver) = Run("# comment line\nthing_combine: first, arg1   # trailing comment\n");
        Assert.IsEmpty(diagnostics, string.Join("\n", diagnostics));
        Assert.IsEmpty(GeneratorHarness.Problems(output));
        string api = GeneratorHarness.Generated(driver, "Wamr.Interop.WasmCApi.g.cs");
        StringAssert.Contains(api, "public static int thing_combine(thing_t* first, thing_t* arg1, int count)");
        StringAssert.Contains(api, "if (first == null)");
        StringAssert.Contains(api, "WamrArgumentGuard.ThrowNull(\"thing_combine\", \"first\");");
        StringAssert.Contains(api, "WamrArgumentGuard.ThrowNull(\"thing_combine\", \"arg1\");");
        StringAssert.Contains(api, "return thing_combine__unchecked(first, arg1, count);");
        StringAssert.Contains(api, "EntryPoint = \"thing_combine\"");
        StringAssert.Contains(api, "private static extern int thing_combine__unchecked(thing_t* first, thing_t* arg1, int count);");
        StringAssert.Contains(api, "<exception cref=\"global::System.ArgumentNullException\"><paramref name=\"first\"/> or <paramref name=\"arg1\"/> is null.</exception>");

        // An unguarded function stays a plain public DllImport.
        StringAssert.Contains(api, "public static extern void thing_delete(thing_t* arg0);");
        INamedTypeSymbol guard = output.GetTypeByMetadataName("Wamr.Interop.WamrArgumentGuard")!;
        Assert.IsNotNull(guard);
        Assert.AreEqual(Accessibility.Internal, guard.DeclaredAccessibility);
    }

    [TestMethod]
    public void GuardOnAFunctionTheLibraryDoesNotExportChecksBeforeBinding()
    {
        var (diagnostics, output, driver) = Run("missing_one: target\n");
        Assert.IsEmpty(diagnostics, string.Join("\n", diagnostics));
        Assert.IsEmpty(GeneratorHarness.Problems(output));
        string api = GeneratorHarness.Generated(driver, "Wamr.Interop.WasmCApi.g.cs");
        int check = api.IndexOf("WamrArgumentGuard.ThrowNull(\"missing_one\", \"target\");", System.StringComparison.Ordinal);
        int bind = api.IndexOf("WamrLazyExports.Get(ref s_missing_one", System.StringComparison.Ordinal);
        Assert.IsTrue(check > 0 && bind > check, "the null check must come before the lazy binding");
        Assert.IsFalse(api.Contains("missing_one__unchecked", System.StringComparison.Ordinal));
    }

    [TestMethod]
    public void GuardedWrapperThrowsArgumentNullExceptionNamingFunctionAndParameter()
    {
        var (_, output, _) = Run("thing_combine: first\n");
        System.Reflection.Assembly assembly = Emit(output);
        System.Reflection.MethodInfo combine = assembly.GetType("Wamr.Interop.WasmCApi")!.GetMethod("thing_combine")!;
        var e = Assert.ThrowsExactly<System.Reflection.TargetInvocationException>(
            () => combine.Invoke(null, [System.Reflection.Pointer.Box(null, combine.GetParameters()[0].ParameterType), System.Reflection.Pointer.Box(null, combine.GetParameters()[1].ParameterType), 0]));
        var inner = (System.ArgumentNullException)e.InnerException!;
        Assert.AreEqual("first", inner.ParamName);
        StringAssert.Contains(inner.Message, "thing_combine");
    }

    [TestMethod]
    public void UnknownFunctionIsReportedAtItsLine()
    {
        var (diagnostics, _, _) = Run("thing_delete: arg0\n\nthing_explode: arg0\n");
        Diagnostic d = diagnostics.Single();
        Assert.AreEqual(DiagnosticIds.GuardListMismatch, d.Id);
        Assert.AreEqual(DiagnosticSeverity.Error, d.Severity);
        Assert.AreEqual("/headers/thing.guards", d.Location.GetLineSpan().Path);
        Assert.AreEqual(2, d.Location.GetLineSpan().StartLinePosition.Line);
        StringAssert.Contains(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), "thing_explode");
    }

    [TestMethod]
    public void UnknownParameterIsReportedWithTheRealNames()
    {
        var (diagnostics, _, _) = Run("thing_combine: second\n");
        Diagnostic d = diagnostics.Single();
        Assert.AreEqual(DiagnosticIds.GuardListMismatch, d.Id);
        StringAssert.Contains(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), "first, arg1, count");
    }

    [TestMethod]
    public void NonPointerParameterIsReported()
    {
        var (diagnostics, _, _) = Run("thing_combine: count\n");
        Diagnostic d = diagnostics.Single();
        Assert.AreEqual(DiagnosticIds.GuardListMismatch, d.Id);
        StringAssert.Contains(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), "not a pointer");
    }

    [TestMethod]
    public void MalformedAndRepeatedLinesAreReported()
    {
        var diagnostics = new List<DiagnosticInfo>();
        var guards = GuardListParser.Parse("/g", "thing_delete arg0\nthing_delete: arg0\n\n  # only a comment\nthing_delete: arg0\nx: a,\n", diagnostics);
        Assert.AreEqual(1, guards.Count);
        Assert.AreEqual(new ArgumentGuard("thing_delete", new[] { "arg0" }.ToEquatableArray(), new SourceLocation("/g", 2, 1)), guards[0]);
        CollectionAssert.AreEqual(new[] { 1, 5, 6 }, diagnostics.Select(d => d.Location.Line).ToArray());
        Assert.IsTrue(diagnostics.All(d => d.Id == DiagnosticIds.GuardListSyntax));
    }

    [TestMethod]
    public void GuardListEditRerunsEmitOnly()
    {
        var inputs = new List<TestInput>
        {
            new("/headers/thing.h", Header),
            new("/headers/thing.guards", "thing_delete: arg0\n", IsGuards: true),
        };
        Compilation compilation = GeneratorHarness.Compilation();
        GeneratorDriver driver = GeneratorHarness.Driver(inputs, null, out List<AdditionalText> texts).RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", new CSharpParseOptions(LanguageVersion.CSharp12))));
        GeneratorRunResult cached = driver.GetRunResult().Results.Single();
        Assert.AreEqual(IncrementalStepRunReason.Cached, cached.TrackedSteps[WamrBindingsGenerator.StepNames.Emit].Single().Outputs.Single().Reason);

        var changed = new InMemoryAdditionalText("/headers/thing.guards", "thing_delete: arg0\nthing_combine: first\n");
        driver = driver.ReplaceAdditionalText(texts.Single(t => t.Path == "/headers/thing.guards"), changed).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.AreEqual(IncrementalStepRunReason.Modified, result.TrackedSteps[WamrBindingsGenerator.StepNames.Emit].Single().Outputs.Single().Reason);
        Assert.IsTrue(result.GeneratedSources.Any(s => s.SourceText.ToString().Contains("thing_combine__unchecked", System.StringComparison.Ordinal)));
    }

    private static System.Reflection.Assembly Emit(Compilation compilation)
    {
        using var stream = new System.IO.MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
        Assert.IsTrue(result.Success, string.Join("\n", result.Diagnostics));
        return System.Reflection.Assembly.Load(stream.ToArray());
    }
}
