using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// <c>wasm_table_t</c>: <c>table.wasm</c>'s funcref table <c>funcs</c> (3 slots, at most 10: <c>eleven</c>,
/// <c>twenty_two</c>, empty), called through <c>call_at</c> and grown by <c>grow</c>; host tables; and
/// WASM_DECLARE_REF(table).
/// </summary>
/// <remarks>
/// WAMR 1.1.2 does not back a host table (<c>wasm_table_new</c>) with a runtime table, and refuses table
/// imports, so a host table has a type but no slots. <c>wasm_table_grow</c> from the host always fails.
/// </remarks>
[TestClass]
public sealed unsafe class TableTests : ProceduralTest
{
    private const int Funcs = 0, Eleven = 1, CallAt = 2, Grow = 3;

    private wasm_extern_vec_t TableExports() => Exports(Instantiate("table"));

    private static int CallInt(wasm_func_t* func, params wasm_val_t[] args)
    {
        var results = new wasm_val_t[1];
        Call(func, args, results);
        return results[0].of.i32;
    }

    private wasm_table_t* HostTable(uint min, uint max)
    {
        wasm_limits_t limits = new() { min = min, max = max };
        wasm_tabletype_t* type = wasm_tabletype_new(wasm_valtype_new(WASM_FUNCREF), &limits);
        wasm_table_t* table = wasm_table_new(Store, type, null);
        wasm_tabletype_delete(type);
        Assert.IsTrue(table != null);
        return table;
    }

    [TestMethod]
    [Covers("wasm_table_new", CoverageKind.Positive)]
    public void NewMakesAHostTableWithItsTypeButNoSlots()
    {
        wasm_table_t* table = HostTable(1, 2);
        wasm_tabletype_t* type = wasm_table_type(table);
        Assert.AreEqual(WASM_FUNCREF, wasm_valtype_kind(wasm_tabletype_element(type)));
        Assert.AreEqual(1u, wasm_tabletype_limits(type)->min);
        Assert.AreEqual(2u, wasm_tabletype_limits(type)->max);
        wasm_tabletype_delete(type);

        // Not backed by a runtime table (see the class remarks).
        Assert.AreEqual(0u, wasm_table_size(table));
        Assert.IsTrue(wasm_table_get(table, 0) == null);
        Assert.IsFalse(wasm_table_set(table, 0, null));
        wasm_table_delete(table);
    }

    [TestMethod]
    [Covers("wasm_table_new", CoverageKind.Negative)]
    public void NewWithoutATypeIsNull() => Assert.IsTrue(wasm_table_new(Store, null, null) == null);

