using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>
/// 10,000 traps and 10,000 host-callback exceptions in one process: no crash, and flat memory. The engine allocates
/// from a pool, so WAMR's native memory is measured exactly; managed memory is measured after full collections.
/// </summary>
[TestClass]
public sealed class StressTests
{
    private const int Rounds = 10_000;

    [TestMethod]
    public void TenThousandTrapsAndHostExceptionsLeaveMemoryFlat()
    {
        Store.ReleaseOrphanedStores();
        using var engine = new Engine(new Config().WithPool(16 * 1024 * 1024));
        using var store = new Store(engine);
        string modules = System.IO.Path.Combine(AppContext.BaseDirectory, "Facade", "Modules");
        Instance traps = new(store, Module.FromFile(store, System.IO.Path.Combine(modules, "trap.wasm")));
        var failure = new InvalidOperationException("callback failed");
        Instance hosts = new Linker()
            .Define("env", "add", Func.FromCallback(store, (int a, int b) => a + b))
            .Define("env", "scale", Func.FromCallback(store, (double x) => x))
            .Define("env", "record", Func.FromCallback(store, (long x) => { }))
            .Define("env", "fail", Func.FromCallback(store, () => throw failure))
            .Define("env", "reenter", Func.FromCallback(store, (int x) => x))
            .Instantiate(store, Module.FromFile(store, System.IO.Path.Combine(modules, "host.wasm")));
        Action outer = traps.GetAction("outer")!;
        Action fail = hosts.GetAction("call_fail")!;

        void Run(int count)
        {
            for (int i = 0; i < count; i++)
            {
                TrapException trap = Assert.ThrowsExactly<TrapException>(outer);
                Assert.AreEqual(3, trap.Frames.Count);
                TrapException host = Assert.ThrowsExactly<TrapException>(fail);
                Assert.AreSame(failure, host.InnerException);
            }
        }

        Run(500);
        uint nativeBefore = engine.PoolStatistics!.Value.UsedSize;
        long managedBefore = GC.GetTotalMemory(forceFullCollection: true);

        Run(Rounds);

        uint nativeAfter = engine.PoolStatistics!.Value.UsedSize;
        long managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        Assert.AreEqual(nativeBefore, nativeAfter, "WAMR's pool usage after 20,000 traps");
        Assert.IsTrue(managedAfter - managedBefore < 512 * 1024, $"managed memory grew by {managedAfter - managedBefore} bytes");
        Assert.AreEqual(7, hosts.GetFunction<int, int, int>("call_add")!(3, 4), "the instance still works");
    }
}
