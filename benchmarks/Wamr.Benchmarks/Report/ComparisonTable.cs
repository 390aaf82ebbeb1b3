using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

using Wamr.Benchmarks.Workloads;

namespace Wamr.Benchmarks.Report;

/// <summary>
/// The Markdown table: per operation, every path's time, its ratio to the operation's reference row (raw C, or native
/// C for the workload), wasmtime-dotnet's (and the engine call entry's) ratio to our typed path, and the goals.
/// </summary>
public static class ComparisonTable
{
    /// <summary>Operations in report order.</summary>
    public static readonly OperationInfo[] Operations =
    [
        new("add", "host → wasm `add(i32, i32) → i32`", Paths.RawC),
        new("nop", "host → wasm `nop()`", Paths.RawC),
        new("callback", "wasm → host call `inc()` (per call, loop of 1000)", Paths.RawC),
        new("callback_add", "wasm → host call `add(i32, i32) → i32` (per call, loop of 1000)", Paths.RawC),
        new("copy_in", "copy 1 MiB into linear memory", Paths.RawC),
        new("copy_out", "copy 1 MiB out of linear memory", Paths.RawC),
        new("instantiate", "instantiate a small module in a new store, then delete the store", Paths.RawC),
        new("validate_large", "validate a 1 MiB module", Paths.RawC),
        new("load_large", "load (compile) a 1 MiB module", Paths.RawC),
        new(MemoryLoopBenchmarks.Operation, "memory loop (`Modules/loop.wat`), per iteration: one i32 store, one i32 load, an add; reference: the interpreter", Paths.OopTyped),
        new(Sha256Workload.Operation, $"SHA-256 of {Sha256Workload.InputBytes / 1024} KiB (`Workloads/sha256.c`; WAMR rows: fast interpreter unless marked precompiled)", Paths.NativeC, Sha256Workload.InputBytes),
    ];

    /// <summary>Order of rows within an operation: the reference, C, ours, other rows of ours, then other engines.</summary>
    private static readonly string[] RowOrder =
        [Paths.NativeC, Paths.RawC, Paths.RawCallWasm, Paths.RawCallDirect, Paths.Procedural, Paths.OopTyped, Paths.OopTypedPrecompiled, Paths.OopTypedPrecompiledUninterruptible, Paths.Oop, Paths.OopUntyped, Paths.OopUntypedSpans];

    /// <summary>The goals for a path on an operation: each a maximum ratio to another path of the same operation.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="path">The path.</param>
    /// <returns>The goals (none when the project set none).</returns>
    public static IEnumerable<Goal> Goals(string operation, string path)
    {
        // Issue 8: the binding against the C API.
        switch (operation, path)
        {
            case ("add" or "nop", Paths.Procedural):
                yield return new Goal(Paths.RawC, 1.10);
                break;
            case ("add" or "nop", Paths.OopTyped):
                yield return new Goal(Paths.RawC, 1.30);

                // Issue 10: as fast as the engine's own call entry, and faster than wasmtime-dotnet's typed call.
                yield return new Goal(Paths.RawCallWasm, 1.10);
                yield return new Goal(Paths.WasmtimeTyped, 1.0);
                break;
            case ("add" or "nop", Paths.OopUntyped):
                yield return new Goal(Paths.RawC, 2.0);
                break;
            case ("callback" or "callback_add", Paths.Procedural or Paths.OopTyped or Paths.OopUntyped):
                yield return new Goal(Paths.RawC, 1.5);
                break;
            case ("copy_in" or "copy_out", Paths.Procedural or Paths.Oop):
                yield return new Goal(Paths.RawC, 1 / 0.9);
                break;

            // Issue 11: precompiled code at or above wasmtime-dotnet's speed on every workload, like for like: code
            // that can be interrupted against wasmtime with epoch interruption, code that cannot against its default.
            case (MemoryLoopBenchmarks.Operation or Sha256Workload.Operation, Paths.OopTypedPrecompiled):
                yield return new Goal(Paths.WasmtimeTypedEpoch, 1.0);
                break;
            case (MemoryLoopBenchmarks.Operation or Sha256Workload.Operation, Paths.OopTypedPrecompiledUninterruptible):
                yield return new Goal(Paths.WasmtimeTyped, 1.0);
                break;
        }
    }

