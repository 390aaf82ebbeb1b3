using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Tests.SourceGen.CrossCheck;

namespace Wamr.Tests.Spec;

/// <summary>
/// Proves each <see cref="SpecFailureCategory"/> in C: compiles <c>repros/repros.c</c> against the libiwasm of
/// <c>artifacts/native</c>, runs its cases (each in a fork()ed child) and checks that WAMR itself behaves as the category
/// says — so an expected failure of the spec run is WAMR's, not the binding's.
/// </summary>
[TestClass]
public sealed class SpecReproTests
{
    private static readonly Lazy<string> Program = new(Compile);
    private static readonly Lazy<IReadOnlyList<string>> Cases = new(() => RunProgram("cases", SourceDirectory));

    [ClassCleanup]
    public static void DeleteProgram()
    {
        if (Program.IsValueCreated)
        {
            CrossCheckEnvironment.DeleteQuietly(Path.GetDirectoryName(Program.Value)!);
        }
    }

    private static string SourceDirectory => Path.Combine(CrossCheckEnvironment.RepoRoot, "Wamr.Tests", "Spec", "repros");

    [TestMethod]
    public void RefCall_AFuncrefCrossingWasmFuncCallCrashesAndExternrefsArePassedWrongly()
    {
        AssertLine("funcref-result: killed by signal");
        AssertLine("funcref-param: killed by signal");
        AssertLine("externref-null: returned 0");  // ref.is_null of a NULL externref: the specification says 1
        AssertNoLine("externref-shift (second argument 42): returned 42");
        AssertLine("externref-shift (second argument 42): returned");
    }

    [TestMethod]
    public void MemoryTableImport_MemoryAndTableImportsAreRefused()
    {
        AssertLine("memory-import (exported by another instance): refused");
        AssertLine("memory-import (host-made): refused");
        AssertLine("table-import (exported by another instance): refused");
        AssertLine("table-import (host-made): refused");
    }

    [TestMethod]
    public void RefGlobalImport_AReferenceGlobalImportIsRefused() => AssertLine("ref-global-import: refused");

    [TestMethod]
    public void GlobalImportCopy_AnImportedGlobalDoesNotSeeTheExportersWrites()
    {
        AssertLine("global-import-copy: the exporter set its global (1) to 2");
        AssertLine("global-import-copy: the importer's global.get: returned 1");
    }

    [TestMethod]
    public void StartImport_AStartFunctionCallingAHostImportCrashes()
    {
        AssertLine("start-import: killed by signal");
        AssertNoLine("start-import: the host function ran");
    }

    [TestMethod]
    public void SnanRounding_RoundingReturnsASignallingNanUnchanged()
    {
        foreach (string op in new[] { "floor", "ceil", "trunc", "nearest" })
        {
            AssertLine($"snan-rounding f32.{op}(0x7fa00000) = 0x7fa00000");
            AssertLine($"snan-rounding f64.{op}(0x7ff4000000000000) = 0x7ff4000000000000");
        }
    }

    [TestMethod]
    public void TableInitBounds_OutOfBoundsTableInitDoesNotTrap()
    {
        AssertLine("table-init-bounds zero_past_end: returned");
        AssertLine("table-init-bounds declared: returned");
    }

    [TestMethod]
    public void ExportNameNul_AnExportNameIsCutAtANul() => AssertLine("export-name-nul: the 4-byte name \"a\\0bc\" is 1 byte(s)");

    [TestMethod]
    public void ValidatorAccepts_EveryInvalidModuleListedIsValidForWamr()
    {
        IReadOnlyList<string> files = ListedModules("validator-accepts");
        Assert.HasCount(16, files);
        IReadOnlyList<string> lines = RunProgram(["validate", .. files]);
        foreach (string file in files)
        {
            CollectionAssert.Contains(lines.ToList(), $"validate {file}: valid", $"wasm_module_validate rejects {file}, which the expected failures say WAMR accepts");
        }
    }

    [TestMethod]
    public void LoaderRejectsValid_EveryValidModuleListedIsInvalidForWamr()
    {
        IReadOnlyList<string> files = ListedModules("loader-rejects-valid");
        Assert.HasCount(2, files);
        IReadOnlyList<string> lines = RunProgram(["validate", .. files]);
        foreach (string file in files)
        {
            CollectionAssert.Contains(lines.ToList(), $"validate {file}: invalid", $"wasm_module_validate accepts {file}, which the expected failures say WAMR rejects");
        }
    }

