using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Spec;

/// <summary>
/// The WebAssembly spec testsuite through the façade: one test per <c>.wast</c> file, failing on a failure not listed
/// in <c>expected-failures.txt</c> or a listed one that passes; and the results page.
/// </summary>
[TestClass]
public sealed class SpecTestsuiteTests
{
    private const string UpdateVariable = "WAMR_UPDATE_SPEC";

    /// <summary>The <c>.wast</c> files, for <c>[DynamicData]</c>.</summary>
    public static IEnumerable<object[]> Files => SpecSuite.FileRows;

    [TestMethod]
    [DynamicData(nameof(Files))]
    public void File(string wast)
    {
        IReadOnlyList<SpecOutcome> outcomes = SpecResults.For(wast);
        Assert.IsNotEmpty(outcomes, $"{wast} ran no commands");
        IReadOnlyList<string> problems = ExpectedFailures.Problems(wast, outcomes, ExpectedFailures.Load());
        Assert.IsEmpty(problems, $"{wast}:\n{string.Join("\n", problems)}");
    }

    [TestMethod]
    public void TheSuiteHasTheNinetyCoreFilesAndEveryCommand()
    {
        Assert.HasCount(90, SpecSuite.Files);
        Assert.AreEqual(27_923, SpecResults.All().Count);
    }

    [TestMethod]
    public void ResultsPageIsCurrent()
    {
        IReadOnlyList<SpecOutcome> outcomes = SpecResults.All();
        string? update = Environment.GetEnvironmentVariable(UpdateVariable);
        if (update == "failures")
        {
            System.IO.File.WriteAllText(ExpectedFailures.FilePath, ExpectedFailures.Render(outcomes, ExpectedFailures.Load()));
        }

        string page = SpecResultsPage.Render(outcomes, SpecResults.AllPrecompiled());
        if (!string.IsNullOrEmpty(update))
        {
            System.IO.File.WriteAllText(SpecResultsPage.PagePath, page);
        }

        Assert.IsTrue(System.IO.File.Exists(SpecResultsPage.PagePath), $"{SpecResultsPage.PagePath} is missing: run with {UpdateVariable}=1.");
        Assert.AreEqual(page, System.IO.File.ReadAllText(SpecResultsPage.PagePath).ReplaceLineEndings("\n"),
            $"docs/spec-results.md is stale: run `{UpdateVariable}=1 dotnet test Wamr.Tests --filter FullyQualifiedName~Spec`.");
    }

    [TestMethod]
    public void AtLeastNinetyNinePercentOfApplicableAssertionsPass()
    {
        List<SpecOutcome> assertions = SpecResults.All().Where(SpecResultsPage.IsAssertion).Where(o => o.Status != SpecStatus.NotApplicable).ToList();
        int passed = assertions.Count(o => o.Status == SpecStatus.Passed);
        Assert.IsGreaterThanOrEqualTo(0.99, (double)passed / assertions.Count, $"{passed} of {assertions.Count} applicable assertions pass");
    }

    [TestMethod]
    public void EveryListedFailureNamesAProvenCauseAndAnExistingFile()
    {
        foreach (ExpectedFailure entry in ExpectedFailures.Load().Values)
        {
            Assert.IsNotNull(SpecFailureCategory.Find(entry.Category), $"{entry.Location}: '{entry.Category}' is not a proven limitation");
            string file = entry.Location[..entry.Location.LastIndexOf(':')];
            Assert.Contains(file, SpecSuite.Files, $"{entry.Location}: no such .wast file");
        }
    }
}
