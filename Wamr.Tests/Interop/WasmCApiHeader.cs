using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

using Wamr.SourceGen;
using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;
using Wamr.Tests.SourceGen.CrossCheck;

namespace Wamr.Tests.Interop;

/// <summary>
/// What <c>wasm_c_api.h</c> declares, read by the generator's own front end exactly as the build reads it (the three
/// WAMR headers as one translation unit), plus which of its functions the built libiwasm exports.
/// </summary>
internal static class WasmCApiHeader
{
    /// <summary>The header this class describes.</summary>
    public const string FileName = "wasm_c_api.h";

    private static readonly Lazy<HeaderModel> LazyModel = new(Load);

    /// <summary>The model of the three headers.</summary>
    public static HeaderModel Model => LazyModel.Value;

    /// <summary>The non-inline functions <c>wasm_c_api.h</c> declares, in header order.</summary>
    public static IReadOnlyList<FunctionDecl> Functions =>
        Model.Functions.Where(f => !f.IsInline && InCApi(f.Location)).GroupBy(f => f.Name, StringComparer.Ordinal).Select(g => g.First()).ToList();

    /// <summary>The <c>static inline</c> functions <c>wasm_c_api.h</c> defines, in header order.</summary>
    public static IReadOnlyList<FunctionDecl> InlineFunctions =>
        Model.Functions.Where(f => f.IsInline && InCApi(f.Location)).GroupBy(f => f.Name, StringComparer.Ordinal).Select(g => g.First()).ToList();

    /// <summary>The macros <c>wasm_c_api.h</c> still defines at the end of the translation unit.</summary>
    public static IReadOnlyList<MacroDefinition> Macros => Model.Macros.Where(m => InCApi(m.Location)).ToList();

    /// <summary>The <c>static const</c> objects <c>wasm_c_api.h</c> defines.</summary>
    public static IReadOnlyList<ConstantDecl> Constants => Model.Constants.Where(c => InCApi(c.Location)).ToList();

    /// <summary>Whether libiwasm exports <paramref name="function"/>.</summary>
    public static bool IsExported(string function) => NmExports.Symbols.Contains(function);

    /// <summary>Follows typedefs until a type that is not a typedef name (or an unknown one).</summary>
    public static CType Resolve(CType type)
    {
        var typedefs = Typedefs;
        for (int depth = 0; depth < 32 && type is CTypedefRef t && typedefs.TryGetValue(t.Name, out CType? target); depth++)
        {
            type = target;
        }

        return type;
    }

    /// <summary>Whether a value of <paramref name="type"/> is passed as a data or function pointer.</summary>
    public static bool IsPointer(CType type) => Resolve(type) is CPointerType or CArrayType;

    private static readonly Lazy<Dictionary<string, CType>> LazyTypedefs = new(() =>
        Model.Typedefs.GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal));

    private static Dictionary<string, CType> Typedefs => LazyTypedefs.Value;

    private static bool InCApi(SourceLocation location) => string.Equals(Path.GetFileName(location.File), FileName, StringComparison.Ordinal);

    private static HeaderModel Load()
    {
        string include = CrossCheckEnvironment.IncludeDirectory;
        var files = CrossCheckEnvironment.HeaderNames
            .Select(name => Path.Combine(include, name))
            .Select(path => new GeneratorInput(path, File.ReadAllText(path), IsExportList: false, ClassName: null))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToEquatableArray();
        var options = new GeneratorOptions("Wamr.Interop", "iwasm", "WasmCApi", IntPtr.Size, EquatableArray<PredefinedMacro>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        HeaderModel model = Translation.Create(new GeneratorInputs(files), options).Model;
        DiagnosticInfo[] errors = model.Diagnostics.Where(d => d.Id is not DiagnosticIds.Unsupported and not DiagnosticIds.InvalidOption).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException("the generator's front end reported problems in WAMR's headers:\n  " + string.Join("\n  ", errors.Select(e => e.Id + " " + e.Message)));
        }

        return model;
    }
}
