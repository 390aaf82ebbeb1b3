using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary><see cref="Store"/>: disposal, the one-thread-at-a-time model, async hops and deferred release.</summary>
[TestClass]
public sealed class StoreTests : FacadeTest
{
    [TestMethod]
    public void DisposedStoreRefusesEverythingWithObjectDisposedException()
    {
        var store = new Store(Engine);
        Module module = Module.FromFile(store, ModulePath("memory"));
        var instance = new Instance(store, module);
        Func load = instance.GetFunction("load")!;
        Memory memory = instance.GetMemory("mem")!;
        Func<int, int> typed = instance.GetFunction<int, int>("load")!;
        store.Dispose();
        store.Dispose();
        Assert.IsTrue(store.IsDisposed);
        Assert.IsTrue(module.IsDisposed);
        Assert.IsTrue(instance.IsDisposed);
        Assert.IsTrue(load.IsDisposed);
        Assert.ThrowsExactly<ObjectDisposedException>(() => Module.FromFile(store, ModulePath("memory")));
        Assert.ThrowsExactly<ObjectDisposedException>(() => load.Call(0));
        Assert.ThrowsExactly<ObjectDisposedException>(() => typed(0));
        Assert.ThrowsExactly<ObjectDisposedException>(() => _ = memory.Length);
        Assert.ThrowsExactly<ObjectDisposedException>(() => instance.GetExport("mem"));
        Assert.ThrowsExactly<ObjectDisposedException>(() => new Instance(store, module));
        Assert.ThrowsExactly<ObjectDisposedException>(() => Func.FromCallback(store, () => { }));
        StringAssert.Contains(store.ToString(), "disposed");
    }

    [TestMethod]
    public void StoreMayBeUsedByAnotherThreadWhenIdle()
    {
        Func<int, int, int> add = Instantiate("arith").GetFunction<int, int, int>("add")!;
        int fromPool = Task.Run(() => add(20, 22)).Result;
        var thread = new Thread(() => Assert.AreEqual(3, add(1, 2)));
        thread.Start();
        thread.Join();
        Assert.AreEqual(42, fromPool);
        Assert.AreEqual(Environment.CurrentManagedThreadId, Store.CreatorThreadId);
    }

    [TestMethod]
    public void ManyShortLivedThreadsCallInOneAfterAnother()
    {
        // Each thread gets WAMR's thread environment and has it destroyed when it ends (with hardware bounds checks a
        // thread ending with it set left guard pages behind in a stack the next thread reused).
        Func<int, int, int> add = Instantiate("arith").GetFunction<int, int, int>("add")!;
        int sum = 0;
        for (int i = 0; i < 64; i++)
        {
            var thread = new Thread(() =>
            {
                sum = add(sum, 1);
                using var own = new Store(Engine);
                _ = new Instance(own, Module.FromFile(own, ModulePath("arith")));
            });
            thread.Start();
            thread.Join();
        }

        Assert.AreEqual(64, sum);
    }

    [TestMethod]
    public async Task CallsContinueAfterAwaitOnAnotherThread()
    {
        Instance instance = Instantiate("arith");
        Func<int, int, int> add = instance.GetFunction<int, int, int>("add")!;
        Func bump = instance.GetFunction("bump")!;
        int sum = 0;
        for (int i = 0; i < 20; i++)
        {
            await Task.Yield();
            sum = add(sum, 1);
            bump.Call(1);
            await Task.Delay(1);
        }

        Assert.AreEqual(20, sum);
        Assert.AreEqual(20, instance.GetFunction<int>("count")!());
    }

    [TestMethod]
    public void ConcurrentUseFromAnotherThreadThrowsInvalidOperationException()
    {
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var linker = new Linker();
        Exception? fromOtherThread = null;
        Func<int, int>? doubleIt = null;
        Func host = Func.FromCallback(Store, (int a, int b) =>
        {
            inside.Set();
            release.Wait();
            return a + b;
        });
        linker.Define("env", "add", host)
            .Define("env", "scale", Func.FromCallback(Store, (double x) => x))
            .Define("env", "record", Func.FromCallback(Store, (long x) => { }))
            .Define("env", "fail", Func.FromCallback(Store, () => { }))
            .Define("env", "reenter", Func.FromCallback(Store, (int x) => x));
        Instance instance = linker.Instantiate(Store, Load("host"));
        doubleIt = instance.GetFunction<int, int>("double")!;
        Func<int, int, int> callAdd = instance.GetFunction<int, int, int>("call_add")!;

        var caller = new Thread(() => Assert.AreEqual(5, callAdd(2, 3)));
        caller.Start();
        inside.Wait();
        try
        {
            // The caller thread is inside the store (blocked in the host function): any use from here is refused.
            fromOtherThread = Assert.ThrowsExactly<InvalidOperationException>(() => doubleIt(4));
            Assert.ThrowsExactly<InvalidOperationException>(() => Store.Dispose());
            Assert.ThrowsExactly<InvalidOperationException>(() => Module.FromFile(Store, ModulePath("arith")));
        }
        finally
        {
            release.Set();
            caller.Join();
        }

        StringAssert.Contains(fromOtherThread!.Message, "one thread at a time");
        Assert.AreEqual(8, doubleIt(4));
    }

