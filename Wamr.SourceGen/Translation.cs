using System;
using System.Collections.Generic;
using System.Linq;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Emitting;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Parsing;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen;

/// <summary>A translation unit's model with the options to emit it.</summary>
/// <param name="Model">What the headers declare.</param>
/// <param name="Options">How to bind it.</param>
public sealed record Translation(HeaderModel Model, BindingOptions Options)
{
    /// <summary>
    /// Preprocesses and parses the headers of <paramref name="inputs"/> as one translation unit, in item order, and
    /// reads the guard lists among them.
    /// Never throws: a failure becomes a <see cref="DiagnosticIds.InternalError"/> diagnostic.
    /// </summary>
    public static Translation Create(GeneratorInputs inputs, GeneratorOptions options)
    {
        var headers = inputs.Files.Where(f => f.IsHeader).Select(f => new HeaderFile(f.Path, f.Text)).ToList();
        GeneratorInput? exportList = inputs.Files.FirstOrDefault(f => f.IsExportList);
        EquatableArray<string>? exports = exportList is null
            ? null
            : exportList.Text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).OrderBy(l => l, StringComparer.Ordinal).ToEquatableArray();
        var classes = inputs.Files.Where(f => f.IsHeader && !string.IsNullOrWhiteSpace(f.ClassName))
            .Select(f => new HeaderClass(f.Path, f.ClassName!.Trim()))
            .ToEquatableArray();
        var extra = new List<DiagnosticInfo>(options.Diagnostics);
        var guards = new List<ArgumentGuard>();
        foreach (GeneratorInput guardList in inputs.Files.Where(f => f.IsGuardList))
        {
            guards.AddRange(GuardListParser.Parse(guardList.Path, guardList.Text, extra));
        }

        var binding = new BindingOptions(options.Namespace, options.LibraryName, options.ClassName, classes, exports, options.PointerSize, guards.ToEquatableArray());

        if (headers.Count == 0)
        {
            extra.Add(new DiagnosticInfo(
                DiagnosticIds.NoHeaders,
                "No header was given to Wamr.SourceGen: add <WamrHeader Include=\"path/to/wasm_c_api.h\" /> to the project.",
                SourceLocation.BuiltIn));
            return new Translation(Empty(extra), binding);
        }

        try
        {
            var preprocessorOptions = new PreprocessorOptions(options.PointerSize, options.Defines);
            PreprocessResult preprocessed = Preprocessor.Run(headers, headers.Select(h => h.Path).ToList(), preprocessorOptions);
            HeaderModel model = CParser.Parse(preprocessed, options.PointerSize);
            if (extra.Count > 0)
            {
                model = model with { Diagnostics = extra.Concat(model.Diagnostics).ToEquatableArray() };
            }

            return new Translation(model, binding);
        }
        catch (Exception e)
        {
            extra.Add(new DiagnosticInfo(DiagnosticIds.InternalError, $"Wamr.SourceGen failed while reading the headers: {e.GetType().Name}: {e.Message}", SourceLocation.BuiltIn));
            return new Translation(Empty(extra), binding);
        }
    }

    private static HeaderModel Empty(List<DiagnosticInfo> diagnostics) => new(
        EquatableArray<RecordDecl>.Empty,
        EquatableArray<EnumDecl>.Empty,
        EquatableArray<TypedefDecl>.Empty,
        EquatableArray<FunctionDecl>.Empty,
        EquatableArray<ConstantDecl>.Empty,
        EquatableArray<MacroDefinition>.Empty,
        diagnostics.ToEquatableArray());
}
