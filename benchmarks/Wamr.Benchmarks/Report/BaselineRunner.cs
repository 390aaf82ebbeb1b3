using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

using Wamr.Benchmarks.Workloads;
using Wamr.Tests.SourceGen;

namespace Wamr.Benchmarks.Report;

/// <summary>Compiles <c>Baseline/baseline.c</c> with the machine's C compiler against the same libiwasm and runs it.</summary>
public static class BaselineRunner
{
    /// <summary>Builds and runs the baseline; returns its measurements (paths <see cref="Paths.RawC"/>,
    /// <see cref="Paths.RawCallWasm"/>, <see cref="Paths.RawCallDirect"/>, <see cref="Paths.NativeC"/>).</summary>
    /// <param name="workDirectory">Where to put the executable and the large module.</param>
    /// <param name="targetMilliseconds">Time per timed round.</param>
    /// <param name="rounds">Timed rounds (the best is kept).</param>
    /// <returns>The measurements.</returns>
    public static List<Measurement> Run(string workDirectory, int targetMilliseconds, int rounds)
    {
        string libraryDirectory = Path.Combine(RepoPaths.Root, "artifacts", "native", RuntimeInformation.RuntimeIdentifier);
        string include = Path.Combine(RepoPaths.Root, "artifacts", "native", "include");
        string source = Path.Combine(RepoPaths.Root, "benchmarks", "Wamr.Benchmarks", "Baseline", "baseline.c");
        string executable = Path.Combine(workDirectory, "baseline");
        string large = Path.Combine(workDirectory, "large.wasm");
        File.WriteAllBytes(large, LargeModule.Build());

        string workloads = Path.Combine(RepoPaths.Root, "benchmarks", "Wamr.Benchmarks", "Workloads");
        Execute("cc", ["-O2", "-I", include, "-I", workloads, source, "-L", libraryDirectory, "-liwasm", "-Wl,-rpath," + libraryDirectory, "-o", executable]);
        string bench = BenchModule.PathOf("bench.wasm");
        string small = BenchModule.PathOf("small.wasm");
        string output = Execute(executable, [
            bench, large, small, Sha256Workload.ModulePath,
            targetMilliseconds.ToString(CultureInfo.InvariantCulture), rounds.ToString(CultureInfo.InvariantCulture),
            Sha256Workload.InputBytes.ToString(CultureInfo.InvariantCulture)]);

        var results = new List<Measurement>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] parts = line.Split(' ');
            string path = parts[1] switch
            {
                "c" => Paths.RawC,
                "call_wasm" => Paths.RawCallWasm,
                "call_direct" => Paths.RawCallDirect,
                "native" => Paths.NativeC,
                _ => throw new InvalidOperationException("unknown baseline path in: " + line),
            };
            results.Add(new Measurement(parts[0], path, double.Parse(parts[2], CultureInfo.InvariantCulture), null));
        }

        return results;
    }

    private static string Execute(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName);
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}:\n{error}");
        }

        return output;
    }
}
