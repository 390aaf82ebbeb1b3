using System;
using System.IO;

namespace Wamr.Tests.SourceGen;

/// <summary>Paths in the repository, found from the test binary's folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Wamr.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("Wamr.sln was not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The WAMR headers the native build publishes.</summary>
    public static string Header(string name) => Path.Combine(Root, "artifacts", "native", "include", name);

    /// <summary>The symbols the built libiwasm exports.</summary>
    public static string ExportsList => Path.Combine(Root, "artifacts", "native", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "libiwasm.exports.txt");
}
