using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

using Wamr.SourceGen.Emitting;
using Wamr.SourceGen.Model;
using Wamr.Tests.SourceGen.CrossCheck;

using CParameter = Wamr.SourceGen.Model.CParameter;

namespace Wamr.Tests.Interop.Safety;

/// <summary>One call the probe made and what became of it.</summary>
/// <param name="Function">The C function.</param>
/// <param name="NullIndex">The parameter passed NULL (0-based), or -1 for the baseline (every argument valid).</param>
/// <param name="NullParameter">That parameter's name in the binding (C name, or <c>argN</c>), or <c>-</c>.</param>
/// <param name="Mode"><c>baseline</c>, <c>null</c>, <c>null, others NULL: …</c> or <c>wrong kind</c>.</param>
/// <param name="Outcome"><c>returned</c>, <c>signal</c>, <c>exit</c> or <c>timeout</c>.</param>
/// <param name="Detail">What was returned, the signal's name or the exit status.</param>
public sealed record NullProbeResult(string Function, int NullIndex, string NullParameter, string Mode, string Outcome, string Detail)
{
    /// <summary>Whether the call killed the process (a signal) or never returned.</summary>
    public bool Crashed => Outcome is "signal" or "timeout";

    /// <summary>Whether this call passed NULL for one parameter.</summary>
    public bool IsNullCase => NullIndex >= 0 && Mode.StartsWith("null", StringComparison.Ordinal);

    /// <summary>Whether this call passed only valid arguments.</summary>
    public bool IsBaseline => Mode.StartsWith("baseline", StringComparison.Ordinal);

    /// <summary>Whether this is a hand-written case with an unexpected, non-NULL argument.</summary>
    public bool IsOdd => Mode.StartsWith("odd: ", StringComparison.Ordinal);

    /// <summary>Whether this is a hand-written misuse expected to crash (documented, never done in-process).</summary>
    public bool IsHazard => Mode.StartsWith("hazard: ", StringComparison.Ordinal);
}

/// <summary>
/// Generates the NULL probe's cases from the generator's model of <c>wasm_c_api.h</c>, compiles them with the
/// harness <c>null-probe.c</c> against the built libiwasm, runs the program (each call in its own fork()ed child)
/// and parses what it printed. See <c>null-probe.c</c> for the cases and the output format.
/// </summary>
public static partial class NullProbe
{
    private static readonly Lazy<IReadOnlyList<NullProbeResult>> LazyResults = new(Run);

    /// <summary>The folder of the harness and the probe module, in the repository.</summary>
    public static string SourceDirectory => Path.Combine(CrossCheckEnvironment.RepoRoot, "Wamr.Tests", "Interop", "Safety");

    /// <summary>Every case's result; the probe runs once per test run.</summary>
    public static IReadOnlyList<NullProbeResult> Results => LazyResults.Value;

    /// <summary>The parameters whose NULL crashed the call, by function (binding parameter names).</summary>
    public static SortedDictionary<string, SortedSet<string>> CrashSet()
    {
        var crashes = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (NullProbeResult r in Results.Where(r => r.IsNullCase && r.Crashed))
        {
            if (!crashes.TryGetValue(r.Function, out SortedSet<string>? parameters))
            {
                crashes[r.Function] = parameters = new SortedSet<string>(StringComparer.Ordinal);
            }

            parameters.Add(r.NullParameter);
        }

        return crashes;
    }

    /// <summary>
    /// Fails unless the probe called <paramref name="function"/> with <paramref name="parameter"/> NULL and it returned;
    /// an in-process negative test calls this first, so that it never passes WAMR a NULL the probe has not seen survive.
    /// </summary>
    /// <returns>What the call returned in the probe (<c>void</c>, an integer, <c>NULL</c>, <c>argument N</c>, <c>non-NULL</c>).</returns>
    public static string AssertNullIsSafe(string function, string parameter)
    {
        NullProbeResult? r = Results.FirstOrDefault(r => r.IsNullCase && r.Function == function && r.NullParameter == parameter);
        if (r is null || r.Outcome != "returned")
        {
            throw new Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException(
                $"the NULL probe {(r is null ? "has no case" : "saw a " + r.Outcome + " " + r.Detail)} for {function} with '{parameter}' NULL: the in-process call is not safe");
        }

        return r.Detail;
    }

