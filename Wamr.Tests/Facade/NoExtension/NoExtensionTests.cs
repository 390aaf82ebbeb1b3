using System.Collections.Generic;
using System.Linq;
using System.Reflection;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade.NoExtension;

/// <summary>Every scenario of <see cref="NoExtensionScenarios"/>, run against libiwasm without the engine extension.</summary>
[TestClass]
public sealed class NoExtensionTests
{
    /// <summary>The scenarios, for <c>[DynamicData]</c>.</summary>
    public static IEnumerable<object[]> Scenarios =>
        typeof(NoExtensionScenarios).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.GetParameters().Length == 0)
            .Select(m => new object[] { m.Name });

    [TestMethod]
    [DynamicData(nameof(Scenarios))]
    public void Scenario(string name) => NoExtensionRuntime.Run(name);

    [TestMethod]
    public void ThereAreScenariosAndTheLibraryLacksTheExtension()
    {
        Assert.IsTrue(Scenarios.Count() >= 4);
        string exports = System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, "native-noext", "libiwasm.exports.txt"));
        Assert.IsFalse(exports.Contains("wamr_ext_", System.StringComparison.Ordinal), "the noext library exports no extension function");
        StringAssert.Contains(exports, "wasm_func_call");
    }

    [TestMethod]
    public void AnUnknownScenarioIsAnArgumentException()
    {
        Assert.ThrowsExactly<System.ArgumentException>(() => NoExtensionRuntime.Run("NoSuchScenario"));
    }
}
