using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;
using Wamr.Tests.Interop.Safety;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary><c>wasm_valtype_*</c>: value types (i32, i64, f32, f64, anyref, funcref).</summary>
[TestClass]
public sealed unsafe class ValtypeTests : EngineTestBase
{
    private static readonly wasm_valkind_t[] AllKinds = [WASM_I32, WASM_I64, WASM_F32, WASM_F64, WASM_ANYREF, WASM_FUNCREF];

    [TestMethod]
    [Covers("wasm_valtype_new", CoverageKind.Positive)]
    public void NewMakesEveryKind()
    {
        foreach (wasm_valkind_t kind in AllKinds)
        {
            wasm_valtype_t* type = wasm_valtype_new(kind);
            Assert.IsTrue(type != null, kind.ToString());
            Assert.AreEqual(kind, wasm_valtype_kind(type));
            wasm_valtype_delete(type);
        }
    }

    [TestMethod]
    [Covers("wasm_valtype_new", CoverageKind.Negative)]
    public void NewRefusesAnUnknownKind()
    {
        Assert.AreEqual("NULL", NullProbe.AssertOddIsSafe("wasm_valtype_new", "kind 99"));
        Assert.IsTrue(wasm_valtype_new((wasm_valkind_t)99) == null);
    }

    [TestMethod]
    [Covers("wasm_valtype_kind", CoverageKind.Positive)]
    public void KindIsTheKindGiven()
    {
        wasm_valtype_t* f32 = wasm_valtype_new(WASM_F32);
        wasm_valtype_t* funcref = wasm_valtype_new(WASM_FUNCREF);
        Assert.AreEqual(WASM_F32, wasm_valtype_kind(f32));
        Assert.AreEqual(WASM_FUNCREF, wasm_valtype_kind(funcref));
        wasm_valtype_delete(f32);
        wasm_valtype_delete(funcref);
    }

    [TestMethod]
    [Covers("wasm_valtype_kind", CoverageKind.Negative)]
    public void KindOfNullIsAnyref()
    {
        // WAMR answers WASM_ANYREF (128) for NULL rather than failing: callers cannot tell NULL from anyref by kind.
        Assert.AreEqual("128", NullProbe.AssertNullIsSafe("wasm_valtype_kind", "arg0"));
        Assert.AreEqual(WASM_ANYREF, wasm_valtype_kind(null));
    }

    [TestMethod]
    [Covers("wasm_valtype_copy", CoverageKind.Positive)]
    public void CopyIsAnIndependentValtypeOfTheSameKind()
    {
        foreach (wasm_valkind_t kind in AllKinds)
        {
            wasm_valtype_t* original = wasm_valtype_new(kind);
            wasm_valtype_t* copy = wasm_valtype_copy(original);
            Assert.IsTrue(copy != null && copy != original);
            wasm_valtype_delete(original);
            Assert.AreEqual(kind, wasm_valtype_kind(copy), "the copy outlives the original");
            wasm_valtype_delete(copy);
        }
    }

    [TestMethod]
    [Covers("wasm_valtype_copy", CoverageKind.Negative)]
    public void CopyOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_valtype_copy", "arg0"));
        Assert.IsTrue(wasm_valtype_copy(null) == null);
    }

    [TestMethod]
    [Covers("wasm_valtype_delete", CoverageKind.Positive)]
    public void DeleteReleasesTheValtype()
    {
        wasm_valtype_t* type = wasm_valtype_new(WASM_I64);
        NativeHeap.Watched watched = NativeHeap.Watch(type, "valtype");
        wasm_valtype_delete(type);
        watched.AssertReleased();
    }

    [TestMethod]
    [Covers("wasm_valtype_delete", CoverageKind.Negative)]
    public void DeleteOfNullDoesNothing()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_valtype_delete", "arg0"));
        wasm_valtype_delete(null);
    }
}
