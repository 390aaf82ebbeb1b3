using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

using Perfolizer.Horology;

using Wamr.Benchmarks.Workloads;
using Wamr.Tests.SourceGen;

namespace Wamr.Benchmarks.Report;

/// <summary>
/// <c>report</c>: runs the C baseline and every comparison benchmark, then writes <c>docs/benchmarks.md</c>;
/// <c>report --quick</c>: the same, briefly, in process, printing the table instead (under a minute).
/// </summary>
public static class ReportCommand
{
    /// <summary>The benchmark classes compared with the baseline.</summary>
    /// <remarks>A new mode (e.g. AOT) adds its classes here; their categories name the operation and the row.</remarks>
    public static readonly List<Type> ComparisonBenchmarks =
    [
        typeof(ProceduralBenchmarks),
        typeof(OopBenchmarks),
        typeof(InterpreterWorkloadBenchmarks),
        typeof(PrecompiledWorkloadBenchmarks),
        typeof(UninterruptiblePrecompiledWorkloadBenchmarks),
        typeof(WasmtimeEpochWorkloadBenchmarks),
        typeof(MemoryLoopBenchmarks),
        typeof(PrecompiledCallBenchmarks),
        typeof(WasmtimeBenchmarks),
    ];

    /// <summary>Runs the command.</summary>
    /// <param name="quick">Brief, in-process runs; print only.</param>
    /// <returns>The process exit code.</returns>
    /// <param name="write">Write <c>docs/benchmarks.md</c> even in quick mode (the page then says so).</param>
    public static int Run(bool quick, bool write = false)
    {
        string work = Directory.CreateTempSubdirectory("wamr-bench-").FullName;
        double? loadBefore = LoadAverage();
        if (Busy(loadBefore))
        {
            Console.WriteLine($"Warning: load average {loadBefore} on {Environment.ProcessorCount} cores: other work will distort the times.");
        }

        try
        {
            Console.WriteLine("Running the C baseline…");
            List<Measurement> measurements = BaselineRunner.Run(work, quick ? 60 : 300, quick ? 2 : 7);

            IConfig config = quick ? QuickConfig() : DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
            var operations = ComparisonTable.Operations.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
            foreach (Summary summary in BenchmarkRunner.Run(ComparisonBenchmarks.ToArray(), config))
            {
                foreach (BenchmarkReport report in summary.Reports)
                {
                    string name = report.BenchmarkCase.Descriptor.DisplayInfo;
                    if (report.ResultStatistics is null)
                    {
                        throw new InvalidOperationException(name + " produced no result (see BenchmarkDotNet's output above)");
                    }

                    // Categories: the operation, and the path (on the class, or on the method, which then wins).
                    string[] categories = report.BenchmarkCase.Descriptor.Categories;
                    string operation = categories.Single(operations.Contains);
                    string[] methodPaths = report.BenchmarkCase.Descriptor.WorkloadMethod
                        .GetCustomAttributes(typeof(BenchmarkCategoryAttribute), inherit: false)
                        .Cast<BenchmarkCategoryAttribute>()
                        .SelectMany(a => a.Categories)
                        .Where(c => !operations.Contains(c))
                        .ToArray();
                    string path = methodPaths.Length > 0 ? methodPaths.Single() : categories.Single(c => !operations.Contains(c));
                    long? allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                    measurements.Add(new Measurement(operation, path, report.ResultStatistics.Mean, allocated, report.ResultStatistics.ConfidenceInterval.Margin));
                }
            }

            Console.WriteLine("Measuring ahead-of-time compilation…");
            string table = ComparisonTable.Render(measurements) + Environment.NewLine + AotCosts.Render(quick);
            Console.WriteLine();
            Console.WriteLine(table);
            if (!quick || write)
            {
                string file = Path.Combine(RepoPaths.Root, "docs", "benchmarks.md");
                File.WriteAllText(file, Document(table, quick, loadBefore, LoadAverage()));
                Console.WriteLine("Wrote " + file);
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static IConfig QuickConfig() => ManualConfig.CreateMinimumViable()
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(4)
            .WithIterationTime(TimeInterval.FromMilliseconds(80)));

    /// <summary>The 1-minute load average (from <c>/proc/loadavg</c>), or null where there is none.</summary>
    private static double? LoadAverage()
    {
        if (!File.Exists("/proc/loadavg"))
        {
            return null;
        }

        string first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double load) ? load : null;
    }

    private static string Document(string table, bool quick, double? loadBefore, double? loadAfter)
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        if (Busy(loadBefore))
        {
            text.AppendLine("> **Preliminary:** the machine was busy during this run (see the load average below); the times are noisy.");
            text.AppendLine("> Regenerate on an idle machine before drawing conclusions.");
            text.AppendLine();
        }

        text.AppendLine("What the binding costs over WAMR's C API itself, on the same libiwasm (fast interpreter and AOT loader, software");
        text.AppendLine("bounds checks) and the same modules (`benchmarks/Wamr.Benchmarks/Modules/*.wat`, `Workloads/sha256.c`), and how it");
        text.AppendLine("compares with wasmtime-dotnet (NuGet `Wasmtime` 50.0.1, Cranelift JIT) on the same modules.");
        text.AppendLine();
        text.AppendLine("- **raw C** is `benchmarks/Wamr.Benchmarks/Baseline/baseline.c` (built with `cc -O2` against the same library)");
        text.AppendLine(quick
            ? "  through `wasm_c_api.h`, the best of 2 short timed rounds; **raw C `wasm_runtime_call_wasm`** is the engine's own call"
            : "  through `wasm_c_api.h`, the best of 7 timed rounds; **raw C `wasm_runtime_call_wasm`** is the engine's own call");
        text.AppendLine("  entry (`wasm_export.h`) with the instance's reused exec env, **raw C `wamr_ext_call_direct`** the engine extension's");
        text.AppendLine("  entry that our typed path calls; **native C** is the workload compiled into the");
        text.AppendLine("  baseline itself (no WebAssembly).");
        text.AppendLine(quick
            ? "- .NET rows are BenchmarkDotNet means of the quick in-process job (`report --quick --write`: 2 warm-ups, 4 iterations of 80 ms)."
            : "- .NET rows are BenchmarkDotNet means (default job, MemoryDiagnoser).");
        text.AppendLine("- *ratio to reference*: time ÷ the operation's first row (raw C; native C for the workload). *ratio to OOP typed*:");
        text.AppendLine("  time ÷ our typed path's, for the rows compared with it (wasmtime-dotnet, the engine's call entry).");
        text.AppendLine("- Rows marked *precompiled (AOT)* run the same module compiled in-process by `AotCompiler` (default options:");
        text.AppendLine("  portable CPU, interruptible; *not interruptible*: `Interruptible = false`) and loaded with `Module.FromPrecompiled`;");
        text.AppendLine("  the other WAMR rows run the fast interpreter.");
        text.AppendLine("- Goals: issue 8 (against raw C), issue 10 (typed calls against `wasm_runtime_call_wasm` and wasmtime-dotnet) and");
        text.AppendLine("  issue 11 (precompiled code at or above wasmtime-dotnet on the loop and the workload, like for like: interruptible");
        text.AppendLine("  code against wasmtime's epoch interruption, code without checks against its default). A goal between two .NET rows");
        text.AppendLine("  that the 99.9 % confidence intervals of their means (BenchmarkDotNet's error) allow, but the means miss, is *at parity*.");
        text.AppendLine();
        text.AppendLine("Regenerate with");
        text.AppendLine();
        text.AppendLine("```sh");
        text.AppendLine("dotnet run -c Release --project benchmarks/Wamr.Benchmarks -- report           # writes this file");
        text.AppendLine("dotnet run -c Release --project benchmarks/Wamr.Benchmarks -- report --quick   # prints the table, < 1 min");
        text.AppendLine("```");
        text.AppendLine();
        string load = loadBefore is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; load average {loadBefore:0.00} before, {loadAfter:0.00} after");
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {cpu}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd}{load}.");
        text.AppendLine();
        text.Append(table);
        return text.ToString();
    }

    /// <summary>A load average above the core count before the run means other work competed with the benchmarks (a
    /// build just before the run, such as <c>dotnet run</c>'s own, adds about 1).</summary>
    private static bool Busy(double? load) => load > Environment.ProcessorCount;
}
