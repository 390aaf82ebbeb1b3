using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// <c>wasm_ref_t</c> (WASM_DECLARE_REF_BASE(ref)): delete, copy, same and host info. The references come
/// from foreign objects (<c>wasm_foreign_as_ref</c>), the kind a host makes without a module.
/// </summary>
[TestClass]
public sealed unsafe class RefTests : ProceduralTest
{
    private wasm_ref_t* NewForeignRef() => wasm_foreign_as_ref(wasm_foreign_new(Store));

    [TestMethod]
    [Covers("wasm_ref_delete", CoverageKind.Positive)]
    public void DeleteRunsTheFinalizerAndReleasesTheReference()
    {
        long before = CountingAllocator.Live;
        wasm_ref_t* reference = NewForeignRef();
        int finalized = 0;
        wasm_ref_set_host_info_with_finalizer(reference, &finalized, CountingFinalizer);
        Assert.IsGreaterThan(before, CountingAllocator.Live);

        wasm_ref_delete(reference);

        Assert.AreEqual(1, finalized);
        // The reference and the foreign object it was the last reference to are both freed.
        Assert.AreEqual(before, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_ref_delete", CoverageKind.Negative)]
    public void DeleteOfNullIsIgnored()
    {
        long live = CountingAllocator.Live;
        wasm_ref_delete(null);
        Assert.AreEqual(live, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_ref_copy", CoverageKind.Positive)]
    public void CopyIsANewReferenceToTheSameObjectWithoutHostInfo()
    {
        wasm_ref_t* reference = NewForeignRef();
        int info = 7;
        wasm_ref_set_host_info(reference, &info);

        wasm_ref_t* copy = wasm_ref_copy(reference);

        Assert.IsTrue(copy != null);
        Assert.IsTrue(copy != reference);
        Assert.IsTrue(wasm_ref_same(copy, reference));
        // Host info belongs to one wasm_ref_t; the copy starts without it.
        Assert.IsTrue(wasm_ref_get_host_info(copy) == null);
        wasm_ref_delete(copy);
        Assert.IsTrue(wasm_ref_get_host_info(reference) == &info);
        wasm_ref_delete(reference);
    }

    [TestMethod]
    [Covers("wasm_ref_copy", CoverageKind.Negative)]
    public void CopyOfNullIsNull() => Assert.IsTrue(wasm_ref_copy(null) == null);

    [TestMethod]
    [Covers("wasm_ref_same", CoverageKind.Positive)]
    public void SameComparesTheReferencedObjects()
    {
        wasm_foreign_t* foreign = wasm_foreign_new(Store);
        wasm_ref_t* first = wasm_foreign_as_ref(foreign);
        wasm_ref_t* second = wasm_foreign_as_ref(foreign);
        wasm_ref_t* other = NewForeignRef();

        Assert.IsTrue(wasm_ref_same(first, first));
        Assert.IsTrue(wasm_ref_same(first, second));
        Assert.IsFalse(wasm_ref_same(first, other));

        wasm_ref_delete(other);
        wasm_ref_delete(second);
        wasm_ref_delete(first);
    }

    [TestMethod]
    [Covers("wasm_ref_same", CoverageKind.Negative)]
    public void SameWithNullIsTrueOnlyForTwoNulls()
    {
        wasm_ref_t* reference = NewForeignRef();
        Assert.IsTrue(wasm_ref_same(null, null));
        Assert.IsFalse(wasm_ref_same(reference, null));
        Assert.IsFalse(wasm_ref_same(null, reference));
        wasm_ref_delete(reference);
    }

    [TestMethod]
    [Covers("wasm_ref_get_host_info", CoverageKind.Positive)]
    [Covers("wasm_ref_set_host_info", CoverageKind.Positive)]
    public void HostInfoIsStoredAndReplaced()
    {
        wasm_ref_t* reference = NewForeignRef();
        Assert.IsTrue(wasm_ref_get_host_info(reference) == null);

        int first = 1, second = 2, finalized = 0;
        wasm_ref_set_host_info(reference, &first);
        Assert.IsTrue(wasm_ref_get_host_info(reference) == &first);

        // set_host_info also drops a finalizer set before.
        wasm_ref_set_host_info_with_finalizer(reference, &finalized, CountingFinalizer);
        wasm_ref_set_host_info(reference, &second);
        Assert.IsTrue(wasm_ref_get_host_info(reference) == &second);
        wasm_ref_delete(reference);
        Assert.AreEqual(0, finalized);
    }

    [TestMethod]
    [Covers("wasm_ref_get_host_info", CoverageKind.Negative)]
    [Covers("wasm_ref_set_host_info", CoverageKind.Negative)]
    public void HostInfoOfNullIsNullAndSettingItIsIgnored()
    {
        int info = 3;
        wasm_ref_set_host_info(null, &info);
        Assert.IsTrue(wasm_ref_get_host_info(null) == null);
    }

    [TestMethod]
    [Covers("wasm_ref_set_host_info_with_finalizer", CoverageKind.Positive)]
    public void FinalizerRunsOnceWithTheInfoWhenTheReferenceIsDeleted()
    {
        wasm_ref_t* reference = NewForeignRef();
        int finalized = 0;
        wasm_ref_set_host_info_with_finalizer(reference, &finalized, CountingFinalizer);
        Assert.IsTrue(wasm_ref_get_host_info(reference) == &finalized);
        Assert.AreEqual(0, finalized);

        wasm_ref_delete(reference);

        Assert.AreEqual(1, finalized);
    }

    [TestMethod]
    [Covers("wasm_ref_set_host_info_with_finalizer", CoverageKind.Negative)]
    public void FinalizerOnNullIsIgnoredAndNeverRuns()
    {
        int finalized = 0;
        wasm_ref_set_host_info_with_finalizer(null, &finalized, CountingFinalizer);
        Assert.AreEqual(0, finalized);

        // A null finalizer is allowed: deleting the reference then only frees it.
        wasm_ref_t* reference = NewForeignRef();
        wasm_ref_set_host_info_with_finalizer(reference, &finalized, null);
        wasm_ref_delete(reference);
        Assert.AreEqual(0, finalized);
    }
}
