using System.Collections.Generic;
using System.Linq;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen;

namespace Wamr.Tests.SourceGen.Generator;

/// <summary>The pipeline caches: C# edits elsewhere do not re-run parsing or emitting; a header edit does.</summary>
[TestClass]
public sealed class IncrementalGenerationTests
{
    private static readonly string[] TrackedSteps =
    {
        WamrBindingsGenerator.StepNames.Inputs,
        WamrBindingsGenerator.StepNames.Model,
        WamrBindingsGenerator.StepNames.Emit,
    };

    [TestMethod]
    public void CSharpEditElsewhereLeavesModelAndEmitCached()
    {
        Compilation compilation = GeneratorHarness.Compilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver(GeneratorHarness.WamrInputs());
        driver = driver.RunGenerators(compilation);

        Compilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { int x; }", new CSharpParseOptions(LanguageVersion.CSharp12)));
        driver = driver.RunGenerators(edited);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string step in TrackedSteps)
        {
            IncrementalGeneratorRunStep[] runs = result.TrackedSteps[step].ToArray();
            Assert.IsNotEmpty(runs, step);
            foreach (IncrementalGeneratorRunStep run in runs)
            {
                foreach ((object _, IncrementalStepRunReason reason) in run.Outputs)
                {
                    Assert.IsTrue(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {reason}");
                }
            }
        }
    }

    [TestMethod]
    public void HeaderEditRerunsModelAndEmit()
    {
        List<TestInput> inputs = GeneratorHarness.WamrInputs();
        Compilation compilation = GeneratorHarness.Compilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver(inputs, null, out List<AdditionalText> texts).RunGenerators(compilation);

        TestInput header = inputs[0];
        var changed = new InMemoryAdditionalText(header.Path, header.Text + "\nWASM_API_EXTERN void wasm_new_function_for_test(void);\n");
        driver = driver.ReplaceAdditionalText(texts.Single(t => t.Path == header.Path), changed).RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.AreEqual(IncrementalStepRunReason.Modified, result.TrackedSteps[WamrBindingsGenerator.StepNames.Model].Single().Outputs.Single().Reason);
        Assert.AreEqual(IncrementalStepRunReason.Modified, result.TrackedSteps[WamrBindingsGenerator.StepNames.Emit].Single().Outputs.Single().Reason);
        Assert.IsTrue(result.GeneratedSources.Any(s => s.SourceText.ToString().Contains("wasm_new_function_for_test")));
    }

    [TestMethod]
    public void MacroBodyEditChangesItsHelper()
    {
        List<TestInput> inputs = GeneratorHarness.WamrInputs();
        Compilation compilation = GeneratorHarness.Compilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver(inputs, null, out List<AdditionalText> texts).RunGenerators(compilation);
        Assert.Contains("public static int KILOBYTE(int n) => unchecked(n * 1024);", GeneratorHarness.Generated(driver, "Wamr.Interop.WasmCApi.g.cs"));

        TestInput header = inputs[0];
        string edited = header.Text.Replace("#define KILOBYTE(n) ((n) * 1024)", "#define KILOBYTE(n) ((n) * 1000)", System.StringComparison.Ordinal);
        Assert.AreNotEqual(header.Text, edited);
        driver = driver.ReplaceAdditionalText(texts.Single(t => t.Path == header.Path), new InMemoryAdditionalText(header.Path, edited)).RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.AreEqual(IncrementalStepRunReason.Modified, result.TrackedSteps[WamrBindingsGenerator.StepNames.Model].Single().Outputs.Single().Reason);
        Assert.Contains("public static int KILOBYTE(int n) => unchecked(n * 1000);", GeneratorHarness.Generated(driver, "Wamr.Interop.WasmCApi.g.cs"));
    }

    [TestMethod]
    public void ModelStepOutputsAreValueEqualAcrossIndependentRuns()
    {
        // Equal inputs give equal (not merely identical) models: the cache compares by value.
        static object Model() => GeneratorHarness.Driver(GeneratorHarness.WamrInputs()).RunGenerators(GeneratorHarness.Compilation())
            .GetRunResult().Results.Single().TrackedSteps[WamrBindingsGenerator.StepNames.Model].Single().Outputs.Single().Value;
        object a = Model(), b = Model();
        Assert.AreNotSame(a, b);
        Assert.AreEqual(a, b);
        Assert.AreEqual(a.GetHashCode(), b.GetHashCode());
    }
}