    /// <summary>Whether a row also shows its ratio to our typed path of the same operation.</summary>
    /// <param name="path">The row's path.</param>
    /// <returns>True for other engines and for the engine's own call entry.</returns>
    public static bool ComparedWithOurTyped(string path) =>
        path.StartsWith("wasmtime", StringComparison.Ordinal) || path == Paths.RawCallWasm || path == Paths.RawCallDirect;

    /// <summary>Renders the table.</summary>
    /// <param name="measurements">C and .NET results together.</param>
    /// <returns>Markdown.</returns>
    public static string Render(IReadOnlyList<Measurement> measurements)
    {
        var text = new StringBuilder();
        text.AppendLine("| operation | path | time per op | ratio to reference | ratio to OOP typed | goal | allocated per op |");
        text.AppendLine("|---|---|---:|---:|---:|---|---:|");
        foreach (OperationInfo operation in Operations)
        {
            List<Measurement> rows = measurements.Where(m => m.Operation == operation.Name).OrderBy(m => Rank(m.Path)).ThenBy(m => m.Path, StringComparer.Ordinal).ToList();
            Measurement? reference = rows.FirstOrDefault(m => m.Path == operation.ReferencePath);
            if (reference is null)
            {
                continue;
            }

            Measurement? typed = rows.FirstOrDefault(m => m.Path == Paths.OopTyped);
            bool first = true;
            foreach (Measurement m in rows)
            {
                string label = first ? operation.Description : string.Empty;
                first = false;
                string time = Time(m.Nanoseconds) + (operation.BytesPerOperation is double bytes ? $" ({bytes / m.Nanoseconds * 1e3:0.0} MB/s)" : string.Empty);
                string ratio = m == reference ? "1.00× (reference)" : Ratio(m.Nanoseconds / reference.Nanoseconds);
                string toTyped = typed is not null && ComparedWithOurTyped(m.Path) ? Ratio(m.Nanoseconds / typed.Nanoseconds) : string.Empty;
                string goals = string.Join("; ", Goals(operation.Name, m.Path).Select(g => Verdict(m, g, rows)).Where(v => v.Length > 0));
                string allocated = m.AllocatedBytes is long a ? a.ToString(CultureInfo.InvariantCulture) + " B" : string.Empty;
                text.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {m.Path} | {time} | {ratio} | {toTyped} | {goals} | {allocated} |");
            }
        }

        return text.ToString();
    }

    private static int Rank(string path)
    {
        int index = Array.IndexOf(RowOrder, path);
        return index >= 0 ? index : path.StartsWith("wasmtime", StringComparison.Ordinal) ? 200 : 100;
    }

    private static string Verdict(Measurement m, Goal goal, List<Measurement> rows)
    {
        Measurement? against = rows.FirstOrDefault(r => r.Path == goal.Against);
        if (against is null)
        {
            return string.Empty;
        }

        double ratio = m.Nanoseconds / against.Nanoseconds;
        string target = goal.Against == Paths.RawC ? string.Empty : " " + goal.Against;
        string bound = goal.MaxRatio == 1.0 && goal.Against != Paths.RawC ? "faster than" + target : $"≤ {goal.MaxRatio:0.00}×{target}";
        if (ratio <= goal.MaxRatio)
        {
            return $"{bound}: met";
        }

        // Two .NET means whose 99.9 % confidence intervals allow the goal: the difference is noise, not a result.
        if (m.ErrorNanoseconds is double error && against.ErrorNanoseconds is double againstError
            && m.Nanoseconds - error <= goal.MaxRatio * (against.Nanoseconds + againstError))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bound}: **at parity** ({ratio:0.00}×, within the 99.9 % confidence intervals)");
        }

        return $"{bound}: **missed** ({ratio:0.00}×)";
    }

    private static string Ratio(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}×");

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e6:0.00} ms"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e3:0.00} µs"),
        >= 10 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:0.0} ns"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:0.00} ns"),
    };
}
