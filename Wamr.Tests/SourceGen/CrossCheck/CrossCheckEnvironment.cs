using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;

namespace Wamr.Tests.SourceGen.CrossCheck;

/// <summary>
/// Where the cross-check finds WAMR's headers, the export list and the C compilers, and how it runs them.
/// Everything here fails loudly: a missing compiler or header must never turn into an empty set of facts.
/// </summary>
internal static class CrossCheckEnvironment
{
    /// <summary>
    /// The headers the bindings are generated from, in the order they are included: WAMR's three and the project's own
    /// extension header (native/ext/wamr_ext.h, which includes the first two).
    /// </summary>
    public static readonly IReadOnlyList<string> HeaderNames = ["wasm_c_api.h", "wasm_export.h", "lib_export.h", "wamr_ext.h"];

    /// <summary>The generated class a header's functions and constants are bound on.</summary>
    public static string ClassFor(string header) => header switch
    {
        "wasm_c_api.h" => "WasmCApi",
        "wamr_ext.h" => "WamrExt",
        _ => "WamrApi",
    };

    private static readonly Lazy<string> RepoRootLazy = new(FindRepoRoot);

    public static string RepoRoot => RepoRootLazy.Value;

    public static string IncludeDirectory
    {
        get
        {
            string dir = Path.Combine(RepoRoot, "artifacts", "native", "include");
            foreach (string header in HeaderNames)
            {
                string path = Path.Combine(dir, header);
                if (!File.Exists(path))
                {
                    throw new InvalidOperationException(
                        $"WAMR header {path} is missing: run the native build first (it copies WAMR's headers to artifacts/native/include).");
                }
            }

            return dir;
        }
    }

    /// <summary>The export list the native build writes next to libiwasm (one symbol a line).</summary>
    public static string ExportsFile
    {
        get
        {
            string inArtifacts = Path.Combine(RepoRoot, "artifacts", "native", RuntimeInformation.RuntimeIdentifier, "libiwasm.exports.txt");
            if (File.Exists(inArtifacts))
            {
                return inArtifacts;
            }

            string inOutput = Path.Combine(AppContext.BaseDirectory, "libiwasm.exports.txt");
            if (File.Exists(inOutput))
            {
                return inOutput;
            }

            throw new InvalidOperationException(
                $"libiwasm.exports.txt was found neither at {inArtifacts} nor at {inOutput}: run the native build first.");
        }
    }

    /// <summary>clang-14, the compiler whose AST is the reference for declarations.</summary>
    public static string Clang => FindTool(["clang-14", "/usr/lib/llvm-14/bin/clang"])
        ?? throw new InvalidOperationException(
            "clang-14 was not found (looked on PATH, /usr/bin and /usr/lib/llvm-14/bin). The cross-check of the generated bindings "
            + "needs a real C compiler's view of WAMR's headers: install clang-14 (e.g. `apt-get install clang-14`); it is part of the build image.");

    /// <summary>The system C compiler (gcc), used to compile and run the layout probe.</summary>
    public static string CCompiler => FindTool(["cc", "gcc", "clang-14"])
        ?? throw new InvalidOperationException(
            "No C compiler (cc, gcc or clang-14) was found on PATH: the layout probe must be compiled and run. Install gcc or clang-14.");

    private static string FindRepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wamr.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Wamr.sln was not found in any parent of {AppContext.BaseDirectory}.");
    }

    private static string? FindTool(IEnumerable<string> candidates)
    {
        string[] path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string candidate in candidates)
        {
            if (Path.IsPathRooted(candidate))
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }

                continue;
            }

            foreach (string dir in path.Concat(["/usr/bin", "/usr/local/bin"]))
            {
                string full = Path.Combine(dir, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }

    /// <summary>Creates a fresh temporary directory; the caller deletes it.</summary>
    public static string CreateTempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "wamr-xcheck-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void DeleteQuietly(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Runs a process to completion, reading stdout (as bytes) and stderr concurrently.</summary>
    public static (int ExitCode, byte[] Stdout, string Stderr) Run(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        ProcessStartInfo info = new(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["LC_ALL"] = "C";
        using Process process = Process.Start(info)
            ?? throw new InvalidOperationException($"could not start {fileName}");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using MemoryStream stdout = new();
        process.StandardOutput.BaseStream.CopyTo(stdout);
        process.WaitForExit();
        return (process.ExitCode, stdout.ToArray(), stderr.GetAwaiter().GetResult());
    }

    public static string Describe(string fileName, IEnumerable<string> arguments, int exitCode, string stderr)
    {
        StringBuilder text = new();
        text.Append(fileName);
        foreach (string argument in arguments)
        {
            text.Append(' ').Append(argument);
        }

        text.Append(" exited with ").Append(exitCode).AppendLine(":").Append(stderr);
        return text.ToString();
    }
}
