using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Model;
using Wamr.Tests.Interop;
using Wamr.Tests.SourceGen.CrossCheck;

namespace Wamr.Tests.Coverage;

/// <summary>How <c>wasm_c_api.h</c> provides a function.</summary>
public enum CoveredFunctionKind
{
    /// <summary>Declared and exported by libiwasm.</summary>
    Exported,

    /// <summary>Declared but not exported by this build: the binding throws a clear EntryPointNotFoundException.</summary>
    NotExported,

    /// <summary>A <c>static inline</c> helper defined in the header.</summary>
    Inline,

    /// <summary>A macro helper (value or vector initializer, function-like helper) or a macro alias of a function.</summary>
    Macro,

    /// <summary>A <c>static const</c> object of the header (<c>MEMORY_PAGE_SIZE</c>), emitted as a C# constant.</summary>
    Constant,
}

/// <summary>One function or helper of <c>wasm_c_api.h</c> and the tests that cover it.</summary>
/// <param name="Name">The C name.</param>
/// <param name="Kind">How the header provides it.</param>
/// <param name="Line">Its line in the header (the table's order).</param>
/// <param name="Note">What the exported column says besides the kind (an alias's target).</param>
/// <param name="Positive">The positive tests (<c>Class.Method</c>).</param>
/// <param name="Negative">The negative tests.</param>
public sealed record CoverageRow(string Name, CoveredFunctionKind Kind, int Line, string? Note, IReadOnlyList<string> Positive, IReadOnlyList<string> Negative)
{
    /// <summary>Whether a positive and a negative test exist.</summary>
    public bool IsCovered => Positive.Count > 0 && Negative.Count > 0;
}

/// <summary>
/// The per-function coverage table: every function and helper <c>wasm_c_api.h</c> declares (from the generator's
/// model of the header) against the <see cref="CoversAttribute"/> marks of this test assembly. For a function the
/// library does not export, one marked test (the clear-error test) counts as positive and negative.
/// </summary>
public static class CoverageTable
{
    /// <summary>The environment variable that makes the coverage test rewrite docs/coverage.md.</summary>
    public const string UpdateVariable = "WAMR_UPDATE_COVERAGE";

    /// <summary>The page's path in the repository.</summary>
    public static string PagePath => Path.Combine(CrossCheckEnvironment.RepoRoot, "docs", "coverage.md");

    /// <summary>Every function and helper of <c>wasm_c_api.h</c>, in header order.</summary>
    public static IReadOnlyList<(string Name, CoveredFunctionKind Kind, int Line, string? Note)> Functions()
    {
        var functions = new List<(string Name, CoveredFunctionKind Kind, int Line, string? Note)>();
        var declared = WasmCApiHeader.Functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (FunctionDecl f in WasmCApiHeader.Functions)
        {
            bool exported = WasmCApiHeader.IsExported(f.Name);
            functions.Add((f.Name, exported ? CoveredFunctionKind.Exported : CoveredFunctionKind.NotExported, f.Location.Line, null));
        }

        // Inline helpers: the header's own `static inline wasm_*` functions (not its internal `assertions`).
        foreach (FunctionDecl f in WasmCApiHeader.InlineFunctions.Where(f => f.Name.StartsWith("wasm_", StringComparison.Ordinal)))
        {
            functions.Add((f.Name, CoveredFunctionKind.Inline, f.Location.Line, null));
        }

        foreach (MacroDefinition m in WasmCApiHeader.Macros)
        {
            if (m.IsFunctionLike && !m.Name.StartsWith("WASM_DECLARE_", StringComparison.Ordinal))
            {
                functions.Add((m.Name, CoveredFunctionKind.Macro, m.Location.Line, null)); // WASM_I32_VAL(i), WASM_ARRAY_VEC(a), KILOBYTE(n)
            }
            else if (!m.IsFunctionLike && m.BodyTokens.Count > 0 && m.BodyTokens[0] == "{")
            {
                functions.Add((m.Name, CoveredFunctionKind.Macro, m.Location.Line, null)); // WASM_EMPTY_VEC, WASM_INIT_VAL
            }
            else if (!m.IsFunctionLike && m.BodyTokens.Count == 1 && declared.ContainsKey(m.BodyTokens[0]))
            {
                functions.Add((m.Name, CoveredFunctionKind.Macro, m.Location.Line, "alias of " + m.BodyTokens[0])); // wasm_name_new
            }
        }

        foreach (ConstantDecl c in WasmCApiHeader.Constants)
        {
            functions.Add((c.Name, CoveredFunctionKind.Constant, c.Location.Line, null));
        }

        // Stable: functions one macro declares (a vector's five) keep their declaration order.
        return functions.OrderBy(f => f.Line).ToList();
    }

