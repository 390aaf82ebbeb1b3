using System;
using System.Text;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// <c>wasm_memory_t</c>: <c>memory.wasm</c>'s memory <c>mem</c> (1 page, at most 3, "hello" at offset 16,
/// functions <c>load</c>, <c>grow</c> and <c>size</c>), host memories, and WASM_DECLARE_REF(memory).
/// </summary>
/// <remarks>
/// <c>wasm_instance_new</c> carves a 32 KiB app heap into linear memory, which adds a page; the tests
/// instantiate with <c>wasm_instance_new_with_args(…, heap_size: 0)</c> to see the module's own memory.
/// WAMR 1.1.2 does not back a host memory (<c>wasm_memory_new</c>) with linear memory and refuses memory
/// imports; <c>wasm_memory_grow</c> from the host always fails.
/// </remarks>
[TestClass]
public sealed unsafe class MemoryTests : ProceduralTest
{
    private const int Mem = 0, Load = 1, Grow = 2;

    private wasm_extern_vec_t MemoryExports()
    {
        wasm_trap_t* trap = null;
        wasm_instance_t* instance = wasm_instance_new_with_args(Store, LoadModule("memory"), null, &trap, 16 * 1024, 0);
        Assert.IsTrue(instance != null && trap == null);
        return Exports(instance);
    }

    private static int CallInt(wasm_func_t* func, params wasm_val_t[] args)
    {
        var results = new wasm_val_t[1];
        Call(func, args, results);
        return results[0].of.i32;
    }

    private wasm_memory_t* HostMemory(uint min, uint max)
    {
        wasm_limits_t limits = new() { min = min, max = max };
        wasm_memorytype_t* type = wasm_memorytype_new(&limits);
        wasm_memory_t* memory = wasm_memory_new(Store, type);
        wasm_memorytype_delete(type);
        Assert.IsTrue(memory != null);
        return memory;
    }

    [TestMethod]
    [Covers("wasm_memory_new", CoverageKind.Positive)]
    public void NewMakesAHostMemoryWithItsTypeButNoData()
    {
        wasm_memory_t* memory = HostMemory(1, 2);
        wasm_memorytype_t* type = wasm_memory_type(memory);
        Assert.AreEqual(1u, wasm_memorytype_limits(type)->min);
        Assert.AreEqual(2u, wasm_memorytype_limits(type)->max);
        wasm_memorytype_delete(type);

        // Not backed by linear memory (see the class remarks).
        Assert.IsTrue(wasm_memory_data(memory) == null);
        Assert.AreEqual(0UL, (ulong)wasm_memory_data_size(memory));
        Assert.AreEqual(0u, wasm_memory_size(memory));
        wasm_memory_delete(memory);
    }

    [TestMethod]
    [Covers("wasm_memory_new", CoverageKind.Negative)]
    public void NewWithoutATypeIsNull() => Assert.IsTrue(wasm_memory_new(Store, null) == null);

    [TestMethod]
    [Covers("wasm_memory_type", CoverageKind.Positive)]
    public void TypeHasThePagesWhenTheExportWasMade()
    {
        using (wasm_extern_vec_t exports = MemoryExports())
        {
            wasm_memorytype_t* type = wasm_memory_type(wasm_extern_as_memory(exports[Mem]));
            Assert.AreEqual(1u, wasm_memorytype_limits(type)->min);
            Assert.AreEqual(3u, wasm_memorytype_limits(type)->max);
            wasm_memorytype_delete(type);
        }

        // With the default app heap the memory has one page more, and so does its maximum.
        using wasm_extern_vec_t withHeap = Exports(Instantiate("memory"));
        wasm_memorytype_t* heapType = wasm_memory_type(wasm_extern_as_memory(withHeap[Mem]));
        Assert.AreEqual(2u, wasm_memorytype_limits(heapType)->min);
        Assert.AreEqual(4u, wasm_memorytype_limits(heapType)->max);
        wasm_memorytype_delete(heapType);
    }

