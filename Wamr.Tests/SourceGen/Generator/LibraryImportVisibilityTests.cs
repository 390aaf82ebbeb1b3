using System.Collections.Immutable;
using System.Linq;

using Microsoft.CodeAnalysis;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.SourceGen.Generator;

/// <summary>
/// Why Wamr.SourceGen emits <c>DllImport</c> forwarders and not <c>[LibraryImport]</c> partials: generators all
/// see the same input compilation, so the SDK's LibraryImportGenerator never sees a partial another generator
/// emits, and that partial is left without a body (CS8795). Run with the SDK's real generator.
/// </summary>
[TestClass]
public sealed class LibraryImportVisibilityTests
{
    private const string Declaration =
        "using System.Runtime.InteropServices; namespace Probe; public static partial class Api " +
        "{ [LibraryImport(\"iwasm\")] public static partial nint wasm_engine_new(); }";

    [TestMethod]
    public void LibraryImportPartialFromAnotherGeneratorGetsNoBody()
    {
        GeneratorDriver driver = GeneratorHarness.Driver([])
            .AddGenerators([new EmitsSource("Api.g.cs", Declaration).AsSourceGenerator(), .. SdkLibraryImportGenerator.Generators]);

        (Compilation output, _, _) = GeneratorHarness.Run(driver, GeneratorHarness.Compilation("class User { }"));

        Diagnostic[] errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.AreEqual(1, errors.Length, string.Join("\n", errors.Select(e => e.ToString())));
        Assert.AreEqual("CS8795", errors[0].Id);
        StringAssert.Contains(errors[0].GetMessage(), "wasm_engine_new");
    }

    [TestMethod]
    public void SameLibraryImportPartialInUserCodeGetsItsBody()
    {
        GeneratorDriver driver = GeneratorHarness.Driver([]).AddGenerators(SdkLibraryImportGenerator.Generators);

        (Compilation output, _, GeneratorDriver ran) = GeneratorHarness.Run(driver, GeneratorHarness.Compilation(Declaration));

        Assert.AreEqual(string.Empty, GeneratorHarness.Problems(output));
        Assert.IsTrue(
            ran.GetRunResult().GeneratedTrees.Any(t => t.ToString().Contains("wasm_engine_new", System.StringComparison.Ordinal)),
            "LibraryImportGenerator wrote the body of a partial declared in user code.");
    }

    [TestMethod]
    public void WamrBindingsCompileBesideTheSdkGenerator()
    {
        GeneratorDriver driver = GeneratorHarness.Driver(GeneratorHarness.WamrInputs()).AddGenerators(SdkLibraryImportGenerator.Generators);

        (Compilation output, ImmutableArray<Diagnostic> diagnostics, _) = GeneratorHarness.Run(driver, GeneratorHarness.Compilation("class User { }"));

        Assert.AreEqual(0, diagnostics.Count(d => d.Severity >= DiagnosticSeverity.Warning), string.Join("\n", diagnostics));
        Assert.AreEqual(string.Empty, GeneratorHarness.Problems(output));
    }

    /// <summary>A generator that adds one source file from its pipeline, as Wamr.SourceGen does.</summary>
    private sealed class EmitsSource(string hintName, string text) : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.CompilationProvider, (output, _) => output.AddSource(hintName, text));
    }
}