    /// <summary>As <see cref="AssertNullIsSafe"/>, for a hand-written odd case whose description starts with <paramref name="description"/>.</summary>
    /// <returns>What the probe's case reported.</returns>
    public static string AssertOddIsSafe(string function, string description)
    {
        NullProbeResult? r = Results.FirstOrDefault(r => r.IsOdd && r.Function == function && r.Mode.StartsWith("odd: " + description, StringComparison.Ordinal));
        if (r is null || r.Outcome != "returned")
        {
            throw new Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException(
                $"the NULL probe {(r is null ? "has no odd case" : "saw a " + r.Outcome + " " + r.Detail)} for {function} '{description}': the in-process call is not safe");
        }

        return r.Detail;
    }

    /// <summary>The functions the probe calls: exported, non-inline, non-variadic functions of <c>wasm_c_api.h</c>.</summary>
    public static IReadOnlyList<FunctionDecl> ProbedFunctions =>
        WasmCApiHeader.Functions.Where(f => !f.IsVariadic && WasmCApiHeader.IsExported(f.Name)).ToList();

    /// <summary>The factory names (without <c>probe_</c>) the harness defines.</summary>
    public static IReadOnlySet<string> Factories(string harness) =>
        FactoryPattern().Matches(harness).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The C source of the cases (<c>null-probe-cases.inc</c>) for the harness's factories.</summary>
    public static string GenerateCases(IReadOnlyList<FunctionDecl> functions, IReadOnlySet<string> factories)
    {
        var c = new StringBuilder();
        var table = new StringBuilder();
        c.AppendLine("/* Generated by NullProbe.cs from the generator's model of wasm_c_api.h; not committed. */");
        int index = 0;
        foreach (FunctionDecl f in functions)
        {
            IReadOnlyList<string> names = FunctionEmitter.ParameterNames(f);
            var cases = new List<(int NullIndex, string Mode, string? WrongKindFactory)> { (-1, "baseline", null) };
            for (int i = 0; i < f.Parameters.Count; i++)
            {
                if (WasmCApiHeader.IsPointer(f.Parameters[i].Type))
                {
                    cases.Add((i, "null", null));
                }
            }

            if (WrongKindFactory(f, factories) is { } wrong)
            {
                cases.Add((0, "wrong kind", wrong));
            }

            foreach ((int nullIndex, string mode, string? wrongKindFactory) in cases)
            {
                string name = "probe_case_" + index.ToString(CultureInfo.InvariantCulture);
                index++;
                var arguments = new List<string>();
                var withoutFactory = new List<string>();
                c.Append("static void ").Append(name).AppendLine("(void)").AppendLine("{");
                for (int i = 0; i < f.Parameters.Count; i++)
                {
                    CParameter p = f.Parameters[i];
                    string local = "a" + i.ToString(CultureInfo.InvariantCulture);
                    string value;
                    if (i == nullIndex && wrongKindFactory is not null)
                    {
                        value = "probe_" + wrongKindFactory + "()";
                    }
                    else if (i == nullIndex)
                    {
                        value = "NULL";
                    }
                    else if (!WasmCApiHeader.IsPointer(p.Type))
                    {
                        value = Resolve(p.Type) is CPrimitiveType { Name: "size_t" } ? "1" : "0";
                    }
                    else if (factories.Contains($"for_{f.Name}_{names[i]}"))
                    {
                        value = $"probe_for_{f.Name}_{names[i]}()";
                    }
                    else if (FactoryFor(p, factories) is { } factory)
                    {
                        value = "probe_" + factory + "()";
                    }
                    else
                    {
                        value = "NULL";
                        withoutFactory.Add(names[i]);
                    }

                    arguments.Add(value == "NULL" ? "NULL" : local);
                    if (value != "NULL")
                    {
                        c.Append("    __auto_type ").Append(local).Append(" = ").Append(value).AppendLine(";");
                    }
                }

                string call = f.Name + "(" + string.Join(", ", arguments) + ")";
                if (Resolve(f.ReturnType) is CPrimitiveType { Name: "void" })
                {
                    c.Append("    ").Append(call).AppendLine(";").AppendLine("    report_void();");
                }
                else if (WasmCApiHeader.IsPointer(f.ReturnType))
                {
                    var pointers = Enumerable.Range(0, f.Parameters.Count)
                        .Select(i => WasmCApiHeader.IsPointer(f.Parameters[i].Type) && !IsFunctionPointer(f.Parameters[i].Type) && arguments[i] != "NULL"
                            ? "(const void *)" + arguments[i]
                            : "NULL")
                        .ToList();
                    c.Append("    __auto_type r = ").Append(call).AppendLine(";");
                    if (pointers.Count == 0)
                    {
                        c.AppendLine("    report_pointer((const void *)r, NULL, 0);");
                    }
                    else
                    {
                        c.Append("    const void *pointers[] = { ").Append(string.Join(", ", pointers)).AppendLine(" };");
                        c.Append("    report_pointer((const void *)r, pointers, ").Append(pointers.Count.ToString(CultureInfo.InvariantCulture)).AppendLine(");");
                    }
                }
                else
                {
                    c.Append("    report_int((long long)").Append(call).AppendLine(");");
                }

                c.AppendLine("}").AppendLine();
                string modeText = mode == "null" && withoutFactory.Count > 0 ? "null, others NULL: " + string.Join(", ", withoutFactory) : mode;
                if (mode == "baseline" && withoutFactory.Count > 0)
                {
                    modeText = "baseline, NULL: " + string.Join(", ", withoutFactory);
                }

                table.Append("    { \"").Append(f.Name).Append("\", ").Append(nullIndex.ToString(CultureInfo.InvariantCulture)).Append(", \"")
                    .Append(nullIndex >= 0 ? names[nullIndex] : "-").Append("\", \"").Append(modeText).Append("\", ").Append(name).AppendLine(" },");
            }
        }

        c.AppendLine("static const probe_case probe_cases[] = {");
        c.Append(table);
        c.AppendLine("};");
        return c.ToString();
    }