    [TestMethod]
    public async Task AStoreMayBeDisposedOnAnotherThread()
    {
        var store = new Store(Engine);
        var instance = new Instance(store, Module.FromFile(store, ModulePath("arith")));
        await Task.Run(() =>
        {
            Assert.AreEqual(3, instance.GetFunction<int, int, int>("add")!(1, 2));
            store.Dispose();
        });
        Assert.IsTrue(store.IsDisposed);
        // The creating thread keeps working with other stores.
        Assert.AreEqual(42, Instantiate("arith").GetFunction<int>("answer")!());
    }

    [TestMethod]
    public void DisposingTheStoreFromItsOwnHostFunctionIsRefused()
    {
        Store? store = Store;
        Func dispose = Func.FromCallback(Store, () => store.Dispose());
        TrapException trap = Assert.ThrowsExactly<TrapException>(() => dispose.Call());
        Assert.IsInstanceOfType<InvalidOperationException>(trap.InnerException);
        Assert.IsFalse(Store.IsDisposed);
    }

    [TestMethod]
    public void AForgottenStoreIsReleasedOnItsCreatingThreadNotByTheFinalizer()
    {
        Store.ReleaseOrphanedStores();
        int pendingBefore = Store.PendingReleaseCount;
        WeakReference callback = null!;
        using var created = new ManualResetEventSlim();
        using var releaseNow = new ManualResetEventSlim();
        int releasedOnOwner = -1;
        var owner = new Thread(() =>
        {
            callback = CreateAndForgetStore(Engine);
            created.Set();
            releaseNow.Wait();
            releasedOnOwner = Store.ReleaseOrphanedStores();
        });
        owner.Start();
        created.Wait();

        WaitForFinalizedStores(pendingBefore + 1);
        // Still queued: this thread did not create it and its creator is alive.
        Assert.AreEqual(0, Store.ReleaseOrphanedStores());
        Assert.AreEqual(pendingBefore + 1, Store.PendingReleaseCount);
        Assert.IsTrue(callback.IsAlive, "the host function's callback lives until the store is deleted");

        releaseNow.Set();
        owner.Join();
        Assert.AreEqual(1, releasedOnOwner);
        Assert.AreEqual(pendingBefore, Store.PendingReleaseCount);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.IsFalse(callback.IsAlive, "deleting the store ran WAMR's finalizer, which freed the callback's GCHandle");
    }

