using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace Wamr.Interop;

/// <summary>
/// Finds and loads libiwasm for the bindings of this assembly. In order: a path given to
/// <see cref="SetLibraryPath"/> before first use; the environment variable <c>WAMR_LIBRARY_PATH</c> (a file,
/// or a folder holding the library); the application's <c>runtimes/&lt;rid&gt;/native/</c> folders (as a NuGet
/// package or a project reference places it); then the operating system's own search.
/// </summary>
public static class WamrNativeLibrary
{
    /// <summary>The library name the generated bindings import.</summary>
    public const string LibraryName = "iwasm";

    /// <summary>The environment variable that overrides where libiwasm is loaded from.</summary>
    public const string EnvironmentVariable = "WAMR_LIBRARY_PATH";

    private static readonly object Gate = new();
    private static string? s_explicitPath;
    private static nint s_handle;
    private static string? s_loadedFrom;

    /// <summary>The file the library was loaded from, or null before it is loaded (or when the OS search found it).</summary>
    public static string? LoadedFrom => Volatile.Read(ref s_loadedFrom);

    /// <summary>Whether the library has been loaded.</summary>
    public static bool IsLoaded => Volatile.Read(ref s_handle) != 0;

    /// <summary>
    /// Loads libiwasm from <paramref name="path"/> (a file, or a folder holding it) instead of searching.
    /// Must be called before the first call into WAMR.
    /// </summary>
    /// <param name="path">The library file or its folder.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The library is already loaded from somewhere else.</exception>
    public static void SetLibraryPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        lock (Gate)
        {
            string full = Path.GetFullPath(path);
            if (s_handle != 0)
            {
                if (string.Equals(s_loadedFrom, full, StringComparison.Ordinal) || string.Equals(s_loadedFrom, Path.Combine(full, FileName), StringComparison.Ordinal))
                {
                    return;
                }

                throw new InvalidOperationException(
                    $"libiwasm is already loaded (from {s_loadedFrom ?? "the operating system's search path"}); " +
                    $"{nameof(SetLibraryPath)} must be called before the first call into WAMR.");
            }

            s_explicitPath = full;
        }
    }

    /// <summary>Loads the library now (it is otherwise loaded on first use) and returns its handle.</summary>
    /// <returns>The OS handle of the loaded library.</returns>
    /// <exception cref="DllNotFoundException">It was not found; the message lists every place tried and how to fix it.</exception>
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
            foreach (string candidate in Candidates())
            {
                if (!File.Exists(candidate))
                {
                    tried.Add(candidate + " (no such file)");
                    continue;
                }

                if (NativeLibrary.TryLoad(candidate, out handle))
                {
                    s_loadedFrom = candidate;
                    Volatile.Write(ref s_handle, handle);
                    return handle;
                }

                tried.Add(candidate + " (exists but could not be loaded: wrong architecture or missing dependencies?)");
            }

            if (s_explicitPath is null && Environment.GetEnvironmentVariable(EnvironmentVariable) is not { Length: > 0 }
                && NativeLibrary.TryLoad(LibraryName, typeof(WamrNativeLibrary).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.AssemblyDirectory, out handle))
            {
                Volatile.Write(ref s_handle, handle);
                return handle;
            }

            tried.Add($"'{LibraryName}' through the operating system's library search");
            throw new DllNotFoundException(Describe(tried));
        }
    }

    /// <summary>The platform's file name for libiwasm (<c>libiwasm.so</c>, <c>libiwasm.dylib</c>, <c>iwasm.dll</c>).</summary>
    public static string FileName =>
        OperatingSystem.IsWindows() ? "iwasm.dll" : OperatingSystem.IsMacOS() ? "libiwasm.dylib" : "libiwasm.so";

    // The resolver must be registered before any DllImport of this assembly is bound, which only a module
    // initializer guarantees; it changes nothing for other assemblies.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterResolver() =>
        NativeLibrary.SetDllImportResolver(typeof(WamrNativeLibrary).Assembly, Resolve);

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == LibraryName ? Load() : 0;

    private static IEnumerable<string> Candidates()
    {
        if (s_explicitPath is { } explicitPath)
        {
            yield return Directory.Exists(explicitPath) ? Path.Combine(explicitPath, FileName) : explicitPath;
            yield break;
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            string full = Path.GetFullPath(fromEnvironment);
            yield return Directory.Exists(full) ? Path.Combine(full, FileName) : full;
            yield break;
        }

        var roots = new List<string> { AppContext.BaseDirectory };
        string? assemblyDirectory = AssemblyDirectory();
        if (!string.IsNullOrEmpty(assemblyDirectory) && !roots.Contains(assemblyDirectory))
        {
            roots.Add(assemblyDirectory);
        }

        foreach (string root in roots)
        {
            foreach (string rid in RuntimeIdentifiers())
            {
                yield return Path.Combine(root, "runtimes", rid, "native", FileName);
            }

            yield return Path.Combine(root, FileName);
        }
    }

    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty location (single-file or NativeAOT apps) is skipped; AppContext.BaseDirectory is searched first.")]
    private static string? AssemblyDirectory() => Path.GetDirectoryName(typeof(WamrNativeLibrary).Assembly.Location);

    private static IEnumerable<string> RuntimeIdentifiers()
    {
        string arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "x86",
            Architecture.Arm => "arm",
            var other => other.ToString().ToLowerInvariant(),
        };
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        string exact = RuntimeInformation.RuntimeIdentifier;
        yield return exact;
        if (exact != $"{os}-{arch}")
        {
            yield return $"{os}-{arch}";
        }
    }

    private static string Describe(List<string> tried)
    {
        var message = new StringBuilder();
        message.Append("libiwasm (WAMR) was not found. Tried:");
        foreach (string place in tried)
        {
            message.Append("\n  - ").Append(place);
        }

        message.Append("\nTo fix: reference the Wamr.Runtime package (it carries runtimes/<rid>/native/")
            .Append(FileName)
            .Append(" for its supported platforms), or set ")
            .Append(EnvironmentVariable)
            .Append(" to the library file or its folder, or call WamrNativeLibrary.SetLibraryPath before the first call into WAMR.");
        return message.ToString();
    }
}
