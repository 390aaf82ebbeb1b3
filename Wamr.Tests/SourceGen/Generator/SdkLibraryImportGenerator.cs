using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Wamr.Tests.SourceGen.Generator;

/// <summary>
/// Loads the SDK's own <c>LibraryImportGenerator</c> (from the targeting pack of the running .NET) the way the
/// compiler does: in its own load context, its sibling assemblies resolved from its folder, Roslyn shared.
/// </summary>
internal static class SdkLibraryImportGenerator
{
    private const string FileName = "Microsoft.Interop.LibraryImportGenerator.dll";

    private static readonly Lazy<ImmutableArray<ISourceGenerator>> LazyGenerators = new(Load);

    /// <summary>The generators in the SDK's LibraryImportGenerator assembly.</summary>
    public static ImmutableArray<ISourceGenerator> Generators => LazyGenerators.Value;

    /// <summary>Where the generator assembly was found.</summary>
    public static string Path { get; } = Locate();

    private static ImmutableArray<ISourceGenerator> Load()
    {
        var reference = new AnalyzerFileReference(Path, new IsolatingLoader(System.IO.Path.GetDirectoryName(Path)!));
        string? failure = null;
        reference.AnalyzerLoadFailed += (_, e) => failure = $"{e.ErrorCode}: {e.Message} {e.Exception}";
        ImmutableArray<ISourceGenerator> generators = reference.GetGenerators(LanguageNames.CSharp);
        if (generators.IsEmpty)
        {
            throw new InvalidOperationException($"No generator could be loaded from {Path}. {failure}");
        }

        return generators;
    }

    private static string Locate()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/ → <dotnet root>/packs/Microsoft.NETCore.App.Ref/<version>/analyzers/dotnet/cs/
        string runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        string root = System.IO.Path.GetFullPath(System.IO.Path.Combine(runtimeDirectory, "..", "..", ".."));
        string packs = System.IO.Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        string? found = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Where(d => Version.TryParse(System.IO.Path.GetFileName(d).Split('-')[0], out Version? v) && v.Major == Environment.Version.Major)
                .OrderByDescending(d => Version.Parse(System.IO.Path.GetFileName(d).Split('-')[0]))
                .Select(d => System.IO.Path.Combine(d, "analyzers", "dotnet", "cs", FileName))
                .FirstOrDefault(File.Exists)
            : null;
        return found ?? throw new FileNotFoundException(
            $"The SDK's {FileName} for .NET {Environment.Version.Major} was not found under {packs}.");
    }

    private sealed class IsolatingLoader(string directory) : IAnalyzerAssemblyLoader
    {
        private readonly AnalyzerContext _context = new(directory);

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => _context.LoadFromAssemblyPath(fullPath);
    }

    private sealed class AnalyzerContext(string directory) : AssemblyLoadContext("sdk-interop-generators")
    {
        // Siblings (Microsoft.Interop.SourceGeneration) come from the analyzer folder; Roslyn and the framework from
        // the default context, so that the generator's types are the ones this test's driver knows.
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string candidate = System.IO.Path.Combine(directory, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
