using System.Collections.Generic;
using System.Linq;

using BenchmarkDotNet.Attributes;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

using Wamr.SourceGen;
using Wamr.SourceGen.Emitting;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Parsing;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;
using Wamr.Tests.SourceGen.Generator;

namespace Wamr.Benchmarks;

/// <summary>
/// How long Wamr.SourceGen takes to bind WAMR's headers (<c>wasm_c_api.h</c>, <c>wasm_export.h</c>,
/// <c>lib_export.h</c>) once warm: each stage alone, and the whole generator run by a Roslyn driver as the
/// compiler runs it after a header edit (new driver, so nothing is cached; the JIT is warm).
/// </summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private List<HeaderFile> _headers = [];
    private List<string> _mainFiles = [];
    private PreprocessorOptions _preprocessorOptions = null!;
    private PreprocessResult _preprocessed = null!;
    private HeaderModel _model = null!;
    private BindingOptions _bindingOptions = null!;
    private List<TestInput> _inputs = [];
    private CSharpCompilation _compilation = null!;

    /// <summary>Reads the headers the native build published and prepares each stage's input.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _inputs = GeneratorHarness.WamrInputs();
        _headers = _inputs.Where(i => !i.IsExports).Select(i => new HeaderFile(i.Path, i.Text)).ToList();
        _mainFiles = _headers.Select(h => h.Path).ToList();
        _preprocessorOptions = PreprocessorOptions.Default;
        _preprocessed = Preprocessor.Run(_headers, _mainFiles, _preprocessorOptions);
        _model = CParser.Parse(_preprocessed, 8);
        _bindingOptions = Translation.Create(
            new GeneratorInputs(_inputs.Select(i => new GeneratorInput(i.Path, i.Text, i.IsExports, i.Class)).ToEquatableArray()),
            new GeneratorOptions("Wamr.Interop", "iwasm", "WasmCApi", 8, EquatableArray<PredefinedMacro>.Empty, EquatableArray<Wamr.SourceGen.Diagnostics.DiagnosticInfo>.Empty)).Options;
        _compilation = GeneratorHarness.Compilation("class User { }");
    }

    /// <summary>The preprocessor over the three headers as one translation unit.</summary>
    /// <returns>The token stream and macros.</returns>
    [Benchmark]
    public PreprocessResult Preprocess() => Preprocessor.Run(_headers, _mainFiles, _preprocessorOptions);

    /// <summary>The declaration parser over the preprocessed tokens.</summary>
    /// <returns>The model.</returns>
    [Benchmark]
    public HeaderModel Parse() => CParser.Parse(_preprocessed, 8);

    /// <summary>The emitter over the model.</summary>
    /// <returns>The generated files.</returns>
    [Benchmark]
    public EmitResult Emit() => BindingEmitter.Emit(_model, _bindingOptions);

    /// <summary>The whole generator through Roslyn's driver, nothing cached.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark(Baseline = true)]
    public GeneratorDriver WholeGenerator() => GeneratorHarness.Driver(_inputs).RunGenerators(_compilation);
}
