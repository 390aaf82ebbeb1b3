using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace Wamr.Compiler.Interop;

/// <summary>
/// Finds and loads libwamrc (WAMR's AOT compiler, built with LLVM 14) for the bindings of this assembly. In order: the
/// environment variable <c>WAMRC_LIBRARY_PATH</c> (the file or its folder); the application's
/// <c>runtimes/&lt;rid&gt;/native/</c> folders (as the package or a project reference places it); then the operating
/// system's search. When it is missing or cannot be loaded (libLLVM-14 absent), the exception says why and how to fix it.
/// </summary>
public static class CompilerNativeLibrary
{
    /// <summary>The library name the generated bindings import.</summary>
    public const string LibraryName = "wamrc";

    /// <summary>The environment variable that overrides where libwamrc is loaded from.</summary>
    public const string EnvironmentVariable = "WAMRC_LIBRARY_PATH";

    /// <summary>The library's file name.</summary>
    public const string FileName = "libwamrc.so";

    private const string UnavailableFileName = "libwamrc.unavailable.txt";

    private static readonly object Gate = new();
    private static nint s_handle;
    private static string? s_loadedFrom;

    /// <summary>The file the library was loaded from, or null before it is loaded (or when the OS search found it).</summary>
    public static string? LoadedFrom => Volatile.Read(ref s_loadedFrom);

    /// <summary>Loads the library now (it is otherwise loaded on first use) and returns its handle.</summary>
    /// <exception cref="DllNotFoundException">It was not found or could not be loaded; the message says why.</exception>
    public static nint Load()
    {
        nint handle = Volatile.Read(ref s_handle);
        if (handle != 0)
        {
            return handle;
        }

        lock (Gate)
        {
            if (s_handle != 0)
            {
                return s_handle;
            }

            var tried = new List<string>();
            string? unavailable = null;
            foreach (string folder in Folders())
            {
                string candidate = Path.Combine(folder, FileName);
                string reason = Path.Combine(folder, UnavailableFileName);
                if (unavailable is null && File.Exists(reason))
                {
                    unavailable = File.ReadAllText(reason).Trim();
                }

                if (!File.Exists(candidate))
                {
                    tried.Add(candidate + " (no such file)");
                    continue;
                }

                try
                {
                    handle = NativeLibrary.Load(candidate);
                }
                catch (DllNotFoundException e)
                {
                    tried.Add(candidate + " (exists but could not be loaded: " + e.Message.Trim() + ")");
                    continue;
                }

                s_loadedFrom = candidate;
                Volatile.Write(ref s_handle, handle);
                return handle;
            }

            if (Environment.GetEnvironmentVariable(EnvironmentVariable) is not { Length: > 0 }
                && NativeLibrary.TryLoad(LibraryName, typeof(CompilerNativeLibrary).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.AssemblyDirectory, out handle))
            {
                Volatile.Write(ref s_handle, handle);
                return handle;
            }

            tried.Add($"'{LibraryName}' through the operating system's library search");
            throw new DllNotFoundException(Describe(tried, unavailable));
        }
    }

    // The resolver must be registered before any DllImport of this assembly is bound.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterResolver() =>
        NativeLibrary.SetDllImportResolver(typeof(CompilerNativeLibrary).Assembly, Resolve);

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == LibraryName ? Load() : 0;

    private static IEnumerable<string> Folders()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            string full = Path.GetFullPath(fromEnvironment);
            yield return Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full;
            yield break;
        }

        var roots = new List<string> { AppContext.BaseDirectory };
        string? assemblyDirectory = AssemblyDirectory();
        if (!string.IsNullOrEmpty(assemblyDirectory) && !roots.Contains(assemblyDirectory))
        {
            roots.Add(assemblyDirectory);
        }

        string arch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "arm64" : "x64";
        foreach (string root in roots)
        {
            yield return Path.Combine(root, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
            if (RuntimeInformation.RuntimeIdentifier != "linux-" + arch)
            {
                yield return Path.Combine(root, "runtimes", "linux-" + arch, "native");
            }

            yield return root;
        }
    }

    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty location (single-file apps) is skipped; AppContext.BaseDirectory is searched first.")]
    private static string? AssemblyDirectory() => Path.GetDirectoryName(typeof(CompilerNativeLibrary).Assembly.Location);

    private static string Describe(List<string> tried, string? unavailable)
    {
        var message = new StringBuilder("libwamrc (WAMR's AOT compiler) could not be loaded.");
        if (unavailable is not null)
        {
            message.Append(' ').Append(unavailable);
        }

        message.Append("\nTried:");
        foreach (string place in tried)
        {
            message.Append("\n  - ").Append(place);
        }

        message.Append("\nlibwamrc is built for linux-x64 and linux-arm64 where LLVM 14 is installed (Debian/Ubuntu: apt install llvm-14-dev), ")
            .Append("and needs libLLVM-14.so.1 at run time (apt install libllvm14). Or set ")
            .Append(EnvironmentVariable)
            .Append(" to the library file or its folder.");
        return message.ToString();
    }
}
