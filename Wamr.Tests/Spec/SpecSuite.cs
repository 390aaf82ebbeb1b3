using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Wamr.Tests.Spec;

/// <summary>
/// Where the WebAssembly spec testsuite is: the <c>shared/spec</c> folder beside the repository (never copied into
/// it), found by walking up from the test binary until a directory has a <c>shared/spec</c> child.
/// </summary>
public static class SpecSuite
{
    private static readonly Lazy<string> DirectoryLazy = new(Find);

    /// <summary>The suite's folder (with <c>wast/</c> and <c>json/</c>).</summary>
    public static string Directory => DirectoryLazy.Value;

    /// <summary>The <c>.wast</c> file names (e.g. <c>address.wast</c>), in ordinal order.</summary>
    public static IReadOnlyList<string> Files =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, "wast"), "*.wast")
            .Select(Path.GetFileName)
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The test data for <c>[DynamicData]</c>: one row per <c>.wast</c> file.</summary>
    public static IEnumerable<object[]> FileRows => Files.Select(name => new object[] { name });

    /// <summary>The <c>wast2json</c> script of a <c>.wast</c> file.</summary>
    public static string JsonPath(string wastFile)
    {
        string name = Path.GetFileNameWithoutExtension(wastFile);
        return Path.Combine(Directory, "json", name, name + ".json");
    }

    private static string Find()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "spec");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "json")) && System.IO.Directory.Exists(Path.Combine(candidate, "wast")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"The spec testsuite (a shared/spec folder with wast/ and json/) was found in no parent of {AppContext.BaseDirectory}.");
    }
}