    /// <summary>The [Covers] marks of this assembly's test methods: (function, kind, <c>Class.Method</c>).</summary>
    public static IReadOnlyList<(string Function, CoverageKind Kind, string Test)> Marks(Assembly assembly)
    {
        var marks = new List<(string, CoverageKind, string)>();
        foreach (Type type in assembly.GetTypes())
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                foreach (CoversAttribute covers in method.GetCustomAttributes<CoversAttribute>())
                {
                    marks.Add((covers.Function, covers.Kind, $"{type.Name}.{method.Name}"));
                }
            }
        }

        return marks;
    }

    /// <summary>Marks that cannot count: on a method that is not a [TestMethod] of a [TestClass], or naming no known function.</summary>
    public static IReadOnlyList<string> InvalidMarks(Assembly assembly, IReadOnlyCollection<string> functions)
    {
        var known = new HashSet<string>(functions, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (Type type in assembly.GetTypes())
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var covers = method.GetCustomAttributes<CoversAttribute>().ToList();
                if (covers.Count == 0)
                {
                    continue;
                }

                if (method.GetCustomAttribute<TestMethodAttribute>() is null || type.GetCustomAttribute<TestClassAttribute>() is null)
                {
                    problems.Add($"{type.Name}.{method.Name}: has [Covers] but is not a [TestMethod] of a [TestClass]");
                }

                problems.AddRange(covers.Where(c => !known.Contains(c.Function)).Select(c => $"{type.Name}.{method.Name}: [Covers(\"{c.Function}\")] names nothing wasm_c_api.h declares"));
            }
        }

        return problems;
    }

    /// <summary>The rows: each function with its tests.</summary>
    public static IReadOnlyList<CoverageRow> Rows(Assembly assembly)
    {
        var marks = Marks(assembly);
        var rows = new List<CoverageRow>();
        foreach ((string name, CoveredFunctionKind kind, int line, string? note) in Functions())
        {
            List<string> Tests(CoverageKind k) => marks
                .Where(m => m.Function == name && (m.Kind == k || kind == CoveredFunctionKind.NotExported))
                .Select(m => m.Test)
                .Distinct()
                .OrderBy(t => t, StringComparer.Ordinal)
                .ToList();
            rows.Add(new CoverageRow(name, kind, line, note, Tests(CoverageKind.Positive), Tests(CoverageKind.Negative)));
        }

        return rows;
    }

    /// <summary>The Markdown page for <paramref name="rows"/>.</summary>
    public static string Markdown(IReadOnlyList<CoverageRow> rows)
    {
        static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
        int Of(CoveredFunctionKind k) => rows.Count(r => r.Kind == k);
        var missing = rows.Where(r => !r.IsCovered).ToList();
        var md = new StringBuilder();
        md.AppendLine("# Test coverage of wasm_c_api.h");
        md.AppendLine();
        md.AppendLine("Every function and helper `wasm_c_api.h` declares, from the generator's model of the header, against the");
        md.AppendLine("`[Covers(\"function\", CoverageKind.Positive | Negative)]` marks of `Wamr.Tests`. A positive test passes expected,");
        md.AppendLine("safe arguments and asserts the results; a negative test passes NULL or other unexpected arguments and asserts the");
        md.AppendLine("documented failure value or a clean managed exception. For a function the library does not export, the test that");
        md.AppendLine("calling it throws `EntryPointNotFoundException` naming the function and what provides it counts as both.");
        md.AppendLine();
        md.AppendLine($"Regenerate: `{UpdateVariable}=1 dotnet test Wamr.Tests --filter FullyQualifiedName~CoverageTable`. Without the");
        md.AppendLine("variable the test fails when this page is stale or when a function lacks a positive or a negative test.");
        md.AppendLine();
        md.AppendLine("## Summary");
        md.AppendLine();
        md.AppendLine($"- functions and helpers: {Count(rows.Count)} — {Count(Of(CoveredFunctionKind.Exported))} exported, {Count(Of(CoveredFunctionKind.NotExported))} declared but not exported, {Count(Of(CoveredFunctionKind.Inline))} inline helpers, {Count(Of(CoveredFunctionKind.Macro))} macros, {Count(Of(CoveredFunctionKind.Constant))} constants");
        md.AppendLine($"- with a positive and a negative test: {Count(rows.Count - missing.Count)}; without: {Count(missing.Count)}");
        foreach (CoveredFunctionKind kind in Enum.GetValues<CoveredFunctionKind>())
        {
            int uncovered = missing.Count(r => r.Kind == kind);
            if (uncovered > 0)
            {
                md.AppendLine($"  - {Plural(kind)}: {Count(uncovered)} of {Count(Of(kind))} not covered");
            }
        }

        md.AppendLine();
        md.AppendLine("## Functions");
        md.AppendLine();
        md.AppendLine("| function | exported | positive test | negative test |");
        md.AppendLine("|---|---|---|---|");
        foreach (CoverageRow r in rows)
        {
            md.AppendLine($"| `{r.Name}` | {Label(r.Kind, r.Note)} | {Tests(r.Positive)} | {Tests(r.Negative)} |");
        }

        return md.ToString();
    }

    private static string Plural(CoveredFunctionKind kind) => kind switch
    {
        CoveredFunctionKind.Exported => "exported functions",
        CoveredFunctionKind.NotExported => "declared but not exported functions",
        CoveredFunctionKind.Inline => "inline helpers",
        CoveredFunctionKind.Constant => "constants",
        _ => "macros",
    };

    private static string Label(CoveredFunctionKind kind, string? note) => kind switch
    {
        CoveredFunctionKind.Exported => "yes",
        CoveredFunctionKind.NotExported => "no (throws)",
        CoveredFunctionKind.Inline => "inline",
        CoveredFunctionKind.Constant => "static const",
        _ => note is null ? "macro" : "macro, " + note.Replace("alias of ", "alias of `", StringComparison.Ordinal) + "`",
    };

    private static string Tests(IReadOnlyList<string> tests) => tests.Count == 0 ? "**missing**" : string.Join("<br>", tests);
}
