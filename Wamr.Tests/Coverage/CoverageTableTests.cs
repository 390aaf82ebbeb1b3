using System.IO;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Coverage;

/// <summary>
/// The coverage table in docs/coverage.md: every function and helper of wasm_c_api.h has a positive and a negative
/// test, the marks are valid, and the committed page is current. <c>WAMR_UPDATE_COVERAGE=1</c> rewrites the page.
/// </summary>
[TestClass]
public sealed class CoverageTableTests
{
    [TestMethod]
    public void TableListsEveryFunctionOfTheHeader()
    {
        var functions = CoverageTable.Functions();
        Assert.IsGreaterThan(300, functions.Count);
        Assert.AreEqual(functions.Count, functions.Select(f => f.Name).Distinct().Count(), "a function is listed twice");
        foreach (string name in new[] { "wasm_func_call", "wasm_trap_copy", "wasm_valtype_new_i32", "WASM_I32_VAL", "WASM_EMPTY_VEC", "wasm_name_new" })
        {
            Assert.IsTrue(functions.Any(f => f.Name == name), name);
        }

        Assert.IsFalse(functions.Any(f => f.Name.StartsWith("WASM_DECLARE_", System.StringComparison.Ordinal) || f.Name == "assertions"));
    }

    [TestMethod]
    public void EveryMarkIsOnATestAndNamesAFunction()
    {
        var problems = CoverageTable.InvalidMarks(typeof(CoverageTableTests).Assembly, CoverageTable.Functions().Select(f => f.Name).ToList());
        Assert.IsEmpty(problems, string.Join("\n", problems));
    }

    [TestMethod]
    public void PageIsCurrent()
    {
        string expected = CoverageTable.Markdown(CoverageTable.Rows(typeof(CoverageTableTests).Assembly));
        if (System.Environment.GetEnvironmentVariable(CoverageTable.UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CoverageTable.PagePath)!);
            File.WriteAllText(CoverageTable.PagePath, expected);
        }

        string actual = File.Exists(CoverageTable.PagePath) ? File.ReadAllText(CoverageTable.PagePath) : string.Empty;
        Assert.AreEqual(expected, actual, $"docs/coverage.md is stale: rerun with {CoverageTable.UpdateVariable}=1 dotnet test Wamr.Tests --filter FullyQualifiedName~CoverageTable");
    }

    [TestMethod]
    public void EveryFunctionHasAPositiveAndANegativeTest()
    {
        var missing = CoverageTable.Rows(typeof(CoverageTableTests).Assembly)
            .Where(r => !r.IsCovered)
            .Select(r => $"{r.Name} ({r.Kind}): {(r.Positive.Count == 0 ? "no positive test" : string.Empty)}{(r.Positive.Count == 0 && r.Negative.Count == 0 ? ", " : string.Empty)}{(r.Negative.Count == 0 ? "no negative test" : string.Empty)}")
            .ToList();
        Assert.IsEmpty(missing, $"{missing.Count} function(s) of wasm_c_api.h lack a test:\n" + string.Join("\n", missing));
    }
}
