using System.Collections.Generic;
using System.Globalization;
using System.Linq;

using Microsoft.CodeAnalysis.Diagnostics;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen;

/// <summary>
/// The generator's settings, read from MSBuild properties made visible to the compiler
/// (<c>build_property.*</c>): <c>WamrNamespace</c>, <c>WamrLibraryName</c>, <c>WamrClassName</c>,
/// <c>WamrDefineConstants</c> (<c>A=1;B</c>) and <c>WamrPointerSize</c> (4 or 8).
/// </summary>
/// <param name="Namespace">Namespace of generated types.</param>
/// <param name="LibraryName">Library name for DllImport.</param>
/// <param name="ClassName">Class for functions of headers that name none.</param>
/// <param name="PointerSize">Target pointer size.</param>
/// <param name="Defines">Predefined macros.</param>
/// <param name="Diagnostics">Invalid settings.</param>
public sealed record GeneratorOptions(
    string Namespace,
    string LibraryName,
    string ClassName,
    int PointerSize,
    EquatableArray<PredefinedMacro> Defines,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Reads the settings from the global analyzer config options.</summary>
    public static GeneratorOptions Read(AnalyzerConfigOptions options)
    {
        var diagnostics = new List<DiagnosticInfo>();
        string Get(string name, string fallback) =>
            options.TryGetValue("build_property." + name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : fallback;

        string ns = Get("WamrNamespace", "Wamr.Interop");
        if (!IsQualifiedIdentifier(ns))
        {
            diagnostics.Add(Invalid("WamrNamespace", ns, "a C# namespace such as My.Wasm"));
            ns = "Wamr.Interop";
        }

        string className = Get("WamrClassName", "WasmCApi");
        if (!IsIdentifier(className))
        {
            diagnostics.Add(Invalid("WamrClassName", className, "a C# identifier"));
            className = "WasmCApi";
        }

        string library = Get("WamrLibraryName", "iwasm");
        if (library.IndexOfAny(new[] { '"', '\\' }) >= 0)
        {
            diagnostics.Add(Invalid("WamrLibraryName", library, "a library name without quotes or backslashes"));
            library = "iwasm";
        }

        int pointerSize = 8;
        string size = Get("WamrPointerSize", "8");
        if (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pointerSize) || (pointerSize != 4 && pointerSize != 8))
        {
            diagnostics.Add(Invalid("WamrPointerSize", size, "4 or 8"));
            pointerSize = 8;
        }

        var defines = new List<PredefinedMacro>();
        foreach (string item in Get("WamrDefineConstants", string.Empty).Split(new[] { ';', ',' }, System.StringSplitOptions.RemoveEmptyEntries))
        {
            string d = item.Trim();
            int eq = d.IndexOf('=');
            string name = eq < 0 ? d : d.Substring(0, eq).Trim();
            if (!IsIdentifier(name))
            {
                diagnostics.Add(Invalid("WamrDefineConstants", d, "NAME or NAME=VALUE entries separated by ';'"));
                continue;
            }

            defines.Add(new PredefinedMacro(name, eq < 0 ? "1" : d.Substring(eq + 1)));
        }

        return new GeneratorOptions(ns, library, className, pointerSize, defines.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static DiagnosticInfo Invalid(string property, string value, string expected) =>
        new(DiagnosticIds.InvalidOption, $"The MSBuild property {property} is '{value}'; expected {expected}. The default is used.", SourceLocation.BuiltIn);

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && Lexer.IsIdentifierStart(s[0]) && s.All(Lexer.IsIdentifierPart) && !s.Contains('$');

    private static bool IsQualifiedIdentifier(string s) => s.Split('.').All(IsIdentifier);
}