    [TestMethod]
    public void AForgottenStoreOfAnEndedThreadIsReleasedByTheNextThread()
    {
        Store.ReleaseOrphanedStores();
        int pendingBefore = Store.PendingReleaseCount;
        var owner = new Thread(() => CreateAndForgetStore(Engine));
        owner.Start();
        owner.Join();
        WaitForFinalizedStores(pendingBefore + 1);
        // Creating a store is one of the points where queued stores are deleted.
        using (new Store(Engine))
        {
        }

        Assert.AreEqual(pendingBefore, Store.PendingReleaseCount);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CreateAndForgetStore(Engine engine)
    {
        var store = new Store(engine);
        int increment = 1;
        Func<int, int> callback = x => x + increment; // captures: a new delegate, not a cached static one
        Func host = Func.FromCallback(store, callback);
        var linker = new Linker();
        Assert.AreEqual(2, host.AsFunc<int, int>()(1));
        _ = new Instance(store, Module.FromFile(store, ModulePath("arith")));
        return new WeakReference(callback);
    }

    private static void WaitForFinalizedStores(int expected)
    {
        for (int i = 0; i < 50 && Store.PendingReleaseCount < expected; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.AreEqual(expected, Store.PendingReleaseCount, "the finalizer queued the forgotten store");
    }

    [TestMethod]
    public void ANullEngineIsRefused() =>
        Assert.AreEqual("engine", Assert.ThrowsExactly<ArgumentNullException>(() => new Store(null!)).ParamName);

    [TestMethod]
    public void TwoThreadsRacingForOneStoreNeverRunInsideItTogether()
    {
        // Two threads call into one store as fast as they can through the typed fast path (claimed with an inlined
        // compare-exchange) and the untyped path. A host callback counts who is inside: a broken claim lets both threads
        // in at once. Every call either returns its true result or is refused with InvalidOperationException.
        int inside = 0;
        int overlaps = 0;
        var linker = new Linker();
        linker.Define("env", "add", Func.FromCallback(Store, (int a, int b) =>
            {
                if (Interlocked.Increment(ref inside) != 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                Thread.SpinWait(20);
                Interlocked.Decrement(ref inside);
                return a + b;
            }))
            .Define("env", "scale", Func.FromCallback(Store, (double x) => x))
            .Define("env", "record", Func.FromCallback(Store, (long x) => { }))
            .Define("env", "fail", Func.FromCallback(Store, () => { }))
            .Define("env", "reenter", Func.FromCallback(Store, (int x) => x));
        Instance instance = linker.Instantiate(Store, Load("host"));
        Func<int, int, int> callAdd = instance.GetFunction<int, int, int>("call_add")!;
        Func<int, int> doubleIt = instance.GetFunction<int, int>("double")!;
        Func untyped = instance.GetFunction("call_add")!;
        int[] completed = new int[2];
        int[] refused = new int[2];
        Exception? unexpected = null;
        using var start = new Barrier(2);
        var clock = Stopwatch.StartNew();
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.Length; t++)
        {
            int me = t;
            threads[t] = new Thread(() =>
            {
                start.SignalAndWait();
                int i = 0;
                while (clock.ElapsedMilliseconds < 400 && unexpected is null)
                {
                    i++;
                    try
                    {
                        int result = (i % 3) switch
                        {
                            0 => callAdd(i, me),
                            1 => doubleIt(i) - i,
                            _ => untyped.Call(Val.I32(i), Val.I32(me))[0].AsI32(),
                        };
                        if (result != i + me && !(i % 3 == 1 && result == i))
                        {
                            throw new InvalidOperationException($"thread {me}: call {i} returned {result}");
                        }

                        completed[me]++;
                    }
                    catch (InvalidOperationException refusal) when (refusal.Message.Contains("one thread at a time", StringComparison.Ordinal))
                    {
                        refused[me]++;
                    }
                    catch (Exception other)
                    {
                        unexpected = other;
                    }
                }
            });
            threads[t].Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Assert.IsNull(unexpected, unexpected?.ToString());
        Assert.AreEqual(0, overlaps, "two threads were inside the store at once");
        Assert.IsGreaterThan(0, completed[0]);
        Assert.IsGreaterThan(0, completed[1]);
        Console.WriteLine($"completed {completed[0]} + {completed[1]}, refused {refused[0]} + {refused[1]}");

        // Afterwards the store is idle and usable from this thread.
        Assert.AreEqual(7, callAdd(3, 4));
        Assert.AreEqual(8, doubleIt(4));
    }

    [TestMethod]
    public void EverythingThatEntersTheStoreIsRefusedWhileAnotherThreadIsInside()
    {
        Instance memoryInstance = Instantiate("memory");
        Memory memory = memoryInstance.GetMemory("mem")!;
        Table table = Instantiate("table").GetTable("funcs")!;
        Global global = Global.Create(Store, new GlobalType(ValType.I32, Mutability.Var), Val.I32(1));
        Module module = Load("arith");
        Func plain = Func.FromCallback(Store, (int a) => a);
        byte[] bytes = ModuleBytes("arith");
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        Func blocking = Func.FromCallback(Store, () =>
        {
            inside.Set();
            release.Wait();
        });
        var caller = new Thread(() => blocking.Call());
        caller.Start();
        inside.Wait();
        try
        {
            Action[] refused =
            [
                () => _ = memory.Length,
                () => _ = memory.PageCount,
                () => memory.Read<int>(0),
                () => memory.Write(0, 1),
                () => memory.GetSpan(),
                () => memory.ReadString(16, 5),
                () => _ = table.Size,
                () => table.Get(0),
                () => table.Set(2, Val.FuncRef(null)),
                () => global.GetValue(),
                () => global.SetValue(2),
                () => plain.Call(1),
                () => plain.AsFunc<int, int>()(1),
                () => Global.Create(Store, new GlobalType(ValType.I32, Mutability.Const), Val.I32(1)),
                () => Func.FromCallback(Store, () => { }),
                () => Foreign.For(Store, "x"),
                () => Module.FromBytes(Store, bytes),
                () => Module.Validate(Store, bytes),
                () => module.Share(),
                () => new Instance(Store, module),
            ];
            for (int i = 0; i < refused.Length; i++)
            {
                InvalidOperationException e = Assert.ThrowsExactly<InvalidOperationException>(refused[i], $"call {i}");
                StringAssert.Contains(e.Message, "one thread at a time");
            }
        }
        finally
        {
            release.Set();
            caller.Join();
        }

        // Once the other thread has left, the same calls work from here.
        Assert.AreEqual(1, global.GetValue<int>());
        Assert.AreEqual("hello", memory.ReadString(16, 5));
        Assert.AreEqual(4u, table.Size);
        Assert.AreEqual(42, new Instance(Store, module).GetFunction<int>("answer")!());
    }

    [TestMethod]
    public async Task MemoryGlobalsAndTablesWorkAcrossAwaitHops()
    {
        Instance instance = Instantiate("memory");
        Memory memory = instance.GetMemory("mem")!;
        Table table = Instantiate("table").GetTable("funcs")!;
        Global global = Global.Create(Store, new GlobalType(ValType.I64, Mutability.Var), Val.I64(0));
        for (int i = 0; i < 10; i++)
        {
            await Task.Yield();
            memory.Write(64, memory.Read<int>(64) + 1);
            global.SetValue(global.GetValue<long>() + 1);
            await Task.Run(() => table.Set(2, table.Get((uint)(i % 2))));
        }

        Assert.AreEqual(10, instance.GetFunction<int, int>("load")!(64));
        Assert.AreEqual(10L, global.GetValue<long>());
        Assert.AreEqual(table.Get(1), table.Get(2));
    }
}