    [TestMethod]
    [Covers("wasm_memory_type", CoverageKind.Negative)]
    public void TypeOfNullIsNull() => Assert.IsTrue(wasm_memory_type(null) == null);

    [TestMethod]
    [Covers("wasm_memory_data", CoverageKind.Positive)]
    public void DataIsTheLinearMemoryWasmReadsAndWrites()
    {
        using wasm_extern_vec_t exports = MemoryExports();
        byte* data = wasm_memory_data(wasm_extern_as_memory(exports[Mem]));
        Assert.IsTrue(data != null);
        Assert.AreEqual("hello", Encoding.ASCII.GetString(new ReadOnlySpan<byte>(data + 16, 5)));

        data[32] = 0xAB;
        Assert.AreEqual(0xAB, CallInt(wasm_extern_as_func(exports[Load]), I32(32)));
    }

    [TestMethod]
    [Covers("wasm_memory_data", CoverageKind.Negative)]
    public void DataOfNullOrOfAHostMemoryIsNull()
    {
        Assert.IsTrue(wasm_memory_data(null) == null);
        wasm_memory_t* host = HostMemory(1, 1);
        Assert.IsTrue(wasm_memory_data(host) == null);
        wasm_memory_delete(host);
    }

    [TestMethod]
    [Covers("wasm_memory_data_size", CoverageKind.Positive)]
    [Covers("wasm_memory_size", CoverageKind.Positive)]
    public void SizesFollowMemoryGrowInWasm()
    {
        using wasm_extern_vec_t exports = MemoryExports();
        wasm_memory_t* memory = wasm_extern_as_memory(exports[Mem]);
        Assert.AreEqual(1u, wasm_memory_size(memory));
        Assert.AreEqual(65536UL, (ulong)wasm_memory_data_size(memory));

        Assert.AreEqual(1, CallInt(wasm_extern_as_func(exports[Grow]), I32(1)));

        Assert.AreEqual(2u, wasm_memory_size(memory));
        Assert.AreEqual(131072UL, (ulong)wasm_memory_data_size(memory));
    }

    [TestMethod]
    [Covers("wasm_memory_data_size", CoverageKind.Negative)]
    [Covers("wasm_memory_size", CoverageKind.Negative)]
    public void SizesOfNullAreZero()
    {
        Assert.AreEqual(0UL, (ulong)wasm_memory_data_size(null));
        Assert.AreEqual(0u, wasm_memory_size(null));
    }

    [TestMethod]
    [Covers("wasm_memory_grow", CoverageKind.Positive)]
    public void GrowFromTheHostIsNotSupported()
    {
        // WAMR 1.1.2: "Calling wasm_memory_grow() by host is not supported" (logged); memory.grow in wasm works.
        using wasm_extern_vec_t exports = MemoryExports();
        wasm_memory_t* memory = wasm_extern_as_memory(exports[Mem]);
        Assert.IsFalse(wasm_memory_grow(memory, 1));
        Assert.AreEqual(1u, wasm_memory_size(memory));
    }

    [TestMethod]
    [Covers("wasm_memory_grow", CoverageKind.Negative)]
    public void GrowOfNullIsFalse() => Assert.IsFalse(wasm_memory_grow(null, 1));

    [TestMethod]
    [Covers("wasm_memory_copy", CoverageKind.Positive)]
    public void CopyActsOnTheSameMemory()
    {
        using wasm_extern_vec_t exports = MemoryExports();
        wasm_memory_t* memory = wasm_extern_as_memory(exports[Mem]);
        wasm_memory_t* copy = wasm_memory_copy(memory);
        Assert.IsTrue(copy != null && copy != memory);
        Assert.IsTrue(wasm_memory_same(copy, memory));
        Assert.IsTrue(wasm_memory_data(copy) == wasm_memory_data(memory));
        Assert.AreEqual(wasm_memory_data_size(memory), wasm_memory_data_size(copy));
        wasm_memory_delete(copy);
    }

