using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// <c>wasm_foreign_t</c>: host objects that wasm can hold as references (WASM_DECLARE_REF(foreign) and
/// <c>wasm_foreign_new</c>).
/// </summary>
/// <remarks>
/// WAMR 1.1.2 counts the references to a foreign object: <c>wasm_foreign_new</c> starts at zero, every
/// <c>wasm_foreign_as_ref</c>/<c>wasm_ref_as_foreign</c> adds one and every <c>wasm_foreign_delete</c> or
/// <c>wasm_ref_delete</c> of a reference to it removes one; the object is freed when the count returns to
/// zero. A foreign object that never became a reference is therefore never freed (its store does not free
/// it either). The tests release theirs through a reference.
/// </remarks>
[TestClass]
public sealed unsafe class ForeignTests : ProceduralTest
{
    /// <summary>Frees a foreign object that has no other reference.</summary>
    private static void Release(wasm_foreign_t* foreign) => wasm_ref_delete(wasm_foreign_as_ref(foreign));

    [TestMethod]
    [Covers("wasm_foreign_new", CoverageKind.Positive)]
    public void NewMakesADistinctObjectWithoutHostInfo()
    {
        wasm_foreign_t* first = wasm_foreign_new(Store);
        wasm_foreign_t* second = wasm_foreign_new(Store);
        Assert.IsTrue(first != null && second != null);
        Assert.IsTrue(wasm_foreign_same(first, first));
        Assert.IsFalse(wasm_foreign_same(first, second));
        Assert.IsTrue(wasm_foreign_get_host_info(first) == null);
        Release(second);
        Release(first);
    }

    [TestMethod]
    [Covers("wasm_foreign_new", CoverageKind.Negative)]
    public void NewWithoutAStoreIsNull() => Assert.IsTrue(wasm_foreign_new(null) == null);