    /// <summary>Parses the probe's output; fails unless it ends with <c>done N</c> for the N cases printed.</summary>
    public static IReadOnlyList<NullProbeResult> Parse(string output)
    {
        var results = new List<NullProbeResult>();
        int? done = null;
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] fields = line.Split('\t');
            if (fields[0] == "case" && fields.Length == 7)
            {
                results.Add(new NullProbeResult(fields[1], int.Parse(fields[2], CultureInfo.InvariantCulture), fields[3], fields[4], fields[5], fields[6]));
            }
            else if (fields[0] == "done" && fields.Length == 2)
            {
                done = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            else
            {
                throw new FormatException($"unexpected NULL probe line: '{line}'");
            }
        }

        if (done != results.Count)
        {
            throw new FormatException($"the NULL probe printed {results.Count} cases but reported {(done is null ? "no end line" : done.Value.ToString(CultureInfo.InvariantCulture))}");
        }

        return results;
    }

    private static IReadOnlyList<NullProbeResult> Run()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("The NULL probe uses fork() and runs on Linux and macOS; run the safety tests there.");
        }

        string harnessPath = Path.Combine(SourceDirectory, "null-probe.c");
        string modulePath = Path.Combine(SourceDirectory, "probe-module.wasm");
        string harness = File.ReadAllText(harnessPath);
        string libraryDirectory = Path.Combine(CrossCheckEnvironment.RepoRoot, "artifacts", "native", RuntimeInformation.RuntimeIdentifier);
        if (!File.Exists(Path.Combine(libraryDirectory, OperatingSystem.IsMacOS() ? "libiwasm.dylib" : "libiwasm.so")))
        {
            throw new InvalidOperationException($"libiwasm was not found in {libraryDirectory}: run the native build first (dotnet build).");
        }

        string temp = CrossCheckEnvironment.CreateTempDirectory();
        try
        {
            File.WriteAllText(Path.Combine(temp, "null-probe.c"), harness);
            File.WriteAllText(Path.Combine(temp, "null-probe-cases.inc"), GenerateCases(ProbedFunctions, Factories(harness)));
            string compiler = CrossCheckEnvironment.CCompiler;
            string[] compile =
            [
                "-std=gnu11", "-O0", "-g", "-I", CrossCheckEnvironment.IncludeDirectory, "-I", temp, "-o", "null-probe", "null-probe.c",
                "-L", libraryDirectory, "-liwasm", "-Wl,-rpath," + libraryDirectory,
            ];
            (int exit, _, string stderr) = CrossCheckEnvironment.Run(compiler, compile, temp);
            if (exit != 0)
            {
                throw new InvalidOperationException(CrossCheckEnvironment.Describe(compiler, compile, exit, stderr));
            }

            string probe = Path.Combine(temp, "null-probe");
            (exit, byte[] stdout, stderr) = CrossCheckEnvironment.Run(probe, [modulePath], temp);
            if (exit != 0)
            {
                throw new InvalidOperationException(CrossCheckEnvironment.Describe(probe, [modulePath], exit, stderr));
            }

            return Parse(Encoding.UTF8.GetString(stdout));
        }
        finally
        {
            CrossCheckEnvironment.DeleteQuietly(temp);
        }
    }

    /// <summary>The factory for a parameter (<c>probe_out_…</c> for one named <c>out</c>), following typedef aliases.</summary>
    private static string? FactoryFor(CParameter p, IReadOnlySet<string> factories)
    {
        string prefix = p.Name == "out" ? "out_" : string.Empty;
        CType type = p.Type;
        for (int depth = 0; depth < 8; depth++)
        {
            string candidate = prefix + Mangle(type);
            if (factories.Contains(candidate))
            {
                return candidate;
            }

            CType? next = UnaliasInnermost(type);
            if (next is null)
            {
                return null;
            }

            type = next;
        }

        return null;
    }

    /// <summary>
    /// For an unchecked cast <c>wasm_{externtype,extern,ref}_as_X[_const]</c>: the factory of an object of another
    /// kind (<c>wasm_externtype_t_p_not_functype</c>), when the harness has one.
    /// </summary>
    private static string? WrongKindFactory(FunctionDecl f, IReadOnlySet<string> factories)
    {
        Match m = CastPattern().Match(f.Name);
        if (!m.Success || f.Parameters.Count != 1)
        {
            return null;
        }

        string candidate = $"wasm_{m.Groups[1].Value}_t_p_not_{m.Groups[2].Value}";
        return factories.Contains(candidate) ? candidate : null;
    }

    /// <summary>The type with its innermost typedef name replaced by what it aliases, when that is another typedef name.</summary>
    private static CType? UnaliasInnermost(CType type)
    {
        switch (type)
        {
            case CPointerType p:
                return UnaliasInnermost(p.Pointee) is { } inner ? p with { Pointee = inner } : null;
            case CArrayType a:
                return UnaliasInnermost(a.Element) is { } element ? a with { Element = element } : null;
            case CTypedefRef t:
                CType target = WasmCApiHeader.Model.Typedefs.FirstOrDefault(d => d.Name == t.Name)?.Type ?? t;
                return target is CTypedefRef or CTagRef && Mangle(target) != t.Name ? target : null;
            default:
                return null;
        }
    }

    private static CType Resolve(CType type) => WasmCApiHeader.Resolve(type);

    private static bool IsFunctionPointer(CType type) => Resolve(type) is CPointerType { Pointee: var pointee } && Resolve(pointee) is CFunctionType;

    /// <summary>The factory-name spelling of a type: <c>_p</c> per pointer, <c>_a</c> per array, qualifiers dropped.</summary>
    public static string Mangle(CType type) => type switch
    {
        CPointerType p => Mangle(p.Pointee) + "_p",
        CArrayType a => Mangle(a.Element) + "_a",
        CTypedefRef t => t.Name,
        CTagRef t => t.Tag,
        CPrimitiveType p => p.Name.Replace(' ', '_'),
        CFunctionType => "fn",
        _ => "unknown",
    };

    [GeneratedRegex(@"\bprobe_(\w+)\s*\(\s*void\s*\)")]
    private static partial Regex FactoryPattern();

    [GeneratedRegex(@"^wasm_(externtype|extern|ref)_as_([a-z]+?)(?:_const)?$")]
    private static partial Regex CastPattern();
}
