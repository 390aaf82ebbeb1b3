using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

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
        typeof(WasmtimeBenchmarks),
    ];

    /// <summary>Runs the command.</summary>
    /// <param name="quick">Brief, in-process runs; print only.</param>
    /// <returns>The process exit code.</returns>
    /// <param name="write">Write <c>docs/benchmarks.md</c> even in quick mode (the page then says so).</param>
    public static int Run(bool quick, bool write = false)
    {
        string work = Directory.CreateTempSubdirectory("wamr-bench-").FullName;
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

                    // Categories: the operation, and the path (on the method or on the class).
                    string[] categories = report.BenchmarkCase.Descriptor.Categories;
                    string operation = categories.Single(operations.Contains);
                    string path = categories.Single(c => !operations.Contains(c));
                    long? allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                    measurements.Add(new Measurement(operation, path, report.ResultStatistics.Mean, allocated));
                }
            }

            string table = ComparisonTable.Render(measurements);
            Console.WriteLine();
            Console.WriteLine(table);
            if (!quick || write)
            {
                string file = Path.Combine(RepoPaths.Root, "docs", "benchmarks.md");
                File.WriteAllText(file, Document(table, quick));
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
            .WithIterationCount(5)
            .WithIterationTime(TimeInterval.FromMilliseconds(80)));

    private static string Document(string table, bool quick)
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine("What the binding costs over WAMR's C API itself, on the same libiwasm (fast interpreter, software bounds");
        text.AppendLine("checks) and the same module (`benchmarks/Wamr.Benchmarks/Modules/bench.wat`). Raw C is");
        text.AppendLine(quick
            ? "`benchmarks/Wamr.Benchmarks/Baseline/baseline.c` built with `cc -O2`, the best of 2 short timed rounds; .NET rows"
            : "`benchmarks/Wamr.Benchmarks/Baseline/baseline.c` built with `cc -O2`, the best of 7 timed rounds; .NET rows");
        text.AppendLine(quick
            ? "are BenchmarkDotNet means of the quick in-process job (`report --quick --write`: 2 warm-ups, 5 iterations of 80 ms). Regenerate with"
            : "are BenchmarkDotNet means (default job, MemoryDiagnoser). Regenerate with");
        text.AppendLine();
        text.AppendLine("```sh");
        text.AppendLine("dotnet run -c Release --project benchmarks/Wamr.Benchmarks -- report           # writes this file");
        text.AppendLine("dotnet run -c Release --project benchmarks/Wamr.Benchmarks -- report --quick   # prints the table, < 1 min");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {cpu}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd}.");
        text.AppendLine();
        text.Append(table);
        return text.ToString();
    }
}
