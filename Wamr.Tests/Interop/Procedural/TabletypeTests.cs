using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;
using Wamr.Tests.Interop.Safety;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary><c>wasm_tabletype_*</c>: table types, a reference element type (taken over) and limits (copied).</summary>
[TestClass]
public sealed unsafe class TabletypeTests : EngineTestBase
{
    private static wasm_tabletype_t* Make(wasm_valkind_t element, uint min, uint max)
    {
        wasm_limits_t limits = new() { min = min, max = max };
        wasm_tabletype_t* type = wasm_tabletype_new(wasm_valtype_new(element), &limits);
        Assert.IsTrue(type != null, "wasm_tabletype_new");
        return type;
    }

    [TestMethod]
    [Covers("wasm_tabletype_new", CoverageKind.Positive)]
    public void NewTakesOverTheElementTypeAndCopiesTheLimits()
    {
        wasm_valtype_t* element = wasm_valtype_new(WASM_FUNCREF);
        wasm_limits_t limits = new() { min = 2, max = 9 };
        wasm_tabletype_t* type = wasm_tabletype_new(element, &limits);
        Assert.IsTrue(type != null);
        Assert.IsTrue(wasm_tabletype_element(type) == element, "the table type owns the element type now");
        Assert.IsTrue(wasm_tabletype_limits(type) != &limits, "the limits are copied");
        limits.min = 100;
        Assert.AreEqual("2..9", TypeSignatures.Limits(wasm_tabletype_limits(type)));
        wasm_tabletype_delete(type);

        wasm_tabletype_t* anyref = Make(WASM_ANYREF, 0, wasm_limits_max_default);
        Assert.AreEqual(WASM_ANYREF, wasm_valtype_kind(wasm_tabletype_element(anyref)));
        wasm_tabletype_delete(anyref);
    }

    [TestMethod]
    [Covers("wasm_tabletype_new", CoverageKind.Negative)]
    public void NewRefusesNullAndNonReferenceElements()
    {
        wasm_limits_t limits = new() { min = 1, max = 2 };
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_tabletype_new", "arg0"));
        Assert.IsTrue(wasm_tabletype_new(null, &limits) == null);

        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_tabletype_new", "arg1"));
        wasm_valtype_t* funcref = wasm_valtype_new(WASM_FUNCREF);
        Assert.IsTrue(wasm_tabletype_new(funcref, null) == null);
        wasm_valtype_delete(funcref); // refused, so not taken over

        Assert.AreEqual("NULL", NullProbe.AssertOddIsSafe("wasm_tabletype_new", "element type i32"));
        wasm_valtype_t* i32 = wasm_valtype_new(WASM_I32);
        Assert.IsTrue(wasm_tabletype_new(i32, &limits) == null, "a table holds references only");
        wasm_valtype_delete(i32);

        // Limits are not validated: min above max is accepted as given.
        Assert.AreEqual("non-NULL", NullProbe.AssertOddIsSafe("wasm_tabletype_new", "limits min 10 > max 1"));
        wasm_tabletype_t* odd = Make(WASM_FUNCREF, 10, 1);
        Assert.AreEqual("10..1", TypeSignatures.Limits(wasm_tabletype_limits(odd)));
        wasm_tabletype_delete(odd);
    }

    [TestMethod]
    [Covers("wasm_tabletype_element", CoverageKind.Positive)]
    public void ElementIsTheReferenceType()
    {
        wasm_tabletype_t* type = Make(WASM_FUNCREF, 1, 1);
        Assert.AreEqual(WASM_FUNCREF, wasm_valtype_kind(wasm_tabletype_element(type)));
        Assert.IsTrue(wasm_tabletype_element(type) == wasm_tabletype_element(type), "owned by the type, the same every time");
        wasm_tabletype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_tabletype_element", CoverageKind.Negative)]
    public void ElementOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_tabletype_element", "arg0"));
        Assert.IsTrue(wasm_tabletype_element(null) == null);
    }

    [TestMethod]
    [Covers("wasm_tabletype_limits", CoverageKind.Positive)]
    public void LimitsAreTheOnesGiven()
    {
        wasm_tabletype_t* type = Make(WASM_ANYREF, 3, 70000);
        wasm_limits_t* limits = wasm_tabletype_limits(type);
        Assert.AreEqual(3u, limits->min);
        Assert.AreEqual(70000u, limits->max);
        wasm_tabletype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_tabletype_limits", CoverageKind.Negative)]
    public void LimitsOfNullAreNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_tabletype_limits", "arg0"));
        Assert.IsTrue(wasm_tabletype_limits(null) == null);
    }

    [TestMethod]
    [Covers("wasm_tabletype_copy", CoverageKind.Positive)]
    public void CopyIsDeep()
    {
        wasm_tabletype_t* original = Make(WASM_FUNCREF, 4, 8);
        wasm_tabletype_t* copy = wasm_tabletype_copy(original);
        Assert.IsTrue(copy != null && copy != original);
        Assert.IsTrue(wasm_tabletype_element(copy) != wasm_tabletype_element(original));
        wasm_tabletype_delete(original);
        Assert.AreEqual(WASM_FUNCREF, wasm_valtype_kind(wasm_tabletype_element(copy)));
        Assert.AreEqual("4..8", TypeSignatures.Limits(wasm_tabletype_limits(copy)));
        wasm_tabletype_delete(copy);
    }

    [TestMethod]
    [Covers("wasm_tabletype_copy", CoverageKind.Negative)]
    public void CopyOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_tabletype_copy", "arg0"));
        Assert.IsTrue(wasm_tabletype_copy(null) == null);
    }

    [TestMethod]
    [Covers("wasm_tabletype_delete", CoverageKind.Positive)]
    public void DeleteReleasesTheTypeAndItsElementType()
    {
        wasm_tabletype_t* type = Make(WASM_FUNCREF, 1, 2);
        NativeHeap.Watched self = NativeHeap.Watch(type, "tabletype");
        NativeHeap.Watched element = NativeHeap.Watch(wasm_tabletype_element(type), "its element type");
        wasm_tabletype_delete(type);
        self.AssertReleased();
        element.AssertReleased();
    }

    [TestMethod]
    [Covers("wasm_tabletype_delete", CoverageKind.Negative)]
    public void DeleteOfNullDoesNothing()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_tabletype_delete", "arg0"));
        wasm_tabletype_delete(null);
    }
}
