using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary><see cref="Engine"/>: lifetime, reference counting over WAMR's singleton, and what a store keeps alive.</summary>
[TestClass]
public sealed class EngineTests
{
    [TestMethod]
    public void EngineDisposesOnceAndRefusesNewStoresAfterwards()
    {
        var engine = new Engine();
        Assert.IsFalse(engine.IsDisposed);
        Assert.AreEqual(MemoryAllocatorKind.System, engine.Config.Allocator);
        engine.Dispose();
        engine.Dispose();
        Assert.IsTrue(engine.IsDisposed);
        Assert.ThrowsExactly<ObjectDisposedException>(() => new Store(engine));
        Assert.ThrowsExactly<ObjectDisposedException>(() => _ = engine.PoolStatistics);
        StringAssert.Contains(engine.ToString(), "disposed");
    }

    [TestMethod]
    public void AStoreKeepsTheRuntimeAliveAfterItsEngineIsDisposed()
    {
        var engine = new Engine();
        var store = new Store(engine);
        engine.Dispose();
        // The engine object is gone, WAMR's runtime is not: the store holds its own reference.
        Module module = Module.FromBytes(store, System.IO.File.ReadAllBytes(
            System.IO.Path.Combine(AppContext.BaseDirectory, "Facade", "Modules", "arith.wasm")));
        var instance = new Instance(store, module);
        Assert.AreEqual(5, instance.GetFunction<int, int, int>("add")!(2, 3));
        store.Dispose();
    }

    [TestMethod]
    public void TwoEnginesShareTheSingletonAndReleaseIndependently()
    {
        var first = new Engine();
        var second = new Engine();
        first.Dispose();
        using (var store = new Store(second))
        {
            Assert.AreSame(second, store.Engine);
        }

        second.Dispose();
    }

    [TestMethod]
    public void NullConfigIsRejected() => Assert.ThrowsExactly<ArgumentNullException>(() => new Engine(null!));

    [TestMethod]
    public void ReportsWamrsVersion() => Assert.AreEqual(new Version(1, 1, 2), Engine.WamrVersion);

    [TestMethod]
    public void ANonDefaultConfigIsRefusedWhileTheRuntimeExists()
    {
        using var engine = new Engine();
        InvalidOperationException e = Assert.ThrowsExactly<InvalidOperationException>(
            () => new Engine(new Config().WithPool(4 * 1024 * 1024)));
        StringAssert.Contains(e.Message, "singleton");
        Assert.IsNull(engine.PoolStatistics);
    }

    [TestMethod]
    public void TheEngineKeepsTheConfigurationItWasCreatedWith()
    {
        var config = new Config();
        using var engine = new Engine(config);
        config.WithPool(1 << 20);
        // The engine runs on the system allocator; changing the caller's object afterwards does not change that.
        Assert.AreEqual(MemoryAllocatorKind.System, engine.Config.Allocator);
        Assert.AreEqual("Engine (system allocator)", engine.ToString());
        Assert.AreNotSame(config, engine.Config);
        Assert.IsNull(engine.PoolStatistics);
    }
}
