using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;
using Wamr.Tests.Interop.Safety;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// <c>wasm_engine_*</c>: the engine is a refcounted process singleton. The first <c>wasm_engine_new*</c> initializes
/// WAMR's runtime with its allocator options; later ones return the same engine and ignore theirs; the last
/// <c>wasm_engine_delete</c> tears the runtime down. These tests need that no other engine is alive.
/// </summary>
[TestClass]
public sealed unsafe class EngineTests
{
    private static int s_mallocs;
    private static int s_frees;

    [TestMethod]
    [Covers("wasm_engine_new", CoverageKind.Positive)]
    public void NewStartsTheRuntimeAndGivesAWorkingEngine()
    {
        RuntimeState.AssertNoEngine();
        wasm_engine_t* engine = wasm_engine_new();
        Assert.IsTrue(engine != null);
        Assert.IsTrue(RuntimeState.IsUp());
        wasm_store_t* store = wasm_store_new(engine);
        Assert.IsTrue(store != null);
        wasm_store_delete(store);
        wasm_engine_delete(engine);
        Assert.IsFalse(RuntimeState.IsUp());
    }

    [TestMethod]
    [Covers("wasm_engine_new", CoverageKind.Negative)]
    public void NewAgainIsNotASecondEngine()
    {
        wasm_engine_t* first = wasm_engine_new();
        wasm_engine_t* second = wasm_engine_new();
        Assert.IsTrue(first == second, "one engine per process, counted");
        wasm_engine_delete(second);
        Assert.IsTrue(RuntimeState.IsUp(), "one reference left");
        wasm_engine_delete(first);
    }

    [TestMethod]
    [Covers("wasm_engine_new_with_config", CoverageKind.Positive)]
    public void NewWithConfigIsTheSameSingleton()
    {
        wasm_engine_t* plain = wasm_engine_new();
        wasm_engine_t* configured = wasm_engine_new_with_config(wasm_config_new());
        Assert.IsTrue(configured != null && configured == plain);
        wasm_engine_delete(configured);
        wasm_engine_delete(plain);
    }

    [TestMethod]
    [Covers("wasm_engine_new_with_config", CoverageKind.Negative)]
    public void NewWithConfigIgnoresItsConfig()
    {
        Assert.AreEqual("non-NULL", NullProbe.AssertNullIsSafe("wasm_engine_new_with_config", "arg0"));
        Assert.AreEqual("the existing engine", NullProbe.AssertOddIsSafe("wasm_engine_new_with_config", "a config WAMR never made"));
        wasm_engine_t* engine = wasm_engine_new();
        void* notAConfig = NativeMemory.AllocZeroed(64);
        try
        {
            wasm_engine_t* fromNull = wasm_engine_new_with_config(null);
            wasm_engine_t* fromGarbage = wasm_engine_new_with_config((wasm_config_t*)notAConfig);
            Assert.IsTrue(fromNull == engine && fromGarbage == engine);
            wasm_engine_delete(fromGarbage);
            wasm_engine_delete(fromNull);
        }
        finally
        {
            wasm_engine_delete(engine);
            NativeMemory.Free(notAConfig);
        }
    }

    [TestMethod]
    [Covers("wasm_engine_new_with_args", CoverageKind.Positive)]
    public void NewWithArgsUsesTheGivenAllocator()
    {
        RuntimeState.AssertNoEngine();

        // The system allocator, as wasm_engine_new uses it.
        wasm_engine_t* engine = wasm_engine_new_with_args(mem_alloc_type_t.Alloc_With_System_Allocator, null);
        Assert.IsTrue(engine != null);
        wasm_engine_delete(engine);

        // A pool: WAMR allocates its objects inside the caller's buffer.
        const uint poolSize = 4 << 20;
        byte* pool = (byte*)NativeMemory.AllocZeroed(poolSize);
        try
        {
            MemAllocOption options = default;
            options.pool.heap_buf = pool;
            options.pool.heap_size = poolSize;
            engine = wasm_engine_new_with_args(mem_alloc_type_t.Alloc_With_Pool, &options);
            Assert.IsTrue(engine != null);
            wasm_valtype_t* type = wasm_valtype_new(WASM_I32);
            Assert.IsTrue((byte*)type >= pool && (byte*)type < pool + poolSize, "the value type lives in the pool");
            wasm_valtype_delete(type);
            wasm_engine_delete(engine);
        }
        finally
        {
            NativeMemory.Free(pool);
        }

        // The caller's allocator functions.
        s_mallocs = s_frees = 0;
        MemAllocOption allocator = default;
        allocator.allocator.malloc_func = (delegate* unmanaged[Cdecl]<uint, void*>)&CountingMalloc;
        allocator.allocator.realloc_func = (delegate* unmanaged[Cdecl]<void*, uint, void*>)&CountingRealloc;
        allocator.allocator.free_func = (delegate* unmanaged[Cdecl]<void*, void>)&CountingFree;
        engine = wasm_engine_new_with_args(mem_alloc_type_t.Alloc_With_Allocator, &allocator);
        Assert.IsTrue(engine != null);
        int before = Volatile.Read(ref s_mallocs);
        wasm_valtype_delete(wasm_valtype_new(WASM_F32));
        Assert.AreEqual(before + 1, Volatile.Read(ref s_mallocs), "the value type came from the caller's malloc");
        wasm_engine_delete(engine);
        Assert.IsGreaterThan(0, Volatile.Read(ref s_frees));
        Assert.IsFalse(RuntimeState.IsUp());
    }

