using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Wamr.Benchmarks.Report;

/// <summary>The Markdown table of .NET paths against the raw C baseline, with the goals the project set.</summary>
public static class ComparisonTable
{
    /// <summary>Operations in report order, with what each measures.</summary>
    public static readonly (string Name, string Description)[] Operations =
    [
        ("add", "host → wasm `add(i32, i32) → i32`"),
        ("nop", "host → wasm `nop()`"),
        ("callback", "wasm → host call (per call, loop of 1000)"),
        ("copy_in", "copy 1 MiB into linear memory"),
        ("copy_out", "copy 1 MiB out of linear memory"),
        ("instantiate", "instantiate a small module (WAMR keeps instances until the store is deleted)"),
        ("validate_large", "validate a 1 MiB module"),
        ("load_large", "load (compile) a 1 MiB module"),
    ];

    /// <summary>The goal for a path on an operation, as a maximum ratio to C, or null when none is set.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="path">The .NET path.</param>
    /// <returns>The maximum ratio.</returns>
    public static double? Goal(string operation, string path) => (operation, path) switch
    {
        ("add" or "nop", "procedural") => 1.10,
        ("add" or "nop", "OOP typed") => 1.30,
        ("add" or "nop", "OOP untyped") => 2.0,
        ("callback", _) => 1.5,
        ("copy_in" or "copy_out", _) => 1 / 0.9,
        _ => null,
    };

    /// <summary>Renders the table.</summary>
    /// <param name="baseline">C nanoseconds per operation.</param>
    /// <param name="measurements">The .NET results.</param>
    /// <returns>Markdown.</returns>
    public static string Render(IReadOnlyDictionary<string, double> baseline, IReadOnlyList<Measurement> measurements)
    {
        var text = new StringBuilder();
        text.AppendLine("| operation | path | time per op | ratio to C | goal | allocated per op |");
        text.AppendLine("|---|---|---:|---:|---|---:|");
        foreach ((string name, string description) in Operations)
        {
            if (!baseline.TryGetValue(name, out double c))
            {
                continue;
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"| {description} | raw C | {Time(c)} | 1.00× | | |");
            foreach (Measurement m in measurements.Where(m => m.Operation == name).OrderBy(m => m.Path, StringComparer.Ordinal))
            {
                double ratio = m.Nanoseconds / c;
                double? goal = Goal(name, m.Path);
                string verdict = goal is null ? string.Empty : ratio <= goal.Value ? $"≤ {goal.Value:0.00}× met" : $"≤ {goal.Value:0.00}× **missed**";
                string allocated = m.AllocatedBytes is long bytes ? bytes.ToString(CultureInfo.InvariantCulture) + " B" : "n/a";
                text.AppendLine(CultureInfo.InvariantCulture, $"| | {m.Path} | {Time(m.Nanoseconds)} | {ratio:0.00}× | {verdict} | {allocated} |");
            }
        }

        return text.ToString();
    }

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e6:0.00} ms"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e3:0.00} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:0.0} ns"),
    };
}
