using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

using Wamr.SourceGen;

namespace Wamr.Tests.SourceGen.Generator;

/// <summary>One header, exports list or guard list handed to the generator, with its item metadata.</summary>
internal sealed record TestInput(string Path, string Text, bool IsExports = false, string? Class = null, bool IsGuards = false);

/// <summary>Runs <see cref="WamrBindingsGenerator"/> the way the compiler does, and compiles what it generates.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    /// <summary>Framework references for compiling generated code.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>The guard list Wamr.Runtime passes to the generator.</summary>
    public static string GuardListPath => Path.Combine(RepoPaths.Root, "Wamr.Runtime", "Interop", "wasm_c_api.guards");

    /// <summary>The real WAMR headers, exports list and guard list as the Wamr.Runtime project passes them.</summary>
    public static List<TestInput> WamrInputs(bool withExports = true, bool withGuards = true)
    {
        var inputs = new List<TestInput>
        {
            new(RepoPaths.Header("wasm_c_api.h"), File.ReadAllText(RepoPaths.Header("wasm_c_api.h")), Class: "WasmCApi"),
            new(RepoPaths.Header("wasm_export.h"), File.ReadAllText(RepoPaths.Header("wasm_export.h")), Class: "WamrApi"),
            new(RepoPaths.Header("lib_export.h"), File.ReadAllText(RepoPaths.Header("lib_export.h")), Class: "WamrApi"),
        };
        if (withExports)
        {
            inputs.Add(new TestInput(RepoPaths.ExportsList, File.ReadAllText(RepoPaths.ExportsList), IsExports: true));
        }

        if (withGuards)
        {
            inputs.Add(new TestInput(GuardListPath, File.ReadAllText(GuardListPath), IsGuards: true));
        }

        return inputs;
    }

    /// <summary>A compilation of <paramref name="sources"/> with unsafe code allowed.</summary>
    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "GeneratorTest",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.CSharp12), path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver for the generator with <paramref name="inputs"/> and MSBuild <paramref name="properties"/>.</summary>
    public static GeneratorDriver Driver(IEnumerable<TestInput> inputs, Dictionary<string, string>? properties = null) =>
        Driver(inputs, properties, out _);

    /// <summary>As <see cref="Driver(IEnumerable{TestInput}, Dictionary{string, string}?)"/>, also giving the AdditionalTexts made.</summary>
    public static GeneratorDriver Driver(IEnumerable<TestInput> inputs, Dictionary<string, string>? properties, out List<AdditionalText> additionalTexts)
    {
        var global = new Dictionary<string, string>();
        foreach (KeyValuePair<string, string> p in properties ?? new Dictionary<string, string>())
        {
            global["build_property." + p.Key] = p.Value;
        }

        var optionsProvider = new TestAnalyzerConfigOptionsProvider(global);
        var texts = new List<AdditionalText>();
        foreach (TestInput input in inputs)
        {
            texts.Add(new InMemoryAdditionalText(input.Path, input.Text));
            string kind = input.IsGuards ? "WamrGuards" : input.IsExports ? "WamrExports" : "WamrHeader";
            var metadata = new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles." + kind] = "true",
            };
            if (input.Class is not null)
            {
                metadata["build_metadata.AdditionalFiles.WamrClass"] = input.Class;
            }

            optionsProvider.SetFileMetadata(input.Path, metadata);
        }

        additionalTexts = texts;
        return CSharpGeneratorDriver.Create(
            new[] { new WamrBindingsGenerator().AsSourceGenerator() },
            texts,
            new CSharpParseOptions(LanguageVersion.CSharp12),
            optionsProvider,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator over <paramref name="compilation"/>; returns the updated compilation and the generator's diagnostics.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriver Driver) Run(
        GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return (output, diagnostics, driver);
    }

    /// <summary>The generated text of the file whose hint name ends with <paramref name="suffix"/>.</summary>
    public static string Generated(GeneratorDriver driver, string suffix) =>
        driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith(suffix, StringComparison.Ordinal)).ToString();

    /// <summary>
    /// The generator's warnings and errors. Info diagnostics (WAMRGEN010: an inline function or macro left without a
    /// C# helper) are expected for WAMR's headers and are checked by <c>WamrHeaderHelperTests</c>.
    /// </summary>
    public static Diagnostic[] WarningsAndErrors(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();

    /// <summary>Errors and warnings of <paramref name="compilation"/>, formatted one per line.</summary>
    public static string Problems(Compilation compilation) =>
        string.Join("\n", compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
}
