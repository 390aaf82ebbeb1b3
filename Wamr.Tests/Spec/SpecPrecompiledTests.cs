using System.Collections.Generic;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Spec;

/// <summary>
/// The spec testsuite in the precompiled mode: every module compiled by Wamr.Compiler's AotCompiler, then loaded with
/// Module.FromPrecompiled, one child process per file. Each file must run to its end, and every command whose result
/// differs from the interpreted run must be a known, explained difference (<see cref="SpecModeDifference"/>). The
/// results page (<see cref="SpecTestsuiteTests.ResultsPageIsCurrent"/>) reports both modes.
/// </summary>
[TestClass]
public sealed class SpecPrecompiledTests
{
    /// <summary>The <c>.wast</c> files, for <c>[DynamicData]</c>.</summary>
    public static IEnumerable<object[]> Files => SpecSuite.FileRows;

    [TestMethod]
    [DynamicData(nameof(Files))]
    public void File(string wast)
    {
        IReadOnlyList<SpecOutcome> precompiled = SpecResults.PrecompiledFor(wast);
        SpecOutcome? crash = precompiled.FirstOrDefault(o => o.Category == SpecChildProcess.CrashCategory);
        Assert.IsNull(crash, $"{crash?.Location}: {crash?.Detail}");
        IReadOnlyList<SpecOutcome> interpreted = SpecResults.For(wast);
        Assert.AreEqual(interpreted.Count, precompiled.Count, $"{wast}: another number of commands ran");
        var unexplained = new List<string>();
        for (int i = 0; i < interpreted.Count; i++)
        {
            SpecOutcome a = interpreted[i], b = precompiled[i];
            Assert.AreEqual(a.Location, b.Location);
            if (a.Status != b.Status && SpecModeDifference.Explain(a, b) is null)
            {
                unexplained.Add($"{b.Location} {b.Command}: interpreted {a.Status} ({a.Detail}), precompiled {b.Status} ({b.Detail})");
            }
        }

        Assert.IsEmpty(unexplained, $"{wast}: differences between the modes that no SpecModeDifference explains:\n{string.Join("\n", unexplained)}");
    }

    [TestMethod]
    public void EveryKnownDifferenceOccurs()
    {
        IReadOnlyList<SpecOutcome> interpreted = SpecResults.All();
        IReadOnlyList<SpecOutcome> precompiled = SpecResults.AllPrecompiled();
        Assert.AreEqual(interpreted.Count, precompiled.Count);
        var seen = new HashSet<string>();
        for (int i = 0; i < interpreted.Count; i++)
        {
            if (interpreted[i].Status != precompiled[i].Status && SpecModeDifference.Explain(interpreted[i], precompiled[i]) is { } difference)
            {
                seen.Add(difference.Id);
            }
        }

        CollectionAssert.AreEquivalent(SpecModeDifference.All.Select(d => d.Id).ToArray(), seen.ToArray(), "a listed difference no longer occurs: remove it");
    }
}