    [TestMethod]
    [Covers("wasm_memory_copy", CoverageKind.Negative)]
    public void CopyOfNullIsNull() => Assert.IsTrue(wasm_memory_copy(null) == null);

    [TestMethod]
    [Covers("wasm_memory_delete", CoverageKind.Positive)]
    public void DeleteRunsTheHostInfoFinalizerAndFreesTheMemory()
    {
        wasm_limits_t limits = new() { min = 1, max = 1 };
        wasm_memorytype_t* type = wasm_memorytype_new(&limits);
        long before = CountingAllocator.Live;
        wasm_memory_t* memory = wasm_memory_new(Store, type);
        int finalized = 0;
        wasm_memory_set_host_info_with_finalizer(memory, &finalized, CountingFinalizer);

        wasm_memory_delete(memory);

        Assert.AreEqual(1, finalized);
        Assert.AreEqual(before, CountingAllocator.Live);
        wasm_memorytype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_memory_delete", CoverageKind.Negative)]
    public void DeleteOfNullIsIgnored()
    {
        long live = CountingAllocator.Live;
        wasm_memory_delete(null);
        Assert.AreEqual(live, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_memory_same", CoverageKind.Positive)]
    public void SameComparesTheMemory()
    {
        using wasm_extern_vec_t exports = MemoryExports();
        wasm_memory_t* memory = wasm_extern_as_memory(exports[Mem]);
        Assert.IsTrue(wasm_memory_same(memory, memory));
        // WAMR compares the kind and the memory index only: extern.wasm's memory is memory 0 as well.
        using wasm_extern_vec_t other = Exports(Instantiate("extern"));
        Assert.IsTrue(wasm_memory_same(memory, wasm_extern_as_memory(other[3])));
    }

    [TestMethod]
    [Covers("wasm_memory_same", CoverageKind.Negative)]
    public void SameWithNullIsTrueOnlyForTwoNulls()
    {
        wasm_memory_t* host = HostMemory(1, 1);
        Assert.IsTrue(wasm_memory_same(null, null));
        Assert.IsFalse(wasm_memory_same(host, null));
        Assert.IsFalse(wasm_memory_same(null, host));
        wasm_memory_delete(host);
    }

    [TestMethod]
    [Covers("wasm_memory_get_host_info", CoverageKind.Positive)]
    [Covers("wasm_memory_set_host_info", CoverageKind.Positive)]
    public void HostInfoIsStoredAndReplaced()
    {
        wasm_memory_t* memory = HostMemory(1, 1);
        Assert.IsTrue(wasm_memory_get_host_info(memory) == null);
        int first = 1, second = 2;
        wasm_memory_set_host_info(memory, &first);
        Assert.IsTrue(wasm_memory_get_host_info(memory) == &first);
        wasm_memory_set_host_info(memory, &second);
        Assert.IsTrue(wasm_memory_get_host_info(memory) == &second);
        wasm_memory_delete(memory);
    }

    [TestMethod]
    [Covers("wasm_memory_get_host_info", CoverageKind.Negative)]
    [Covers("wasm_memory_set_host_info", CoverageKind.Negative)]
    public void HostInfoOfNullIsNullAndSettingItIsIgnored()
    {
        int info = 3;
        wasm_memory_set_host_info(null, &info);
        Assert.IsTrue(wasm_memory_get_host_info(null) == null);
    }

    [TestMethod]
    [Covers("wasm_memory_set_host_info_with_finalizer", CoverageKind.Positive)]
    public void FinalizerRunsOnceWhenTheMemoryIsDeleted()
    {
        using wasm_extern_vec_t exports = MemoryExports();
        wasm_memory_t* copy = wasm_memory_copy(wasm_extern_as_memory(exports[Mem]));
        int finalized = 0;
        wasm_memory_set_host_info_with_finalizer(copy, &finalized, CountingFinalizer);
        Assert.IsTrue(wasm_memory_get_host_info(copy) == &finalized);
        Assert.AreEqual(0, finalized);

        wasm_memory_delete(copy);

        Assert.AreEqual(1, finalized);
    }

    [TestMethod]
    [Covers("wasm_memory_set_host_info_with_finalizer", CoverageKind.Negative)]
    public void FinalizerOnNullIsIgnored()
    {
        int finalized = 0;
        wasm_memory_set_host_info_with_finalizer(null, &finalized, CountingFinalizer);
        Assert.AreEqual(0, finalized);
    }

    [TestMethod]
    [Covers("wasm_memory_as_ref", CoverageKind.Positive)]
    [Covers("wasm_ref_as_memory", CoverageKind.Positive)]
    public void AsRefAndBackGiveTheSameMemory()
    {
        using wasm_extern_vec_t exports = MemoryExports();
        wasm_memory_t* memory = wasm_extern_as_memory(exports[Mem]);
        wasm_ref_t* reference = wasm_memory_as_ref(memory);
        Assert.IsTrue(reference != null);

        // WAMR makes a new wasm_memory_t for the reference: the caller deletes it.
        wasm_memory_t* back = wasm_ref_as_memory(reference);
        Assert.IsTrue(back != null && back != memory);
        Assert.IsTrue(wasm_memory_same(back, memory));
        Assert.IsTrue(wasm_memory_data(back) == wasm_memory_data(memory));
        wasm_memory_delete(back);
        wasm_ref_delete(reference);
    }

    [TestMethod]
    [Covers("wasm_memory_as_ref_const", CoverageKind.Positive)]
    [Covers("wasm_ref_as_memory_const", CoverageKind.Positive)]
    public void ConstAsRefAndBackGiveTheSameMemory()
    {
        using wasm_extern_vec_t exports = MemoryExports();
        wasm_memory_t* memory = wasm_extern_as_memory(exports[Mem]);
        wasm_ref_t* reference = wasm_memory_as_ref_const(memory);
        Assert.IsTrue(reference != null);

        wasm_memory_t* back = wasm_ref_as_memory_const(reference);
        Assert.IsTrue(wasm_memory_same(back, memory));
        Assert.AreEqual(1u, wasm_memory_size(back));
        wasm_memory_delete(back);
        wasm_ref_delete(reference);
    }

    [TestMethod]
    [Covers("wasm_memory_as_ref", CoverageKind.Negative)]
    [Covers("wasm_memory_as_ref_const", CoverageKind.Negative)]
    public void AsRefOfNullIsNull()
    {
        Assert.IsTrue(wasm_memory_as_ref(null) == null);
        Assert.IsTrue(wasm_memory_as_ref_const(null) == null);
    }

    [TestMethod]
    [Covers("wasm_ref_as_memory", CoverageKind.Negative)]
    [Covers("wasm_ref_as_memory_const", CoverageKind.Negative)]
    public void RefAsMemoryOfNullOfAnotherKindOrOfAHostMemoryIsNull()
    {
        Assert.IsTrue(wasm_ref_as_memory(null) == null);
        Assert.IsTrue(wasm_ref_as_memory_const(null) == null);

        wasm_ref_t* foreign = wasm_foreign_as_ref(wasm_foreign_new(Store));
        Assert.IsTrue(wasm_ref_as_memory(foreign) == null);
        Assert.IsTrue(wasm_ref_as_memory_const(foreign) == null);
        wasm_ref_delete(foreign);

        // WAMR rebuilds the memory from its instance: a host memory has none.
        wasm_memory_t* host = HostMemory(1, 1);
        wasm_ref_t* hostRef = wasm_memory_as_ref(host);
        Assert.IsTrue(hostRef != null);
        Assert.IsTrue(wasm_ref_as_memory(hostRef) == null);
        Assert.IsTrue(wasm_ref_as_memory_const(hostRef) == null);
        wasm_ref_delete(hostRef);
        wasm_memory_delete(host);
    }
}