    [TestMethod]
    [Covers("wasm_engine_new_with_args", CoverageKind.Negative)]
    public void NewWithArgsRefusesAPoolWithoutOptionsAndIgnoresOptionsOnceAnEngineExists()
    {
        Assert.AreEqual("NULL", NullProbe.AssertOddIsSafe("wasm_engine_new_with_args", "Alloc_With_Pool without options, no engine"));
        Assert.AreEqual("the existing engine", NullProbe.AssertOddIsSafe("wasm_engine_new_with_args", "Alloc_With_Pool without options, an engine alive"));
        RuntimeState.AssertNoEngine();
        Assert.IsTrue(wasm_engine_new_with_args(mem_alloc_type_t.Alloc_With_Pool, null) == null);
        Assert.IsTrue(wasm_engine_new_with_args(mem_alloc_type_t.Alloc_With_Allocator, null) == null);
        Assert.IsFalse(RuntimeState.IsUp(), "a refused engine leaves no runtime behind");

        wasm_engine_t* engine = wasm_engine_new();
        wasm_engine_t* again = wasm_engine_new_with_args(mem_alloc_type_t.Alloc_With_Pool, null);
        Assert.IsTrue(again == engine, "while an engine exists, the arguments are not even read");
        wasm_engine_delete(again);
        wasm_engine_delete(engine);
    }

    [TestMethod]
    [Covers("wasm_engine_delete", CoverageKind.Positive)]
    public void DeleteOfTheLastReferenceTearsTheRuntimeDown()
    {
        RuntimeState.AssertNoEngine();
        wasm_engine_t* engine = wasm_engine_new();
        wasm_engine_t* second = wasm_engine_new();
        wasm_engine_delete(second);
        Assert.IsTrue(RuntimeState.IsUp(), "one reference is left");
        wasm_engine_delete(engine);
        Assert.IsFalse(RuntimeState.IsUp(), "the runtime is gone with the last reference");
        Assert.IsTrue(wasm_valtype_new(WASM_I32) == null, "and nothing can be allocated any more");
    }

    [TestMethod]
    [Covers("wasm_engine_delete", CoverageKind.Negative)]
    public void DeleteOfNullOrOfNoEngineDoesNothing()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_engine_delete", "arg0"));
        NullProbe.AssertOddIsSafe("wasm_engine_delete", "deleted once more than made");
        wasm_engine_delete(null);

        RuntimeState.AssertNoEngine();
        wasm_engine_t* engine = wasm_engine_new();
        wasm_engine_delete(engine);
        wasm_engine_delete(engine); // the singleton is gone: WAMR returns at once
        Assert.IsFalse(RuntimeState.IsUp());
        engine = wasm_engine_new();
        Assert.IsTrue(engine != null && RuntimeState.IsUp(), "a later engine starts afresh");
        wasm_engine_delete(engine);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void* CountingMalloc(uint size)
    {
        Interlocked.Increment(ref s_mallocs);
        return NativeMemory.Alloc(size);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void* CountingRealloc(void* block, uint size) => NativeMemory.Realloc(block, size);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void CountingFree(void* block)
    {
        Interlocked.Increment(ref s_frees);
        NativeMemory.Free(block);
    }
}
