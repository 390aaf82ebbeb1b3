using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Tests.Interop.Procedural;

using static Wamr.Interop.WamrExt;

namespace Wamr.Tests.Interop.Extension;

/// <summary><c>wamr_ext_build_features</c>: the WAMR flags of the shipped libiwasm (native/wamr-flags.cmake), which the
/// precompiled-module loader checks AOT code against.</summary>
[TestClass]
public sealed class BuildFeaturesTests : ProceduralTest
{
    [TestMethod]
    public void TheShippedLibraryReportsWhatItWasBuiltWith()
    {
        uint features = wamr_ext_build_features();
        foreach (int bit in new[]
        {
            WAMR_EXT_FEATURE_INTERP, WAMR_EXT_FEATURE_AOT, WAMR_EXT_FEATURE_BULK_MEMORY, WAMR_EXT_FEATURE_REF_TYPES,
            WAMR_EXT_FEATURE_THREAD_MGR, WAMR_EXT_FEATURE_DUMP_CALL_STACK,
        })
        {
            Assert.AreNotEqual(0u, features & (uint)bit, $"feature bit {bit} is missing from {features}");
        }
    }

    [TestMethod]
    public void FeaturesTheLibraryWasBuiltWithoutAreClear()
    {
        uint features = wamr_ext_build_features();
        // No guard pages (WAMR_DISABLE_HW_BOUND_CHECK=1): AOT code must bounds-check in software.
        Assert.AreEqual(0u, features & WAMR_EXT_FEATURE_HW_BOUND_CHECK);
        Assert.AreEqual(0u, features & (WAMR_EXT_FEATURE_SIMD | WAMR_EXT_FEATURE_TAIL_CALL | WAMR_EXT_FEATURE_SHARED_MEMORY));
        Assert.AreEqual(0u, features & ~1023u, "bits beyond the defined ones");
    }
}