    [TestMethod]
    [Covers("wasm_foreign_delete", CoverageKind.Positive)]
    public void DeleteDropsOneReferenceAndTheLastOneFreesTheObject()
    {
        long before = CountingAllocator.Live;
        wasm_foreign_t* foreign = wasm_foreign_new(Store);
        int info = 5;
        wasm_foreign_set_host_info(foreign, &info);
        wasm_ref_t* reference = wasm_foreign_as_ref(foreign);
        wasm_foreign_t* again = wasm_ref_as_foreign(reference);
        Assert.IsTrue(again == foreign);

        wasm_foreign_delete(again);
        // One reference is left: the object is still alive.
        Assert.IsTrue(wasm_foreign_get_host_info(foreign) == &info);

        wasm_ref_delete(reference);
        Assert.AreEqual(before, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_foreign_delete", CoverageKind.Negative)]
    public void DeleteOfNullOrOfAnUnreferencedObjectFreesNothing()
    {
        long live = CountingAllocator.Live;
        wasm_foreign_delete(null);
        Assert.AreEqual(live, CountingAllocator.Live);

        // WAMR 1.1.2: the count of a new foreign object is zero, and delete ignores an object at zero.
        wasm_foreign_t* foreign = wasm_foreign_new(Store);
        long withForeign = CountingAllocator.Live;
        wasm_foreign_delete(foreign);
        Assert.AreEqual(withForeign, CountingAllocator.Live);
        Release(foreign);
    }

    [TestMethod]
    [Covers("wasm_foreign_same", CoverageKind.Positive)]
    public void SameIsTrueForTheSameObjectThroughAReference()
    {
        wasm_foreign_t* foreign = wasm_foreign_new(Store);
        wasm_foreign_t* other = wasm_foreign_new(Store);
        wasm_ref_t* reference = wasm_foreign_as_ref(foreign);
        wasm_foreign_t* back = wasm_ref_as_foreign(reference);

        Assert.IsTrue(wasm_foreign_same(foreign, back));
        Assert.IsFalse(wasm_foreign_same(foreign, other));

        wasm_foreign_delete(back);
        wasm_ref_delete(reference);
        Release(other);
    }

    [TestMethod]
    [Covers("wasm_foreign_same", CoverageKind.Negative)]
    public void SameWithNullIsTrueOnlyForTwoNulls()
    {
        wasm_foreign_t* foreign = wasm_foreign_new(Store);
        Assert.IsTrue(wasm_foreign_same(null, null));
        Assert.IsFalse(wasm_foreign_same(foreign, null));
        Assert.IsFalse(wasm_foreign_same(null, foreign));
        Release(foreign);
    }

    [TestMethod]
    [Covers("wasm_foreign_get_host_info", CoverageKind.Positive)]
    [Covers("wasm_foreign_set_host_info", CoverageKind.Positive)]
    public void HostInfoIsStoredAndReplaced()
    {
        wasm_foreign_t* foreign = wasm_foreign_new(Store);
        int first = 1, second = 2;
        wasm_foreign_set_host_info(foreign, &first);
        Assert.IsTrue(wasm_foreign_get_host_info(foreign) == &first);
        wasm_foreign_set_host_info(foreign, &second);
        Assert.IsTrue(wasm_foreign_get_host_info(foreign) == &second);
        Release(foreign);
    }

    [TestMethod]
    [Covers("wasm_foreign_get_host_info", CoverageKind.Negative)]
    [Covers("wasm_foreign_set_host_info", CoverageKind.Negative)]
    public void HostInfoOfNullIsNullAndSettingItIsIgnored()
    {
        int info = 3;
        wasm_foreign_set_host_info(null, &info);
        Assert.IsTrue(wasm_foreign_get_host_info(null) == null);
    }

    [TestMethod]
    [Covers("wasm_foreign_set_host_info_with_finalizer", CoverageKind.Positive)]
    public void FinalizerIsStoredButWamrNeverRunsItForAForeignObject()
    {
        wasm_foreign_t* foreign = wasm_foreign_new(Store);
        int finalized = 0;
        wasm_foreign_set_host_info_with_finalizer(foreign, &finalized, CountingFinalizer);
        Assert.IsTrue(wasm_foreign_get_host_info(foreign) == &finalized);

        // WAMR 1.1.2 frees a foreign object (its last reference deleted) without calling its finalizer.
        Release(foreign);
        Assert.AreEqual(0, finalized);
    }

    [TestMethod]
    [Covers("wasm_foreign_set_host_info_with_finalizer", CoverageKind.Negative)]
    public void FinalizerOnNullIsIgnored()
    {
        int finalized = 0;
        wasm_foreign_set_host_info_with_finalizer(null, &finalized, CountingFinalizer);
        Assert.AreEqual(0, finalized);
    }

    [TestMethod]
    [Covers("wasm_foreign_as_ref", CoverageKind.Positive)]
    [Covers("wasm_ref_as_foreign", CoverageKind.Positive)]
    public void AsRefAndBackGiveTheSameObject()
    {
        wasm_foreign_t* foreign = wasm_foreign_new(Store);
        wasm_ref_t* reference = wasm_foreign_as_ref(foreign);
        Assert.IsTrue(reference != null);

        wasm_foreign_t* back = wasm_ref_as_foreign(reference);

        Assert.IsTrue(back == foreign);
        wasm_foreign_delete(back);
        wasm_ref_delete(reference);
    }

    [TestMethod]
    [Covers("wasm_foreign_as_ref_const", CoverageKind.Positive)]
    [Covers("wasm_ref_as_foreign_const", CoverageKind.Positive)]
    public void ConstAsRefAndBackGiveTheSameObject()
    {
        wasm_foreign_t* foreign = wasm_foreign_new(Store);
        wasm_ref_t* reference = wasm_foreign_as_ref_const(foreign);
        Assert.IsTrue(reference != null);
        Assert.IsTrue(wasm_ref_same(reference, reference));

        wasm_foreign_t* back = wasm_ref_as_foreign_const(reference);

        Assert.IsTrue(back == foreign);
        wasm_foreign_delete(back);
        wasm_ref_delete(reference);
    }

    [TestMethod]
    [Covers("wasm_foreign_as_ref", CoverageKind.Negative)]
    [Covers("wasm_foreign_as_ref_const", CoverageKind.Negative)]
    public void AsRefOfNullIsNull()
    {
        Assert.IsTrue(wasm_foreign_as_ref(null) == null);
        Assert.IsTrue(wasm_foreign_as_ref_const(null) == null);
    }

    [TestMethod]
    [Covers("wasm_ref_as_foreign", CoverageKind.Negative)]
    [Covers("wasm_ref_as_foreign_const", CoverageKind.Negative)]
    public void RefAsForeignOfNullOrOfAnotherKindIsNull()
    {
        Assert.IsTrue(wasm_ref_as_foreign(null) == null);
        Assert.IsTrue(wasm_ref_as_foreign_const(null) == null);

        wasm_functype_t* type = FuncType([], []);
        wasm_func_t* func = wasm_func_new(Store, type, &NoOp);
        wasm_ref_t* funcRef = wasm_func_as_ref(func);
        Assert.IsTrue(funcRef != null);
        Assert.IsTrue(wasm_ref_as_foreign(funcRef) == null);
        Assert.IsTrue(wasm_ref_as_foreign_const(funcRef) == null);
        wasm_ref_delete(funcRef);
        wasm_func_delete(func);
        wasm_functype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_foreign_copy", CoverageKind.Positive)]
    [Covers("wasm_foreign_copy", CoverageKind.Negative)]
    public void CopyIsNotExported()
    {
        wasm_foreign_t* foreign = wasm_foreign_new(Store);
#pragma warning disable WAMR001 // the binding of a function libiwasm lacks: calling it is what this test checks
        NotExported.AssertClearError("wasm_foreign_copy", () => wasm_foreign_copy(foreign));
#pragma warning restore WAMR001
        Release(foreign);
    }

    [System.Runtime.InteropServices.UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static wasm_trap_t* NoOp(wasm_val_vec_t* args, wasm_val_vec_t* results) => null;
}
