using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;
using Wamr.Tests.Interop.Safety;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary><c>wasm_globaltype_*</c>: global types, a value type (taken over) and a mutability.</summary>
[TestClass]
public sealed unsafe class GlobaltypeTests : EngineTestBase
{
    [TestMethod]
    [Covers("wasm_globaltype_new", CoverageKind.Positive)]
    public void NewTakesOverTheValtype()
    {
        wasm_valtype_t* content = wasm_valtype_new(WASM_F64);
        wasm_globaltype_t* type = wasm_globaltype_new(content, WASM_VAR);
        Assert.IsTrue(type != null);
        Assert.IsTrue(wasm_globaltype_content(type) == content, "the global type owns the value type now");
        Assert.AreEqual(WASM_VAR, wasm_globaltype_mutability(type));
        wasm_globaltype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_globaltype_new", CoverageKind.Negative)]
    public void NewRefusesNullAndKeepsAnOddMutability()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_globaltype_new", "arg0"));
        Assert.IsTrue(wasm_globaltype_new(null, WASM_CONST) == null);

        // A mutability that is neither WASM_CONST nor WASM_VAR is not checked: it is stored as given.
        Assert.AreEqual("mutability=7", NullProbe.AssertOddIsSafe("wasm_globaltype_new", "mutability 7"));
        wasm_globaltype_t* odd = wasm_globaltype_new(wasm_valtype_new(WASM_I32), (wasm_mutability_t)7);
        Assert.AreEqual((wasm_mutability_t)7, wasm_globaltype_mutability(odd));
        wasm_globaltype_delete(odd);
    }

    [TestMethod]
    [Covers("wasm_globaltype_content", CoverageKind.Positive)]
    public void ContentIsTheValueType()
    {
        foreach (wasm_valkind_t kind in new[] { WASM_I32, WASM_I64, WASM_F32, WASM_F64, WASM_ANYREF, WASM_FUNCREF })
        {
            wasm_globaltype_t* type = wasm_globaltype_new(wasm_valtype_new(kind), WASM_CONST);
            Assert.AreEqual(kind, wasm_valtype_kind(wasm_globaltype_content(type)));
            wasm_globaltype_delete(type);
        }
    }

    [TestMethod]
    [Covers("wasm_globaltype_content", CoverageKind.Negative)]
    public void ContentOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_globaltype_content", "arg0"));
        Assert.IsTrue(wasm_globaltype_content(null) == null);
    }

    [TestMethod]
    [Covers("wasm_globaltype_mutability", CoverageKind.Positive)]
    public void MutabilityIsTheOneGiven()
    {
        wasm_globaltype_t* constant = wasm_globaltype_new(wasm_valtype_new(WASM_I32), WASM_CONST);
        wasm_globaltype_t* variable = wasm_globaltype_new(wasm_valtype_new(WASM_I32), WASM_VAR);
        Assert.AreEqual(WASM_CONST, wasm_globaltype_mutability(constant));
        Assert.AreEqual(WASM_VAR, wasm_globaltype_mutability(variable));
        wasm_globaltype_delete(constant);
        wasm_globaltype_delete(variable);
    }

    [TestMethod]
    [Covers("wasm_globaltype_mutability", CoverageKind.Negative)]
    public void MutabilityOfNullIsConst()
    {
        // WAMR answers WASM_CONST (false) for NULL.
        Assert.AreEqual("0", NullProbe.AssertNullIsSafe("wasm_globaltype_mutability", "arg0"));
        Assert.AreEqual(WASM_CONST, wasm_globaltype_mutability(null));
    }

    [TestMethod]
    [Covers("wasm_globaltype_copy", CoverageKind.Positive)]
    public void CopyIsDeep()
    {
        wasm_globaltype_t* original = wasm_globaltype_new(wasm_valtype_new(WASM_I64), WASM_VAR);
        wasm_globaltype_t* copy = wasm_globaltype_copy(original);
        Assert.IsTrue(copy != null && copy != original);
        Assert.IsTrue(wasm_globaltype_content(copy) != wasm_globaltype_content(original), "the value type is copied too");
        wasm_globaltype_delete(original);
        Assert.AreEqual(WASM_I64, wasm_valtype_kind(wasm_globaltype_content(copy)));
        Assert.AreEqual(WASM_VAR, wasm_globaltype_mutability(copy));
        wasm_globaltype_delete(copy);
    }

    [TestMethod]
    [Covers("wasm_globaltype_copy", CoverageKind.Negative)]
    public void CopyOfNullIsNull()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_globaltype_copy", "arg0"));
        Assert.IsTrue(wasm_globaltype_copy(null) == null);
    }

    [TestMethod]
    [Covers("wasm_globaltype_delete", CoverageKind.Positive)]
    public void DeleteReleasesTheTypeAndItsValtype()
    {
        wasm_globaltype_t* type = wasm_globaltype_new(wasm_valtype_new(WASM_F32), WASM_CONST);
        NativeHeap.Watched self = NativeHeap.Watch(type, "globaltype");
        NativeHeap.Watched content = NativeHeap.Watch(wasm_globaltype_content(type), "its value type");
        wasm_globaltype_delete(type);
        self.AssertReleased();
        content.AssertReleased();
    }

    [TestMethod]
    [Covers("wasm_globaltype_delete", CoverageKind.Negative)]
    public void DeleteOfNullDoesNothing()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_globaltype_delete", "arg0"));
        wasm_globaltype_delete(null);
    }
}
