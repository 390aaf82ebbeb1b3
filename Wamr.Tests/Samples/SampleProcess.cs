using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace Wamr.Tests.Samples;

/// <summary>
/// Runs a sample (samples/&lt;name&gt;) as a child process with <c>dotnet &lt;name&gt;.dll</c>, so that a sample that
/// crashes fails its own test instead of the test host. Wamr.Tests.csproj builds the samples and records where
/// each assembly is.
/// </summary>
internal sealed class SampleProcess
{
    private SampleProcess(string name, int exitCode, string output, string error)
    {
        Name = name;
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    /// <summary>The sample's name.</summary>
    public string Name { get; }

    /// <summary>The process's exit code.</summary>
    public int ExitCode { get; }

    /// <summary>Everything the sample (and libiwasm) wrote to standard output.</summary>
    public string Output { get; }

    /// <summary>Everything written to standard error.</summary>
    public string Error { get; }

    /// <summary>The lines of <see cref="Output"/>.</summary>
    public string[] Lines => Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>What the sample printed, for assertion messages.</summary>
    public string Transcript =>
        $"{Name} exited with {ExitCode}.{Environment.NewLine}--- stdout ---{Environment.NewLine}{Output}--- stderr ---{Environment.NewLine}{Error}";

    /// <summary>The assembly of sample <paramref name="name"/>, as the build recorded it.</summary>
    /// <param name="name">The sample's folder name.</param>
    /// <returns>The full path of its assembly.</returns>
    public static string AssemblyPath(string name)
    {
        string key = "WamrSample:" + name;
        string? path = typeof(SampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key == key)
            .Select(a => a.Value)
            .SingleOrDefault();
        if (path is null)
        {
            throw new InvalidOperationException($"Wamr.Tests was built without sample {name}: add samples/{name}/{name}.csproj.");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Sample {name} was not built.", path);
        }

        return path;
    }

    /// <summary>Runs sample <paramref name="name"/> to its end, or kills it after <paramref name="timeout"/>.</summary>
    /// <param name="name">The sample's folder name.</param>
    /// <param name="timeout">How long it may take.</param>
    /// <returns>Its exit code and output.</returns>
    public static SampleProcess Run(string name, TimeSpan timeout)
    {
        string assembly = AssemblyPath(name);
        var start = new ProcessStartInfo(DotnetHost(), new[] { assembly })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"Sample {name} did not finish within {timeout}.{Environment.NewLine}{output.Result}{error.Result}");
        }

        process.WaitForExit();
        return new SampleProcess(name, process.ExitCode, output.Result, error.Result);
    }

    // The muxer that runs the tests (testhost runs under it), else the one the CLI names, else PATH's.
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
