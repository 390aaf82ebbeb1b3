using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

using Wamr.Tests.SourceGen.CrossCheck;

namespace Wamr.Tests.Interop.Safety;

/// <summary>The NULL probe's measurements as the Markdown page <c>docs/null-probe.md</c>.</summary>
public static class NullProbeReport
{
    /// <summary>The environment variable that makes the safety tests rewrite their committed outputs.</summary>
    public const string UpdateVariable = "WAMR_UPDATE_SAFETY";

    /// <summary>The page's path in the repository.</summary>
    public static string PagePath => Path.Combine(CrossCheckEnvironment.RepoRoot, "docs", "null-probe.md");

    /// <summary>Whether the tests should rewrite the committed page and guard list instead of comparing them.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The page for <paramref name="results"/>.</summary>
    public static string Markdown(IReadOnlyList<NullProbeResult> results)
    {
        static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
        var functions = results.Select(r => r.Function).Distinct(StringComparer.Ordinal).ToList();
        var nullCases = results.Where(r => r.IsNullCase).ToList();
        var crashes = nullCases.Where(r => r.Crashed).ToList();
        var baselineCrashes = results.Where(r => r.IsBaseline && r.Crashed).ToList();
        var odd = results.Where(r => r.IsOdd).ToList();
        var withoutFactory = results.Where(r => r.Mode.Contains("NULL:", StringComparison.Ordinal)).ToList();
        var wrongKind = results.Where(r => r.Mode == "wrong kind").ToList();

        var md = new StringBuilder();
        md.AppendLine("# NULL probe of wasm_c_api.h");
        md.AppendLine();
        md.AppendLine("What WAMR 1.1.2 (this repository's libiwasm build) does when an exported function of `wasm_c_api.h` gets NULL for one");
        md.AppendLine("pointer parameter, the others valid. Measured by `Wamr.Tests/Interop/Safety/null-probe.c`, each call in its own fork()ed");
        md.AppendLine("child with an engine and a store alive; the cases are generated from the generator's model of the header, so every");
        md.AppendLine("exported function and every pointer parameter is probed. The parameters whose NULL crashes are the guard list");
        md.AppendLine("`Wamr.Runtime/Interop/wasm_c_api.guards`: the generated binding throws `ArgumentNullException` for them instead.");
        md.AppendLine();
        md.AppendLine($"Regenerate (with the guard list): `{UpdateVariable}=1 dotnet test Wamr.Tests --filter FullyQualifiedName~Interop.Safety`.");
        md.AppendLine("Without the variable the tests fail when this page or the guard list differs from a fresh measurement.");
        md.AppendLine();
        md.AppendLine("## Summary");
        md.AppendLine();
        md.AppendLine($"- functions probed: {Count(functions.Count)}; calls: {Count(results.Count)} ({Count(results.Count(r => r.IsBaseline))} baselines, {Count(nullCases.Count)} with one NULL, {Count(wrongKind.Count)} wrong-kind casts, {Count(odd.Count)} odd arguments)");
        md.AppendLine($"- NULL crashes: {Count(crashes.Count)} parameters of {Count(crashes.Select(r => r.Function).Distinct().Count())} functions ({Count(crashes.Count(r => r.Outcome == "timeout"))} of them hangs)");
        md.AppendLine($"- baselines (every argument valid) that crash: {Count(baselineCrashes.Count)}{(baselineCrashes.Count > 0 ? ": " + string.Join(", ", baselineCrashes.Select(r => "`" + r.Function + "`")) : string.Empty)}");
        md.AppendLine($"- odd (non-NULL, unexpected) arguments that crash: {Count(odd.Count(r => r.Crashed))} of {Count(odd.Count)}; negative tests pass only those that survive here");
        var hazards = results.Where(r => r.IsHazard).ToList();
        md.AppendLine($"- hazards (misuse without a NULL) that crash: {Count(hazards.Count(r => r.Crashed))} of {Count(hazards.Count)}{string.Concat(hazards.Select(r => $"; `{r.Function}`, {r.Mode["hazard: ".Length..]}: {r.Outcome} {r.Detail}"))}");
        md.AppendLine($"- calls where another parameter had no valid value and was NULL too: {Count(withoutFactory.Count)}{(withoutFactory.Count > 0 ? ": " + string.Join(", ", withoutFactory.Select(r => "`" + r.Function + "`").Distinct()) : string.Empty)}");
        md.AppendLine();
        md.AppendLine("## Every call");
        md.AppendLine();
        md.AppendLine("`returned` details: `void`, an integer, `NULL`, `argument N` (the N-th argument, 0-based, came back), `non-NULL`.");
        md.AppendLine();
        md.AppendLine("| function | NULL parameter | mode | outcome | detail |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (NullProbeResult r in results)
        {
            string parameter = r.IsNullCase ? $"`{r.NullParameter}` (#{Count(r.NullIndex)})" : r.NullIndex < 0 ? "—" : $"none (`{r.NullParameter}` of another kind)";
            string outcome = r.Crashed ? $"**{r.Outcome}**" : r.Outcome;
            md.AppendLine($"| `{r.Function}` | {parameter} | {r.Mode} | {outcome} | {Escape(r.Detail)} |");
        }

        return md.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