    [TestMethod]
    [Covers("wasm_table_type", CoverageKind.Positive)]
    public void TypeOfAnExportedTable()
    {
        using wasm_extern_vec_t exports = TableExports();
        wasm_tabletype_t* type = wasm_table_type(wasm_extern_as_table(exports[Funcs]));
        Assert.AreEqual(WASM_FUNCREF, wasm_valtype_kind(wasm_tabletype_element(type)));
        Assert.AreEqual(3u, wasm_tabletype_limits(type)->min);
        Assert.AreEqual(10u, wasm_tabletype_limits(type)->max);
        wasm_tabletype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_table_type", CoverageKind.Negative)]
    public void TypeOfNullIsNull() => Assert.IsTrue(wasm_table_type(null) == null);

    [TestMethod]
    [Covers("wasm_table_get", CoverageKind.Positive)]
    public void GetReturnsAReferenceToTheFunctionInTheSlot()
    {
        using wasm_extern_vec_t exports = TableExports();
        wasm_table_t* table = wasm_extern_as_table(exports[Funcs]);
        foreach ((uint slot, int expected) in new[] { (0u, 11), (1u, 22) })
        {
            wasm_ref_t* reference = wasm_table_get(table, slot);
            Assert.IsTrue(reference != null);
            wasm_func_t* func = wasm_ref_as_func(reference);
            Assert.AreEqual(expected, CallInt(func));
            wasm_func_delete(func);
            wasm_ref_delete(reference);
        }

        // The third slot is empty: ref.null is NULL.
        Assert.IsTrue(wasm_table_get(table, 2) == null);
    }

    [TestMethod]
    [Covers("wasm_table_get", CoverageKind.Negative)]
    public void GetOfNullOrPastTheEndIsNull()
    {
        using wasm_extern_vec_t exports = TableExports();
        wasm_table_t* table = wasm_extern_as_table(exports[Funcs]);
        Assert.IsTrue(wasm_table_get(null, 0) == null);
        Assert.IsTrue(wasm_table_get(table, 3) == null);
        Assert.IsTrue(wasm_table_get(table, uint.MaxValue) == null);
    }

    [TestMethod]
    [Covers("wasm_table_set", CoverageKind.Positive)]
    public void SetStoresAFunctionOrClearsASlot()
    {
        using wasm_extern_vec_t exports = TableExports();
        wasm_table_t* table = wasm_extern_as_table(exports[Funcs]);
        wasm_func_t* callAt = wasm_extern_as_func(exports[CallAt]);

        // set takes ownership of the reference when it succeeds.
        Assert.IsTrue(wasm_table_set(table, 2, wasm_func_as_ref(wasm_extern_as_func(exports[Eleven]))));
        Assert.AreEqual(11, CallInt(callAt, I32(2)));

        Assert.IsTrue(wasm_table_set(table, 0, null));
        Assert.IsTrue(wasm_table_get(table, 0) == null);
        Assert.AreEqual("Exception: uninitialized element", CallForTrap(callAt, [I32(0)], new wasm_val_t[1]));
    }

    [TestMethod]
    [Covers("wasm_table_set", CoverageKind.Negative)]
    public void SetRefusesNullTablesBadSlotsAndForeignReferences()
    {
        using wasm_extern_vec_t exports = TableExports();
        wasm_table_t* table = wasm_extern_as_table(exports[Funcs]);
        Assert.IsFalse(wasm_table_set(null, 0, null));

        // A refused reference stays the caller's.
        wasm_ref_t* eleven = wasm_func_as_ref(wasm_extern_as_func(exports[Eleven]));
        Assert.IsFalse(wasm_table_set(table, 3, eleven));
        Assert.IsFalse(wasm_table_set(table, uint.MaxValue, eleven));
        wasm_ref_delete(eleven);

        wasm_ref_t* foreign = wasm_foreign_as_ref(wasm_foreign_new(Store));
        Assert.IsFalse(wasm_table_set(table, 0, foreign));
        wasm_ref_delete(foreign);

        // A host function no instance links is not a function of this instance.
        wasm_functype_t* type = FuncType([], [WASM_I32]);
        wasm_func_t* host = wasm_func_new(Store, type, &Zero);
        wasm_ref_t* hostRef = wasm_func_as_ref(host);
        Assert.IsFalse(wasm_table_set(table, 0, hostRef));
        wasm_ref_delete(hostRef);
        wasm_func_delete(host);
        wasm_functype_delete(type);

        Assert.AreEqual(11, CallInt(wasm_extern_as_func(exports[CallAt]), I32(0)));
    }

    [TestMethod]
    [Covers("wasm_table_size", CoverageKind.Positive)]
    public void SizeFollowsTableGrowInWasm()
    {
        using wasm_extern_vec_t exports = TableExports();
        wasm_table_t* table = wasm_extern_as_table(exports[Funcs]);
        Assert.AreEqual(3u, wasm_table_size(table));
        Assert.AreEqual(3, CallInt(wasm_extern_as_func(exports[Grow]), I32(2)));
        Assert.AreEqual(5u, wasm_table_size(table));
    }

    [TestMethod]
    [Covers("wasm_table_size", CoverageKind.Negative)]
    public void SizeOfNullIsZero() => Assert.AreEqual(0u, wasm_table_size(null));

    [TestMethod]
    [Covers("wasm_table_grow", CoverageKind.Positive)]
    public void GrowFromTheHostIsNotSupported()
    {
        // WAMR 1.1.2: "Calling wasm_table_grow() by host is not supported" (logged); table.grow in wasm works.
        using wasm_extern_vec_t exports = TableExports();
        wasm_table_t* table = wasm_extern_as_table(exports[Funcs]);
        Assert.IsFalse(wasm_table_grow(table, 1, null));
        Assert.AreEqual(3u, wasm_table_size(table));
    }

    [TestMethod]
    [Covers("wasm_table_grow", CoverageKind.Negative)]
    public void GrowOfNullIsFalse() => Assert.IsFalse(wasm_table_grow(null, 1, null));

    [TestMethod]
    [Covers("wasm_table_copy", CoverageKind.Positive)]
    public void CopyActsOnTheSameTable()
    {
        using wasm_extern_vec_t exports = TableExports();
        wasm_table_t* table = wasm_extern_as_table(exports[Funcs]);
        wasm_table_t* copy = wasm_table_copy(table);
        Assert.IsTrue(copy != null && copy != table);
        Assert.IsTrue(wasm_table_same(copy, table));
        Assert.IsTrue(wasm_table_set(copy, 2, null));
        Assert.AreEqual(3u, wasm_table_size(copy));
        wasm_ref_t* first = wasm_table_get(copy, 0);
        Assert.IsTrue(first != null);
        wasm_ref_delete(first);
        wasm_table_delete(copy);
    }

    [TestMethod]
    [Covers("wasm_table_copy", CoverageKind.Negative)]
    public void CopyOfNullIsRefused() =>
        // WAMR 1.1.2 reads the source table before checking it: the binding's guard throws instead.
        AssertNullGuarded("wasm_table_copy", "arg0", () => wasm_table_copy(null));

    [TestMethod]
    [Covers("wasm_table_delete", CoverageKind.Positive)]
    public void DeleteRunsTheHostInfoFinalizerAndFreesTheTable()
    {
        wasm_limits_t limits = new() { min = 1, max = 1 };
        wasm_tabletype_t* type = wasm_tabletype_new(wasm_valtype_new(WASM_FUNCREF), &limits);
        long before = CountingAllocator.Live;
        wasm_table_t* table = wasm_table_new(Store, type, null);
        int finalized = 0;
        wasm_table_set_host_info_with_finalizer(table, &finalized, CountingFinalizer);

        wasm_table_delete(table);

        Assert.AreEqual(1, finalized);
        Assert.AreEqual(before, CountingAllocator.Live);
        wasm_tabletype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_table_delete", CoverageKind.Negative)]
    public void DeleteOfNullIsIgnored()
    {
        long live = CountingAllocator.Live;
        wasm_table_delete(null);
        Assert.AreEqual(live, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_table_same", CoverageKind.Positive)]
    public void SameComparesTheTable()
    {
        using wasm_extern_vec_t exports = TableExports();
        wasm_table_t* table = wasm_extern_as_table(exports[Funcs]);
        using wasm_extern_vec_t again = Exports(Instantiate("extern"));
        Assert.IsTrue(wasm_table_same(table, table));
        // WAMR compares the kind and the table index only: extern.wasm's table is table 0 as well.
        Assert.IsTrue(wasm_table_same(table, wasm_extern_as_table(again[2])));
        wasm_table_t* host = HostTable(1, 1);
        wasm_table_t* otherHost = HostTable(1, 1);
        Assert.IsTrue(wasm_table_same(host, otherHost));
        wasm_table_delete(otherHost);
        wasm_table_delete(host);
    }

    [TestMethod]
    [Covers("wasm_table_same", CoverageKind.Negative)]
    public void SameWithNullIsTrueOnlyForTwoNulls()
    {
        wasm_table_t* host = HostTable(1, 1);
        Assert.IsTrue(wasm_table_same(null, null));
        Assert.IsFalse(wasm_table_same(host, null));
        Assert.IsFalse(wasm_table_same(null, host));
        wasm_table_delete(host);
    }

    [TestMethod]
    [Covers("wasm_table_get_host_info", CoverageKind.Positive)]
    [Covers("wasm_table_set_host_info", CoverageKind.Positive)]
    public void HostInfoIsStoredAndReplaced()
    {
        wasm_table_t* table = HostTable(1, 1);
        Assert.IsTrue(wasm_table_get_host_info(table) == null);
        int first = 1, second = 2;
        wasm_table_set_host_info(table, &first);
        Assert.IsTrue(wasm_table_get_host_info(table) == &first);
        wasm_table_set_host_info(table, &second);
        Assert.IsTrue(wasm_table_get_host_info(table) == &second);
        wasm_table_delete(table);
    }

    [TestMethod]
    [Covers("wasm_table_get_host_info", CoverageKind.Negative)]
    [Covers("wasm_table_set_host_info", CoverageKind.Negative)]
    public void HostInfoOfNullIsNullAndSettingItIsIgnored()
    {
        int info = 3;
        wasm_table_set_host_info(null, &info);
        Assert.IsTrue(wasm_table_get_host_info(null) == null);
    }

    [TestMethod]
    [Covers("wasm_table_set_host_info_with_finalizer", CoverageKind.Positive)]
    public void FinalizerRunsOnceWhenTheTableIsDeleted()
    {
        using wasm_extern_vec_t exports = TableExports();
        wasm_table_t* copy = wasm_table_copy(wasm_extern_as_table(exports[Funcs]));
        int finalized = 0;
        wasm_table_set_host_info_with_finalizer(copy, &finalized, CountingFinalizer);
        Assert.IsTrue(wasm_table_get_host_info(copy) == &finalized);
        Assert.AreEqual(0, finalized);

        wasm_table_delete(copy);

        Assert.AreEqual(1, finalized);
    }

    [TestMethod]
    [Covers("wasm_table_set_host_info_with_finalizer", CoverageKind.Negative)]
    public void FinalizerOnNullIsIgnored()
    {
        int finalized = 0;
        wasm_table_set_host_info_with_finalizer(null, &finalized, CountingFinalizer);
        Assert.AreEqual(0, finalized);
    }

    [TestMethod]
    [Covers("wasm_table_as_ref", CoverageKind.Positive)]
    [Covers("wasm_ref_as_table", CoverageKind.Positive)]
    public void AsRefAndBackGiveTheSameTable()
    {
        using wasm_extern_vec_t exports = TableExports();
        wasm_table_t* table = wasm_extern_as_table(exports[Funcs]);
        wasm_ref_t* reference = wasm_table_as_ref(table);
        Assert.IsTrue(reference != null);

        // WAMR makes a new wasm_table_t for the reference: the caller deletes it.
        wasm_table_t* back = wasm_ref_as_table(reference);
        Assert.IsTrue(back != null && back != table);
        Assert.IsTrue(wasm_table_same(back, table));
        Assert.AreEqual(3u, wasm_table_size(back));
        wasm_table_delete(back);
        wasm_ref_delete(reference);
    }

    [TestMethod]
    [Covers("wasm_table_as_ref_const", CoverageKind.Positive)]
    [Covers("wasm_ref_as_table_const", CoverageKind.Positive)]
    public void ConstAsRefAndBackGiveTheSameTable()
    {
        using wasm_extern_vec_t exports = TableExports();
        wasm_table_t* table = wasm_extern_as_table(exports[Funcs]);
        wasm_ref_t* reference = wasm_table_as_ref_const(table);
        Assert.IsTrue(reference != null);

        wasm_table_t* back = wasm_ref_as_table_const(reference);
        Assert.IsTrue(wasm_table_same(back, table));
        Assert.AreEqual(3u, wasm_table_size(back));
        wasm_table_delete(back);
        wasm_ref_delete(reference);
    }

    [TestMethod]
    [Covers("wasm_table_as_ref", CoverageKind.Negative)]
    [Covers("wasm_table_as_ref_const", CoverageKind.Negative)]
    public void AsRefOfNullIsNull()
    {
        Assert.IsTrue(wasm_table_as_ref(null) == null);
        Assert.IsTrue(wasm_table_as_ref_const(null) == null);
    }

    [TestMethod]
    [Covers("wasm_ref_as_table", CoverageKind.Negative)]
    [Covers("wasm_ref_as_table_const", CoverageKind.Negative)]
    public void RefAsTableOfNullOfAnotherKindOrOfAHostTableIsNull()
    {
        Assert.IsTrue(wasm_ref_as_table(null) == null);
        Assert.IsTrue(wasm_ref_as_table_const(null) == null);

        wasm_ref_t* foreign = wasm_foreign_as_ref(wasm_foreign_new(Store));
        Assert.IsTrue(wasm_ref_as_table(foreign) == null);
        Assert.IsTrue(wasm_ref_as_table_const(foreign) == null);
        wasm_ref_delete(foreign);

        // WAMR rebuilds the table from its instance: a host table has none.
        wasm_table_t* host = HostTable(1, 1);
        wasm_ref_t* hostRef = wasm_table_as_ref(host);
        Assert.IsTrue(hostRef != null);
        Assert.IsTrue(wasm_ref_as_table(hostRef) == null);
        Assert.IsTrue(wasm_ref_as_table_const(hostRef) == null);
        wasm_ref_delete(hostRef);
        wasm_table_delete(host);
    }

    [System.Runtime.InteropServices.UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static wasm_trap_t* Zero(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        results->data[0] = I32(0);
        return null;
    }
}
