using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop;

/// <summary>
/// <c>wasm_valtype_new_i32</c> … <c>_funcref</c>, translated from wasm_c_api.h: each makes a valtype of its kind. They
/// take no arguments; what can go wrong is allocation, which fails (null, and a log line from WAMR) when no engine
/// exists — checked in a forked C process first. The engine is a refcounted process singleton, so the negative tests
/// rely on this assembly running its tests one at a time (it does not parallelize) with no engine left alive.
/// </summary>
[TestClass]
public sealed unsafe class ValtypeHelperTests : EngineTestBase
{
    private static void AssertMakes(Func<nint> make, wasm_valkind_t kind)
    {
        var t = (wasm_valtype_t*)make();
        Assert.IsTrue(t != null);
        Assert.AreEqual(kind, wasm_valtype_kind(t));
        var other = (wasm_valtype_t*)make();
        Assert.IsTrue(other != t, "each call makes a new valtype");
        wasm_valtype_delete(other);
        wasm_valtype_delete(t);
    }

    private void AssertNullWithoutEngine(Func<nint> make)
    {
        DeleteEngineNow();
        Assert.AreEqual(0, make());
    }

    [TestMethod]
    [Covers("wasm_valtype_new_i32", CoverageKind.Positive)]
    public void ValtypeNewI32() => AssertMakes(() => (nint)wasm_valtype_new_i32(), WASM_I32);

    [TestMethod]
    [Covers("wasm_valtype_new_i32", CoverageKind.Negative)]
    public void ValtypeNewI32WithoutEngineIsNull() => AssertNullWithoutEngine(() => (nint)wasm_valtype_new_i32());

    [TestMethod]
    [Covers("wasm_valtype_new_i64", CoverageKind.Positive)]
    public void ValtypeNewI64() => AssertMakes(() => (nint)wasm_valtype_new_i64(), WASM_I64);

    [TestMethod]
    [Covers("wasm_valtype_new_i64", CoverageKind.Negative)]
    public void ValtypeNewI64WithoutEngineIsNull() => AssertNullWithoutEngine(() => (nint)wasm_valtype_new_i64());

    [TestMethod]
    [Covers("wasm_valtype_new_f32", CoverageKind.Positive)]
    public void ValtypeNewF32() => AssertMakes(() => (nint)wasm_valtype_new_f32(), WASM_F32);

    [TestMethod]
    [Covers("wasm_valtype_new_f32", CoverageKind.Negative)]
    public void ValtypeNewF32WithoutEngineIsNull() => AssertNullWithoutEngine(() => (nint)wasm_valtype_new_f32());

    [TestMethod]
    [Covers("wasm_valtype_new_f64", CoverageKind.Positive)]
    public void ValtypeNewF64() => AssertMakes(() => (nint)wasm_valtype_new_f64(), WASM_F64);

    [TestMethod]
    [Covers("wasm_valtype_new_f64", CoverageKind.Negative)]
    public void ValtypeNewF64WithoutEngineIsNull() => AssertNullWithoutEngine(() => (nint)wasm_valtype_new_f64());

    [TestMethod]
    [Covers("wasm_valtype_new_anyref", CoverageKind.Positive)]
    public void ValtypeNewAnyref() => AssertMakes(() => (nint)wasm_valtype_new_anyref(), WASM_ANYREF);

    [TestMethod]
    [Covers("wasm_valtype_new_anyref", CoverageKind.Negative)]
    public void ValtypeNewAnyrefWithoutEngineIsNull() => AssertNullWithoutEngine(() => (nint)wasm_valtype_new_anyref());

    [TestMethod]
    [Covers("wasm_valtype_new_funcref", CoverageKind.Positive)]
    public void ValtypeNewFuncref() => AssertMakes(() => (nint)wasm_valtype_new_funcref(), WASM_FUNCREF);

    [TestMethod]
    [Covers("wasm_valtype_new_funcref", CoverageKind.Negative)]
    public void ValtypeNewFuncrefWithoutEngineIsNull() => AssertNullWithoutEngine(() => (nint)wasm_valtype_new_funcref());
}
