using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Samples;

/// <summary>
/// samples/Aot as a child process: its loop.wamraot was compiled at build time by the WamrAotCompile target (through
/// the wamr-aot tool), so this also tests the build-time path; the sample runs the loop interpreted and precompiled.
/// </summary>
[TestClass]
public sealed partial class AotSampleTests
{
    /// <summary>Precompiled at build time, and faster than the interpreter.</summary>
    [TestMethod]
    public void Aot()
    {
        SampleProcess run = SampleProcess.Run("Aot", TimeSpan.FromMinutes(3));
        Assert.AreEqual(0, run.ExitCode, run.Transcript);
        StringAssert.Contains(run.Output, "precompiled at build time", run.Transcript);
        string interpreted = run.Lines.Single(l => l.StartsWith("interpreted: sum = ", StringComparison.Ordinal));
        string precompiled = run.Lines.Single(l => l.StartsWith("precompiled: sum = ", StringComparison.Ordinal));
        Assert.AreEqual(Sum().Match(interpreted).Value, Sum().Match(precompiled).Value, run.Transcript);
        double speedUp = double.Parse(SpeedUp().Match(run.Output).Groups[1].Value, CultureInfo.InvariantCulture);
        // About 9x on a loaded 2-core machine, 20x on an idle one; 2x leaves room for a noisy neighbour.
        Assert.IsTrue(speedUp > 2, run.Transcript);
        Assert.AreEqual(string.Empty, run.Error, run.Transcript);
    }

    [GeneratedRegex("sum = -?[0-9]+")]
    private static partial Regex Sum();

    [GeneratedRegex(@"speed-up: ([0-9.]+)x")]
    private static partial Regex SpeedUp();
}