    /// <summary>Not a spec category: what the façade's host functions rely on. An externref crosses a host function
    /// through WAMR's externref map (the host pointer both ways, ref.null as NULL), but a NULL result is not ref.null
    /// ((void *)-1 is); a funcref cannot cross at all (traps, no crash).</summary>
    [TestMethod]
    public void HostFunctionReferences_AnExternrefCrossesAHostFunctionAndAFuncrefTraps()
    {
        AssertLine("host-externref make_echo_is_null: returned 0");
        AssertLine("host-externref: echo received the pointer make returned (kind 128)");
        AssertLine("host-externref-null: echo received NULL");
        AssertLine("host-externref-null null_echo_is_null: returned 0"); // the NULL it echoed is not ref.null
        AssertLine("host-externref-null make_is_null (NULL): returned 0");
        AssertLine("host-externref-null make_is_null ((void *)-1): returned 1");
        AssertLine("host-funcref param: trap Exception: unsupported param type");
        AssertLine("host-funcref null param: trap Exception: unsupported param type");
        AssertLine("host-funcref: the host function ran 0 time(s) for the parameters");
        AssertLine("host-funcref result: trap Exception: unsupported result type");
        AssertLine("host-funcref: the host function ran 1 time(s) for the result");
    }

    [TestMethod]
    public void EveryCategoryIsProvenHere()
    {
        IEnumerable<string> tested = typeof(SpecReproTests).GetMethods()
            .Where(m => m.GetCustomAttributes(typeof(TestMethodAttribute), false).Length > 0)
            .Select(m => m.Name.Split('_')[0]);
        foreach (SpecFailureCategory category in SpecFailureCategory.All)
        {
            string name = string.Concat(category.Id.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
            Assert.Contains(name, tested, $"no repro test for {category.Id}");
        }
    }

    /// <summary>The suite's <c>.wasm</c> files of the listed failures of <paramref name="category"/> that name one.</summary>
    private static IReadOnlyList<string> ListedModules(string category)
    {
        var files = new List<string>();
        foreach (IGrouping<string, ExpectedFailure> byFile in ExpectedFailures.Load().Values.Where(e => e.Category == category)
                     .GroupBy(e => e.Location[..e.Location.LastIndexOf(':')]))
        {
            string json = SpecSuite.JsonPath(byFile.Key);
            using JsonDocument script = JsonDocument.Parse(File.ReadAllBytes(json));
            var lines = byFile.Select(e => int.Parse(e.Location[(e.Location.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            foreach (JsonElement command in script.RootElement.GetProperty("commands").EnumerateArray())
            {
                if (lines.Contains(command.GetProperty("line").GetInt32()) && command.TryGetProperty("filename", out JsonElement name))
                {
                    files.Add(Path.Combine(Path.GetDirectoryName(json)!, name.GetString()!));
                }
            }
        }

        return files;
    }

    private static void AssertLine(string prefix) =>
        Assert.IsTrue(Cases.Value.Any(l => l.StartsWith(prefix, StringComparison.Ordinal)),
            $"repros.c printed no line starting '{prefix}'; it printed:\n{string.Join("\n", Cases.Value)}");

    private static void AssertNoLine(string prefix) =>
        Assert.IsFalse(Cases.Value.Any(l => l.StartsWith(prefix, StringComparison.Ordinal)),
            $"repros.c printed '{prefix}…': WAMR no longer behaves as the category says");

    private static string Compile()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("The repros use fork(); run them on Linux or macOS.");
        }

        string libraryDirectory = Path.Combine(CrossCheckEnvironment.RepoRoot, "artifacts", "native", RuntimeInformation.RuntimeIdentifier);
        string temp = CrossCheckEnvironment.CreateTempDirectory();
        string output = Path.Combine(temp, "repros");
        string[] arguments =
        [
            "-std=gnu11", "-O0", "-Wall", "-Werror", "-I", CrossCheckEnvironment.IncludeDirectory, "-o", output, Path.Combine(SourceDirectory, "repros.c"),
            "-L", libraryDirectory, "-liwasm", "-Wl,-rpath," + libraryDirectory,
        ];
        (int exit, _, string stderr) = CrossCheckEnvironment.Run(CrossCheckEnvironment.CCompiler, arguments, temp);
        if (exit != 0)
        {
            throw new InvalidOperationException(CrossCheckEnvironment.Describe(CrossCheckEnvironment.CCompiler, arguments, exit, stderr));
        }

        return output;
    }

    private static IReadOnlyList<string> RunProgram(params string[] arguments)
    {
        (int exit, byte[] stdout, string stderr) = CrossCheckEnvironment.Run(Program.Value, arguments, Path.GetDirectoryName(Program.Value)!);
        if (exit != 0)
        {
            throw new InvalidOperationException(CrossCheckEnvironment.Describe(Program.Value, arguments, exit, stderr));
        }

        return Encoding.UTF8.GetString(stdout).Split('\n')
            .Where(l => l.StartsWith("REPRO ", StringComparison.Ordinal))
            .Select(l => l["REPRO ".Length..].TrimEnd('\r'))
            .ToList();
    }
}
