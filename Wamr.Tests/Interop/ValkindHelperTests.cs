using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop;

/// <summary>
/// <c>wasm_valkind_is_num</c>/<c>_ref</c> and <c>wasm_valtype_is_num</c>/<c>_ref</c>, translated from wasm_c_api.h.
/// Kinds outside the enum are compared as C compares them (<c>k &lt; WASM_ANYREF</c>); WAMR's
/// <c>wasm_valtype_kind(NULL)</c> answers <c>WASM_ANYREF</c> (checked in a forked C process), so a null valtype is a reference.
/// </summary>
[TestClass]
public sealed unsafe class ValkindHelperTests : EngineTestBase
{
    private static readonly wasm_valkind_t[] Numbers = { WASM_I32, WASM_I64, WASM_F32, WASM_F64 };
    private static readonly wasm_valkind_t[] References = { WASM_ANYREF, WASM_FUNCREF };

    [TestMethod]
    [Covers("wasm_valkind_is_num", CoverageKind.Positive)]
    public void ValkindIsNumHoldsForTheFourNumberKinds()
    {
        foreach (wasm_valkind_t k in Numbers)
        {
            Assert.IsTrue(wasm_valkind_is_num(k), k.ToString());
        }

        foreach (wasm_valkind_t k in References)
        {
            Assert.IsFalse(wasm_valkind_is_num(k), k.ToString());
        }
    }

    [TestMethod]
    [Covers("wasm_valkind_is_num", CoverageKind.Negative)]
    public void ValkindIsNumComparesOutOfRangeKindsAsC()
    {
        Assert.IsTrue(wasm_valkind_is_num((wasm_valkind_t)4));
        Assert.IsTrue(wasm_valkind_is_num((wasm_valkind_t)127));
        Assert.IsFalse(wasm_valkind_is_num((wasm_valkind_t)200));
        Assert.IsFalse(wasm_valkind_is_num((wasm_valkind_t)255));
    }

    [TestMethod]
    [Covers("wasm_valkind_is_ref", CoverageKind.Positive)]
    public void ValkindIsRefHoldsForTheReferenceKinds()
    {
        foreach (wasm_valkind_t k in References)
        {
            Assert.IsTrue(wasm_valkind_is_ref(k), k.ToString());
        }

        foreach (wasm_valkind_t k in Numbers)
        {
            Assert.IsFalse(wasm_valkind_is_ref(k), k.ToString());
        }
    }

    [TestMethod]
    [Covers("wasm_valkind_is_ref", CoverageKind.Negative)]
    public void ValkindIsRefComparesOutOfRangeKindsAsC()
    {
        Assert.IsFalse(wasm_valkind_is_ref((wasm_valkind_t)127));
        Assert.IsTrue(wasm_valkind_is_ref((wasm_valkind_t)200));
        Assert.IsTrue(wasm_valkind_is_ref((wasm_valkind_t)255));
    }

    [TestMethod]
    [Covers("wasm_valtype_is_num", CoverageKind.Positive)]
    public void ValtypeIsNumAsksWamrForTheKind()
    {
        foreach (wasm_valkind_t k in Numbers)
        {
            wasm_valtype_t* t = wasm_valtype_new(k);
            Assert.IsTrue(wasm_valtype_is_num(t), k.ToString());
            wasm_valtype_delete(t);
        }

        wasm_valtype_t* r = wasm_valtype_new(WASM_FUNCREF);
        Assert.IsFalse(wasm_valtype_is_num(r));
        wasm_valtype_delete(r);
    }

    [TestMethod]
    [Covers("wasm_valtype_is_num", CoverageKind.Negative)]
    public void ValtypeIsNumOfNullIsFalse()
    {
        Assert.AreEqual(WASM_ANYREF, wasm_valtype_kind(null));
        Assert.IsFalse(wasm_valtype_is_num(null));
    }

    [TestMethod]
    [Covers("wasm_valtype_is_ref", CoverageKind.Positive)]
    public void ValtypeIsRefAsksWamrForTheKind()
    {
        foreach (wasm_valkind_t k in References)
        {
            wasm_valtype_t* t = wasm_valtype_new(k);
            Assert.IsTrue(wasm_valtype_is_ref(t), k.ToString());
            wasm_valtype_delete(t);
        }

        wasm_valtype_t* n = wasm_valtype_new(WASM_F32);
        Assert.IsFalse(wasm_valtype_is_ref(n));
        wasm_valtype_delete(n);
    }

    [TestMethod]
    [Covers("wasm_valtype_is_ref", CoverageKind.Negative)]
    public void ValtypeIsRefOfNullIsTrueAsWamrAnswersAnyref()
    {
        Assert.IsTrue(wasm_valtype_is_ref(null));
    }
}
