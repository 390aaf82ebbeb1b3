using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

using Wamr.Benchmarks.Workloads;
using Wamr.Compiler;

namespace Wamr.Benchmarks.Report;

/// <summary>
/// The report's ahead-of-time section, measured when the report runs: <see cref="AotCompiler"/>'s compile time per KB
/// of wasm (default options, after one warm-up compile) and the size on disk of each engine's native library.
/// </summary>
public static class AotCosts
{
    /// <summary>Measures and renders the section.</summary>
    /// <param name="quick">Fewer timed compiles.</param>
    /// <returns>Markdown.</returns>
    public static string Render(bool quick)
    {
        int runs = quick ? 3 : 10;
        var text = new StringBuilder();
        text.AppendLine("## Ahead-of-time compilation costs");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"`AotCompiler.Compile` (default options, host CPU) in the report's process: one warm-up compile, then the best and mean of {runs}.");
        text.AppendLine();
        text.AppendLine("| module | wasm size | output size | best | mean | best per KB of wasm |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (string path in new[] { Sha256Workload.ModulePath, BenchModule.PathOf("bench.wasm"), BenchModule.PathOf("loop.wasm") })
        {
            byte[] wasm = File.ReadAllBytes(path);
            int outputSize = AotCompiler.Compile(wasm).Length;
            List<double> times = [];
            for (int i = 0; i < runs; i++)
            {
                long start = Stopwatch.GetTimestamp();
                AotCompiler.Compile(wasm);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            double kb = wasm.Length / 1024.0;
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{Path.GetFileName(path)}` | {wasm.Length} B | {outputSize} B | {times.Min():0.0} ms | {times.Average():0.0} ms | {times.Min() / kb:0.0} ms/KB |");
        }

        text.AppendLine();
        text.AppendLine("Native libraries (size on disk, from the benchmarks' output folder and the loaded process):");
        text.AppendLine();
        text.AppendLine("| library | what | size |");
        text.AppendLine("|---|---|---:|");
        string native = Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
        Library(text, Path.Combine(native, "libiwasm.so"), "WAMR runtime (fast interpreter + AOT loader)");
        Library(text, Path.Combine(native, "libwamrc.so"), "WAMR's AOT compiler (Wamr.Compiler), without LLVM");
        if (LoadedLibrary("libLLVM") is string llvm)
        {
            Library(text, llvm, "LLVM, which libwamrc.so links dynamically");
        }

        Library(text, Path.Combine(native, "libwasmtime.so"), "wasmtime-dotnet's engine (Cranelift JIT included)");
        return text.ToString();
    }

    private static void Library(StringBuilder text, string path, string what)
    {
        if (File.Exists(path))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{Path.GetFileName(path)}` | {what} | {new FileInfo(path).Length / 1024.0:0} KB |");
        }
    }

    /// <summary>The path of a library mapped into this process whose file name starts with <paramref name="prefix"/>.</summary>
    private static string? LoadedLibrary(string prefix) => File.Exists("/proc/self/maps")
        ? File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty)
            .FirstOrDefault(p => p.StartsWith('/') && Path.GetFileName(p).StartsWith(prefix, StringComparison.Ordinal))
        : null;
}
