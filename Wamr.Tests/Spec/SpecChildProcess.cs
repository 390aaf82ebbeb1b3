using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

using Wamr.Tests.Samples;

namespace Wamr.Tests.Spec;

/// <summary>
/// Runs one <c>.wast</c> file in <c>Wamr.SpecRunner</c>, a process of its own (the precompiled mode: WAMR 1.1.2's AOT
/// code has cases that end the process). Outcomes stream back as JSON lines; if the process dies, the command it was
/// running becomes a failed outcome of category <c>crash</c> and the rest of the file does not run.
/// </summary>
public static class SpecChildProcess
{
    /// <summary>The category of the command a child process died in.</summary>
    public const string CrashCategory = "crash";

    /// <summary>Runs <paramref name="wastFile"/> in <paramref name="mode"/> in a child process.</summary>
    public static IReadOnlyList<SpecOutcome> Run(string wastFile, SpecMode mode)
    {
        string assembly = SampleProcess.AssemblyPath("Wamr.SpecRunner");
        var start = new ProcessStartInfo(DotnetHost(), new[] { assembly, mode.ToString(), wastFile })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        Task<string> error = process.StandardError.ReadToEndAsync();
        var outcomes = new List<SpecOutcome>();
        int running = 0;
        bool done = false;
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            if (line.StartsWith("> ", StringComparison.Ordinal))
            {
                running = int.Parse(line.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith('{'))
            {
                outcomes.Add(JsonSerializer.Deserialize<SpecOutcome>(line) ?? throw new FormatException(line));
            }
            else if (line == "done")
            {
                done = true;
            }
        }

        if (!process.WaitForExit(SpecFileRunner.Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{wastFile} did not finish within {SpecFileRunner.Timeout}.");
        }

        if (!done || process.ExitCode != 0)
        {
            string reason = error.Result.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("Process terminated", StringComparison.Ordinal)) ?? "no message";
            outcomes.Add(new SpecOutcome(wastFile, running, "crash", SpecStatus.Failed, CrashCategory,
                $"the process ended with exit code {process.ExitCode} while running this command ({reason}); the rest of the file did not run"));
        }

        return outcomes;
    }

    private static string DotnetHost()
    {
        string? current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}
