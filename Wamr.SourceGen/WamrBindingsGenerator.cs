using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Emitting;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen;

/// <summary>
/// Binds C headers given as AdditionalFiles (metadata <c>WamrHeader=true</c>) to C#. Pipeline:
/// inputs (<see cref="StepNames.Inputs"/>) + options (<see cref="StepNames.Options"/>) → preprocess and parse into an
/// equatable model (<see cref="StepNames.Model"/>) → emit text (<see cref="StepNames.Emit"/>) → add sources, report diagnostics.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WamrBindingsGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<GeneratorInputs> inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right.GetOptions(pair.Left), cancellationToken))
            .Where(static input => input is not null)
            .Collect()
            // Ordered by path, not by item order: hosts (the compiler, IDE and dotnet-format workspaces) do not all
            // keep AdditionalFiles in project order, and which header's class gets a declaration that several headers
            // guard (e.g. wasm_valkind_t) must not depend on the host.
            .Select(static (files, _) => new GeneratorInputs(files.Select(f => f!).OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray()))
            .WithTrackingName(StepNames.Inputs);

        IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.Read(provider.GlobalOptions))
            .WithTrackingName(StepNames.Options);

        IncrementalValueProvider<Translation> model = inputs
            .Combine(options)
            .Select(static (pair, _) => Translation.Create(pair.Left, pair.Right))
            .WithTrackingName(StepNames.Model);

        IncrementalValueProvider<EmitResult> emitted = model
            .Select(static (translation, _) => Emit(translation))
            .WithTrackingName(StepNames.Emit);

        context.RegisterSourceOutput(emitted, static (output, result) =>
        {
            foreach (DiagnosticInfo diagnostic in result.Diagnostics)
            {
                output.ReportDiagnostic(ToDiagnostic(diagnostic));
            }

            foreach (GeneratedFile file in result.Files)
            {
                output.AddSource(file.HintName, SourceText.From(file.Text, Encoding.UTF8));
            }
        });
    }

    private static GeneratorInput? ReadInput(AdditionalText file, AnalyzerConfigOptions metadata, System.Threading.CancellationToken cancellationToken)
    {
        bool IsTrue(string name) =>
            metadata.TryGetValue("build_metadata.AdditionalFiles." + name, out string? value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        bool header = IsTrue("WamrHeader");
        bool exports = IsTrue("WamrExports");
        bool guards = IsTrue("WamrGuards");
        if (!header && !exports && !guards)
        {
            return null;
        }

        string text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        metadata.TryGetValue("build_metadata.AdditionalFiles.WamrClass", out string? className);
        return new GeneratorInput(file.Path, text, exports && !guards, string.IsNullOrWhiteSpace(className) ? null : className, IsGuardList: guards);
    }

    private static EmitResult Emit(Translation translation)
    {
        try
        {
            EmitResult result = BindingEmitter.Emit(translation.Model, translation.Options);
            return result with { Diagnostics = translation.Model.Diagnostics.Concat(result.Diagnostics).ToEquatableArray() };
        }
        catch (Exception e)
        {
            var failure = new DiagnosticInfo(DiagnosticIds.InternalError, $"Wamr.SourceGen failed while emitting bindings: {e.GetType().Name}: {e.Message}", SourceLocation.BuiltIn);
            return new EmitResult(EquatableArray<GeneratedFile>.Empty, translation.Model.Diagnostics.Concat(new[] { failure }).ToEquatableArray());
        }
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById.TryGetValue(info.Id, out DiagnosticDescriptor? d)
            ? d
            : DiagnosticDescriptors.ById[DiagnosticIds.InternalError];
        Location location = Location.None;
        if (info.Location.Line > 0)
        {
            var position = new LinePosition(info.Location.Line - 1, Math.Max(0, info.Location.Column - 1));
            location = Location.Create(info.Location.File, default, new LinePositionSpan(position, position));
        }

        return Diagnostic.Create(descriptor, location, info.Message);
    }

    /// <summary>The names of the pipeline's tracked steps (for incremental-generation tests).</summary>
    public static class StepNames
    {
        /// <summary>The header, exports and guard-list AdditionalFiles, read.</summary>
        public const string Inputs = "Inputs";

        /// <summary>The MSBuild options, read.</summary>
        public const string Options = "Options";

        /// <summary>The preprocessed and parsed model.</summary>
        public const string Model = "Model";

        /// <summary>The emitted sources.</summary>
        public const string Emit = "Emit";
    }
}
