using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop;

/// <summary>
/// The twelve <c>wasm_functype_new_P_R</c> helpers, translated from wasm_c_api.h (C arrays of valtypes become
/// <c>stackalloc</c>): the function type takes the valtypes as its parameters and results, in order. WAMR accepts null
/// valtypes and keeps them as null entries (checked in a forked C process: no crash, deleting is safe), so the helpers
/// do the same.
/// </summary>
[TestClass]
public sealed unsafe class FunctypeHelperTests : EngineTestBase
{
    private static void AssertKinds(wasm_functype_t* type, wasm_valkind_t[] parameters, wasm_valkind_t[] results)
    {
        Assert.IsTrue(type != null);
        wasm_valtype_vec_t* p = wasm_functype_params(type);
        wasm_valtype_vec_t* r = wasm_functype_results(type);
        CollectionAssert.AreEqual(parameters, Enumerable.Range(0, p->Length).Select(i => wasm_valtype_kind((*p)[i])).ToArray(), "parameters");
        CollectionAssert.AreEqual(results, Enumerable.Range(0, r->Length).Select(i => wasm_valtype_kind((*r)[i])).ToArray(), "results");
        wasm_functype_delete(type);
    }

    private static void AssertNullEntries(wasm_functype_t* type, int parameters, int results)
    {
        Assert.IsTrue(type != null);
        wasm_valtype_vec_t* p = wasm_functype_params(type);
        wasm_valtype_vec_t* r = wasm_functype_results(type);
        Assert.AreEqual(parameters, p->Length);
        Assert.AreEqual(results, r->Length);
        for (int i = 0; i < p->Length; i++)
        {
            Assert.IsTrue((*p)[i] == null);
        }

        for (int i = 0; i < r->Length; i++)
        {
            Assert.IsTrue((*r)[i] == null);
        }

        wasm_functype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_functype_new_0_0", CoverageKind.Positive)]
    public void FunctypeNew0_0() => AssertKinds(wasm_functype_new_0_0(), System.Array.Empty<wasm_valkind_t>(), System.Array.Empty<wasm_valkind_t>());

    [TestMethod]
    [Covers("wasm_functype_new_0_0", CoverageKind.Negative)]
    public void FunctypeNew0_0WithoutEngineIsNull()
    {
        DeleteEngineNow();
        Assert.IsTrue(wasm_functype_new_0_0() == null);
    }

    [TestMethod]
    [Covers("wasm_functype_new_1_0", CoverageKind.Positive)]
    public void FunctypeNew1_0() => AssertKinds(wasm_functype_new_1_0(wasm_valtype_new_i64()), new wasm_valkind_t[] { WASM_I64 }, System.Array.Empty<wasm_valkind_t>());

    [TestMethod]
    [Covers("wasm_functype_new_1_0", CoverageKind.Negative)]
    public void FunctypeNew1_0KeepsNullValtypes() => AssertNullEntries(wasm_functype_new_1_0(null), 1, 0);

    [TestMethod]
    [Covers("wasm_functype_new_2_0", CoverageKind.Positive)]
    public void FunctypeNew2_0() => AssertKinds(wasm_functype_new_2_0(wasm_valtype_new_f32(), wasm_valtype_new_f64()), new wasm_valkind_t[] { WASM_F32, WASM_F64 }, System.Array.Empty<wasm_valkind_t>());

    [TestMethod]
    [Covers("wasm_functype_new_2_0", CoverageKind.Negative)]
    public void FunctypeNew2_0KeepsNullValtypes() => AssertNullEntries(wasm_functype_new_2_0(null, null), 2, 0);

    [TestMethod]
    [Covers("wasm_functype_new_3_0", CoverageKind.Positive)]
    public void FunctypeNew3_0() => AssertKinds(wasm_functype_new_3_0(wasm_valtype_new_f64(), wasm_valtype_new_anyref(), wasm_valtype_new_funcref()), new wasm_valkind_t[] { WASM_F64, WASM_ANYREF, WASM_FUNCREF }, System.Array.Empty<wasm_valkind_t>());

    [TestMethod]
    [Covers("wasm_functype_new_3_0", CoverageKind.Negative)]
    public void FunctypeNew3_0KeepsNullValtypes() => AssertNullEntries(wasm_functype_new_3_0(null, null, null), 3, 0);

    [TestMethod]
    [Covers("wasm_functype_new_0_1", CoverageKind.Positive)]
    public void FunctypeNew0_1() => AssertKinds(wasm_functype_new_0_1(wasm_valtype_new_anyref()), System.Array.Empty<wasm_valkind_t>(), new wasm_valkind_t[] { WASM_ANYREF });

    [TestMethod]
    [Covers("wasm_functype_new_0_1", CoverageKind.Negative)]
    public void FunctypeNew0_1KeepsNullValtypes() => AssertNullEntries(wasm_functype_new_0_1(null), 0, 1);

    [TestMethod]
    [Covers("wasm_functype_new_1_1", CoverageKind.Positive)]
    public void FunctypeNew1_1() => AssertKinds(wasm_functype_new_1_1(wasm_valtype_new_funcref(), wasm_valtype_new_i32()), new wasm_valkind_t[] { WASM_FUNCREF }, new wasm_valkind_t[] { WASM_I32 });

    [TestMethod]
    [Covers("wasm_functype_new_1_1", CoverageKind.Negative)]
    public void FunctypeNew1_1KeepsNullValtypes() => AssertNullEntries(wasm_functype_new_1_1(null, null), 1, 1);

    [TestMethod]
    [Covers("wasm_functype_new_2_1", CoverageKind.Positive)]
    public void FunctypeNew2_1() => AssertKinds(wasm_functype_new_2_1(wasm_valtype_new_i32(), wasm_valtype_new_i64(), wasm_valtype_new_f64()), new wasm_valkind_t[] { WASM_I32, WASM_I64 }, new wasm_valkind_t[] { WASM_F64 });

    [TestMethod]
    [Covers("wasm_functype_new_2_1", CoverageKind.Negative)]
    public void FunctypeNew2_1KeepsNullValtypes() => AssertNullEntries(wasm_functype_new_2_1(null, null, null), 2, 1);

    [TestMethod]
    [Covers("wasm_functype_new_3_1", CoverageKind.Positive)]
    public void FunctypeNew3_1() => AssertKinds(wasm_functype_new_3_1(wasm_valtype_new_i64(), wasm_valtype_new_f32(), wasm_valtype_new_f64(), wasm_valtype_new_anyref()), new wasm_valkind_t[] { WASM_I64, WASM_F32, WASM_F64 }, new wasm_valkind_t[] { WASM_ANYREF });

    [TestMethod]
    [Covers("wasm_functype_new_3_1", CoverageKind.Negative)]
    public void FunctypeNew3_1KeepsNullValtypes() => AssertNullEntries(wasm_functype_new_3_1(null, null, null, null), 3, 1);

    [TestMethod]
    [Covers("wasm_functype_new_0_2", CoverageKind.Positive)]
    public void FunctypeNew0_2() => AssertKinds(wasm_functype_new_0_2(wasm_valtype_new_f32(), wasm_valtype_new_f64()), System.Array.Empty<wasm_valkind_t>(), new wasm_valkind_t[] { WASM_F32, WASM_F64 });

    [TestMethod]
    [Covers("wasm_functype_new_0_2", CoverageKind.Negative)]
    public void FunctypeNew0_2KeepsNullValtypes() => AssertNullEntries(wasm_functype_new_0_2(null, null), 0, 2);

    [TestMethod]
    [Covers("wasm_functype_new_1_2", CoverageKind.Positive)]
    public void FunctypeNew1_2() => AssertKinds(wasm_functype_new_1_2(wasm_valtype_new_f64(), wasm_valtype_new_anyref(), wasm_valtype_new_funcref()), new wasm_valkind_t[] { WASM_F64 }, new wasm_valkind_t[] { WASM_ANYREF, WASM_FUNCREF });

    [TestMethod]
    [Covers("wasm_functype_new_1_2", CoverageKind.Negative)]
    public void FunctypeNew1_2KeepsNullValtypes() => AssertNullEntries(wasm_functype_new_1_2(null, null, null), 1, 2);

    [TestMethod]
    [Covers("wasm_functype_new_2_2", CoverageKind.Positive)]
    public void FunctypeNew2_2() => AssertKinds(wasm_functype_new_2_2(wasm_valtype_new_anyref(), wasm_valtype_new_funcref(), wasm_valtype_new_i32(), wasm_valtype_new_i64()), new wasm_valkind_t[] { WASM_ANYREF, WASM_FUNCREF }, new wasm_valkind_t[] { WASM_I32, WASM_I64 });

    [TestMethod]
    [Covers("wasm_functype_new_2_2", CoverageKind.Negative)]
    public void FunctypeNew2_2KeepsNullValtypes() => AssertNullEntries(wasm_functype_new_2_2(null, null, null, null), 2, 2);

    [TestMethod]
    [Covers("wasm_functype_new_3_2", CoverageKind.Positive)]
    public void FunctypeNew3_2() => AssertKinds(wasm_functype_new_3_2(wasm_valtype_new_funcref(), wasm_valtype_new_i32(), wasm_valtype_new_i64(), wasm_valtype_new_f32(), wasm_valtype_new_f64()), new wasm_valkind_t[] { WASM_FUNCREF, WASM_I32, WASM_I64 }, new wasm_valkind_t[] { WASM_F32, WASM_F64 });

    [TestMethod]
    [Covers("wasm_functype_new_3_2", CoverageKind.Negative)]
    public void FunctypeNew3_2KeepsNullValtypes() => AssertNullEntries(wasm_functype_new_3_2(null, null, null, null, null), 3, 2);
}
