using System;
using System.Runtime.InteropServices;
using System.Threading;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>
/// <see cref="Config"/>: WAMR's allocator options, which apply only while no engine exists (each test here creates
/// the runtime itself; no other test keeps an engine between tests).
/// </summary>
[TestClass]
public sealed unsafe class ConfigTests
{
    // sizeof(wasm_module_ex_t) on 64-bit targets, which WAMR 1.1.2 leaks once per module load.
    private const uint WamrModuleLeak = 72;

    private static long s_mallocs;
    private static long s_frees;

    [TestMethod]
    public void ConfigValidatesItsOptions()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Config().WithPool(1024));
        Assert.ThrowsExactly<ArgumentException>(() => new Config().WithAllocator(0, 1, 1));
        Config config = new Config().WithPool(1 << 20);
        Assert.AreEqual(MemoryAllocatorKind.Pool, config.Allocator);
        Assert.AreEqual(1u << 20, config.PoolSize);
        Assert.AreEqual("pool of 1048576 bytes", config.ToString());
        Assert.AreEqual(MemoryAllocatorKind.System, config.WithSystemAllocator().Allocator);
        Assert.AreEqual("custom allocator", new Config().WithAllocator(1, 2, 3).ToString());
    }

    [TestMethod]
    public void APoolEngineAllocatesEverythingFromThePoolAndGivesItBack()
    {
        Store.ReleaseOrphanedStores();
        using var engine = new Engine(new Config().WithPool(8 * 1024 * 1024));
        PoolStatistics before = engine.PoolStatistics!.Value;
        Assert.IsTrue(before.TotalSize > 7 * 1024 * 1024 && before.TotalSize <= 8 * 1024 * 1024, before.ToString());

        uint afterFirstRound = 0;
        for (int round = 0; round < 5; round++)
        {
            using var store = new Store(engine);
            var instance = new Instance(store, Module.FromFile(store, ModulePath("arith")));
            Assert.AreEqual(7, instance.GetFunction<int, int, int>("add")!(3, 4));
            Assert.IsTrue(engine.PoolStatistics!.Value.UsedSize > before.UsedSize + 1000, "a store, module and instance live in the pool");
            store.Dispose();
            if (round == 0)
            {
                afterFirstRound = engine.PoolStatistics!.Value.UsedSize;
            }
        }

        // What a store held went back to the pool, except WAMR 1.1.2's own leak: wasm_module_delete_internal never frees
        // the 72-byte wasm_module_ex_t of a loaded module (measured with a C program doing the same: 72 bytes a round).
        uint perRound = (engine.PoolStatistics!.Value.UsedSize - afterFirstRound) / 4;
        Assert.IsTrue(perRound <= WamrModuleLeak, $"the pool grows {perRound} bytes a round; before {before}, after {engine.PoolStatistics}");
        Assert.IsTrue(afterFirstRound - before.UsedSize <= WamrModuleLeak, $"before {before}, after the first round {afterFirstRound}");
    }

    [TestMethod]
    public void ACustomAllocatorReceivesWamrsAllocations()
    {
        Store.ReleaseOrphanedStores();
        long mallocsBefore = Interlocked.Read(ref s_mallocs);
        var config = new Config().WithAllocator(
            (nint)(delegate* unmanaged<uint, void*>)&Malloc,
            (nint)(delegate* unmanaged<void*, uint, void*>)&Realloc,
            (nint)(delegate* unmanaged<void*, void>)&Free);
        using (var engine = new Engine(config))
        {
            using var store = new Store(engine);
            var instance = new Instance(store, Module.FromFile(store, ModulePath("arith")));
            Assert.AreEqual(42, instance.GetFunction<int>("answer")!());
        }

        Assert.IsTrue(Interlocked.Read(ref s_mallocs) > mallocsBefore + 10, "WAMR allocated through the configured functions");
        Assert.IsTrue(Interlocked.Read(ref s_frees) > 0);
    }

    [TestMethod]
    public void ConfigKeepsTheAllocatorFunctionsAndRefusesAnyZeroPointer()
    {
        Config custom = new Config().WithAllocator(11, 22, 33);
        Assert.AreEqual(MemoryAllocatorKind.Custom, custom.Allocator);
        Assert.AreEqual((nint)11, custom.MallocFunction);
        Assert.AreEqual((nint)22, custom.ReallocFunction);
        Assert.AreEqual((nint)33, custom.FreeFunction);
        Assert.AreEqual(0u, custom.PoolSize);
        Config system = custom.WithSystemAllocator();
        Assert.AreSame(custom, system, "the With methods return the same config");
        Assert.AreEqual((nint)0, system.MallocFunction);
        Assert.AreEqual("system allocator", system.ToString());
        Assert.AreEqual(64u * 1024, new Config().WithPool(64 * 1024).PoolSize, "64 KiB is the smallest pool");
        Assert.AreEqual("sizeInBytes", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Config().WithPool((64 * 1024) - 1)).ParamName);
        Assert.ThrowsExactly<ArgumentException>(() => new Config().WithAllocator(1, 0, 1));
        Assert.ThrowsExactly<ArgumentException>(() => new Config().WithAllocator(1, 1, 0));
    }

    [TestMethod]
    public void PoolStatisticsAreValues()
    {
        var statistics = new PoolStatistics(100, 30, 80);
        Assert.AreEqual(100u, statistics.TotalSize);
        Assert.AreEqual(30u, statistics.FreeSize);
        Assert.AreEqual(80u, statistics.HighMark);
        Assert.AreEqual(70u, statistics.UsedSize);
        Assert.AreEqual(new PoolStatistics(100, 30, 80), statistics);
        Assert.IsTrue(statistics != new PoolStatistics(100, 31, 80));
        PoolStatistics changed = statistics with { TotalSize = 200, FreeSize = 50, HighMark = 90 };
        Assert.AreEqual(150u, changed.UsedSize);
        Assert.AreEqual(90u, changed.HighMark);
    }

    private static string ModulePath(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Facade", "Modules", name + ".wasm");

    [UnmanagedCallersOnly]
    private static void* Malloc(uint size)
    {
        Interlocked.Increment(ref s_mallocs);
        return NativeMemory.Alloc(size);
    }

    [UnmanagedCallersOnly]
    private static void* Realloc(void* pointer, uint size) => NativeMemory.Realloc(pointer, size);

    [UnmanagedCallersOnly]
    private static void Free(void* pointer)
    {
        Interlocked.Increment(ref s_frees);
        NativeMemory.Free(pointer);
    }
}
