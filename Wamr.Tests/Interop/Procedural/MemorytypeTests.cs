using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;
using Wamr.Tests.Interop.Safety;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary><c>wasm_memorytype_*</c>: memory types, limits in 64 KiB pages (copied, not validated).</summary>
[TestClass]
public sealed unsafe class MemorytypeTests : EngineTestBase
{
    [TestMethod]
    [Covers("wasm_memorytype_new", CoverageKind.Positive)]
    public void NewCopiesTheLimits()
    {
        wasm_limits_t limits = new() { min = 1, max = 16 };
        wasm_memorytype_t* type = wasm_memorytype_new(&limits);
        Assert.IsTrue(type != null);
        Assert.IsTrue(wasm_memorytype_limits(type) != &limits);
        limits.max = 0;
        Assert.AreEqual("1..16", TypeSignatures.Limits(wasm_memorytype_limits(type)));
        wasm_memorytype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_memorytype_new", CoverageKind.Negative)]
    public void NewRefusesNullAndDoesNotValidateLimits()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_memorytype_new", "arg0"));
        Assert.IsTrue(wasm_memorytype_new(null) == null);

        // Neither min above max nor more than 65536 pages (4 GiB) is refused here (instantiation would be the check).
        Assert.AreEqual("limits=10..1", NullProbe.AssertOddIsSafe("wasm_memorytype_new", "limits min 10 > max 1"));
        NullProbe.AssertOddIsSafe("wasm_memorytype_new", "limits 70000..0xffffffff pages");
        wasm_memorytype_t* inverted = TypeSignatures.Memorytype(10, 1);
        wasm_memorytype_t* huge = TypeSignatures.Memorytype(70000, uint.MaxValue);
        Assert.AreEqual("10..1", TypeSignatures.Limits(wasm_memorytype_limits(inverted)));
        Assert.AreEqual($"70000..{uint.MaxValue}", TypeSignatures.Limits(wasm_memorytype_limits(huge)));
        wasm_memorytype_delete(inverted);
        wasm_memorytype_delete(huge);
    }

    [TestMethod]
    [Covers("wasm_memorytype_limits", CoverageKind.Positive)]
    public void LimitsAreTheOnesGiven()
    {
        wasm_memorytype_t* type = TypeSignatures.Memorytype(0, wasm_limits_max_default);
        wasm_limits_t* limits = wasm_memorytype_limits(type);
        Assert.AreEqual(0u, limits->min);
        Assert.AreEqual(wasm_limits_max_default, limits->max);
        Assert.IsTrue(limits == wasm_memorytype_limits(type), "owned by the type, the same every time");
        wasm_memorytype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_memorytype_limits", CoverageKind.Negative)]
    public void LimitsOfNullAreNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_memorytype_limits", "arg0"));
        Assert.IsTrue(wasm_memorytype_limits(null) == null);
    }

    [TestMethod]
    [Covers("wasm_memorytype_copy", CoverageKind.Positive)]
    public void CopyIsIndependent()
    {
        wasm_memorytype_t* original = TypeSignatures.Memorytype(2, 3);
        wasm_memorytype_t* copy = wasm_memorytype_copy(original);
        Assert.IsTrue(copy != null && copy != original);
        Assert.IsTrue(wasm_memorytype_limits(copy) != wasm_memorytype_limits(original));
        wasm_memorytype_delete(original);
        Assert.AreEqual("2..3", TypeSignatures.Limits(wasm_memorytype_limits(copy)));
        wasm_memorytype_delete(copy);
    }

    [TestMethod]
    [Covers("wasm_memorytype_copy", CoverageKind.Negative)]
    public void CopyOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_memorytype_copy", "arg0"));
        Assert.IsTrue(wasm_memorytype_copy(null) == null);
    }

    [TestMethod]
    [Covers("wasm_memorytype_delete", CoverageKind.Positive)]
    public void DeleteReleasesTheType()
    {
        wasm_memorytype_t* type = TypeSignatures.Memorytype(1, 1);
        NativeHeap.Watched watched = NativeHeap.Watch(type, "memorytype");
        wasm_memorytype_delete(type);
        watched.AssertReleased();
    }

    [TestMethod]
    [Covers("wasm_memorytype_delete", CoverageKind.Negative)]
    public void DeleteOfNullDoesNothing()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_memorytype_delete", "arg0"));
        wasm_memorytype_delete(null);
    }
}
