using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>
/// Interruption through the façade: <see cref="Store.Interrupt"/>, the timeout and CancellationToken overloads of
/// <see cref="Func.Call(TimeSpan, Val[])"/>, the store's scopes (<see cref="Store.InterruptAfter"/>,
/// <see cref="Store.InterruptWhen"/>) over typed delegates, nested calls through host functions and other instances,
/// what the instance is afterwards, and that no interrupt ever reaches a later call. The loops of <c>loops.wat</c> run
/// for tens of seconds at most, so a broken interrupt fails a test instead of hanging it.
/// </summary>
[TestClass]
public sealed class InterruptTests : FacadeTest
{
    private const int Forever = -1;

    /// <summary>How late a stop may come after the request (the issue's bound).</summary>
    private const double MaxLatencyMs = 10;

    private Func<int, int> _hostCallback = x => x;

    [TestMethod]
    public void InterruptStopsARunawayLoopWithin10Milliseconds()
    {
        Instance instance = InstantiateLoops();
        Func<int, int> count = instance.GetFunction<int, int>("count")!;

        // The first interrupt of the process also pays for JIT compilation and .NET's first exception: warm up, then take
        // the median of five (this machine kind is shared; a single sample can lose its core for a time slice).
        StopOnce(count);
        double[] latencies = new double[5];
        CallInterruptedException? interrupted = null;
        for (int i = 0; i < latencies.Length; i++)
        {
            (latencies[i], interrupted) = StopOnce(count);
        }

        Array.Sort(latencies);
        double median = latencies[latencies.Length / 2];
        Console.WriteLine($"stopped {median:F3} ms after the request (median; all: {string.Join(", ", latencies.Select(l => l.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))})");
        Assert.IsLessThan(MaxLatencyMs, median, $"stopped {median:F3} ms after the request (median)");
        Assert.AreEqual(InterruptReason.Interrupt, interrupted!.Reason);
        Assert.IsInstanceOfType<TrapException>(interrupted);
        Assert.AreEqual("interrupted: Store.Interrupt() stopped the call", interrupted.TrapMessage);
        Assert.IsNull(interrupted.InnerException);
        Assert.IsNotEmpty(interrupted.Frames, "WAMR's frames of the abandoned call");
        Assert.AreEqual("count", interrupted.Frames[0].FunctionName);
    }

    [TestMethod]
    public void TheInstanceIsUsableAfterAnInterrupt()
    {
        Instance instance = InstantiateLoops();
        Func<int, int> count = instance.GetFunction<int, int>("count")!;
        Func<int> iterations = instance.GetFunction<int>("iterations")!;
        InterruptSoon(Store, 30);
        Assert.ThrowsExactly<CallInterruptedException>(() => count(Forever));

        // What the loop wrote before it was stopped stays (as after a trap); calls run normally again.
        Assert.IsGreaterThan(1000, iterations());
        Assert.AreEqual(5, instance.GetFunction<int, int, int>("add")!(2, 3));
        Assert.AreEqual(1000, count(1000));
        Assert.AreEqual(1000, iterations());
        Assert.AreEqual(7, instance.GetFunction("count")!.Call(Val.I32(7))[0].AsI32());
    }

    [TestMethod]
    public void InterruptOfAnIdleStoreDoesNothing()
    {
        Instance instance = InstantiateLoops();
        Assert.IsFalse(Store.Interrupt());
        Assert.IsFalse(Store.Interrupt());
        Assert.AreEqual(100_000, instance.GetFunction<int, int>("count")!(100_000));
    }

    [TestMethod]
    public void InterruptOfADisposedStoreDoesNothing()
    {
        InstantiateLoops();
        Store.Dispose();
        Assert.IsFalse(Store.Interrupt());
        Assert.ThrowsExactly<ObjectDisposedException>(() => Store.InterruptAfter(TimeSpan.FromSeconds(1)));
        Assert.ThrowsExactly<ObjectDisposedException>(() => Store.InterruptWhen(CancellationToken.None));
    }

    [TestMethod]
    public void CallWithTimeoutStopsTheLoopWhenItElapses()
    {
        Func count = InstantiateLoops().GetFunction("count")!;
        var clock = Stopwatch.StartNew();
        CallInterruptedException interrupted = Assert.ThrowsExactly<CallInterruptedException>(
            () => count.Call(TimeSpan.FromMilliseconds(100), Val.I32(Forever)));
        clock.Stop();

        Assert.AreEqual(InterruptReason.Timeout, interrupted.Reason);
        Assert.AreEqual("interrupted: the call's timeout of 100 ms elapsed", interrupted.TrapMessage);
        Assert.IsGreaterThanOrEqualTo(95.0, clock.Elapsed.TotalMilliseconds);
        Assert.IsLessThan(2000.0, clock.Elapsed.TotalMilliseconds, "the timeout did not stop the loop (it runs for tens of seconds)");
    }

    [TestMethod]
    public void CallWithTimeoutThatIsNotReachedReturnsTheResultsAndLeavesNoInterruptBehind()
    {
        Instance instance = InstantiateLoops();
        Func count = instance.GetFunction("count")!;
        Assert.AreEqual(1000, count.Call(TimeSpan.FromMilliseconds(30), Val.I32(1000))[0].AsI32());
        Assert.AreEqual(5, count.Call(Timeout.InfiniteTimeSpan, Val.I32(5))[0].AsI32());

        // The first call's timer would have fired by now: nothing of it reaches later calls.
        Thread.Sleep(80);
        Assert.AreEqual(2_000_000, instance.GetFunction<int, int>("count")!(2_000_000));
    }

    [TestMethod]
    public void ZeroTimeoutStopsTheCallAtOnce()
    {
        Func count = InstantiateLoops().GetFunction("count")!;
        CallInterruptedException interrupted = Assert.ThrowsExactly<CallInterruptedException>(() => count.Call(TimeSpan.Zero, Val.I32(Forever)));
        Assert.AreEqual(InterruptReason.Timeout, interrupted.Reason);

        // Even a function without branches or calls, which never looks at the flag: its results are not delivered.
        Func add = count.Instance!.GetFunction("add")!;
        Assert.ThrowsExactly<CallInterruptedException>(() => add.Call(TimeSpan.Zero, Val.I32(1), Val.I32(2)));
        Assert.AreEqual(3, add.Call(Val.I32(1), Val.I32(2))[0].AsI32());
    }

    [TestMethod]
    public void CallWithTimeoutRefusesBadArguments()
    {
        Func count = InstantiateLoops().GetFunction("count")!;
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => count.Call(TimeSpan.FromMilliseconds(-2), Val.I32(1)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => count.Call(TimeSpan.FromDays(50), Val.I32(1)));
        Assert.ThrowsExactly<ArgumentNullException>(() => count.Call(TimeSpan.FromSeconds(1), null!));
        Assert.ThrowsExactly<ArgumentException>(() => count.Call(TimeSpan.FromSeconds(1), Val.I64(1)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Store.InterruptAfter(TimeSpan.FromTicks(-1)));
    }

    [TestMethod]
    public void CallWithACanceledTokenThrowsOperationCanceledForThatToken()
    {
        Func count = InstantiateLoops().GetFunction("count")!;
        using var cancellation = new CancellationTokenSource();
        cancellation.CancelAfter(50);
        OperationCanceledException canceled = Assert.ThrowsExactly<OperationCanceledException>(
            () => count.Call(cancellation.Token, Val.I32(Forever)));

        Assert.AreEqual(cancellation.Token, canceled.CancellationToken);
        CallInterruptedException interrupted = Assert.IsInstanceOfType<CallInterruptedException>(canceled.InnerException);
        Assert.AreEqual(InterruptReason.Cancellation, interrupted.Reason);
        Assert.AreEqual("interrupted: the call's CancellationToken was canceled", interrupted.TrapMessage);
        Assert.AreEqual(interrupted.TrapMessage, canceled.Message);
    }

    [TestMethod]
    public void CallWithATokenCanceledBeforehandDoesNotRun()
    {
        Instance instance = InstantiateLoops();
        Func count = instance.GetFunction("count")!;
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        OperationCanceledException canceled = Assert.ThrowsExactly<OperationCanceledException>(() => count.Call(cancellation.Token, Val.I32(10)));
        Assert.AreEqual(cancellation.Token, canceled.CancellationToken);
        Assert.AreEqual(0, instance.GetFunction<int>("iterations")!());
    }

    [TestMethod]
    public void CallWithATokenNeverCanceledReturnsTheResults()
    {
        Func count = InstantiateLoops().GetFunction("count")!;
        using var cancellation = new CancellationTokenSource();
        Assert.AreEqual(1234, count.Call(cancellation.Token, Val.I32(1234))[0].AsI32());
        Assert.AreEqual(3, count.Call(CancellationToken.None, Val.I32(3))[0].AsI32());
        cancellation.Cancel();
        Assert.AreEqual(9, count.Call(Val.I32(9))[0].AsI32(), "a token canceled after its call touches nothing");
        Assert.ThrowsExactly<ArgumentNullException>(() => count.Call(CancellationToken.None, null!));
    }

    [TestMethod]
    public void AStoreInterruptDuringACallWithATokenIsNotACancellation()
    {
        Func count = InstantiateLoops().GetFunction("count")!;
        using var cancellation = new CancellationTokenSource();
        InterruptSoon(Store, 30);
        CallInterruptedException interrupted = Assert.ThrowsExactly<CallInterruptedException>(() => count.Call(cancellation.Token, Val.I32(Forever)));
        Assert.AreEqual(InterruptReason.Interrupt, interrupted.Reason);
    }

    [TestMethod]
    public void TypedDelegatesWithATimeoutOfEveryArityCallTheFunction()
    {
        Instance instance = Instantiate("arity");
        Func f(string name) => instance.GetFunction(name)!;
        TimeSpan limit = TimeSpan.FromSeconds(30);
        Assert.AreEqual(7.0, f("f0").AsFunc<double>(limit)());
        Assert.AreEqual(-3.0, f("f1").AsFunc<int, double>(limit)(-3));
        Assert.AreEqual(-9.0, f("f2").AsFunc<int, long, double>(limit)(1, -1));
        Assert.AreEqual(150.0, f("f3").AsFunc<int, long, float, double>(limit)(0, 0, 1.5f));
        Assert.AreEqual(-2500.0, f("f4").AsFunc<int, long, float, double, double>(limit)(0, 0, 0, -2.5));
        Assert.AreEqual(-10_000.0, f("f5").AsFunc<int, long, float, double, int, double>(limit)(0, 0, 0, 0, -1));
        Assert.AreEqual(1e5 * (1L << 40), f("f6").AsFunc<int, long, float, double, int, long, double>(limit)(0, 0, 0, 0, 0, 1L << 40));

        Func<double> last = f("last").AsFunc<double>();
        f("a0").AsAction(limit)();
        Assert.AreEqual(7.0, last());
        f("a1").AsAction<int>(limit)(int.MinValue);
        Assert.AreEqual((double)int.MinValue, last());
        f("a2").AsAction<int, long>(limit)(0, 4);
        Assert.AreEqual(40.0, last());
        f("a3").AsAction<int, long, float>(limit)(0, 0, 0.5f);
        Assert.AreEqual(50.0, last());
        f("a4").AsAction<int, long, float, double>(Timeout.InfiniteTimeSpan)(0, 0, 0, 0.25);
        Assert.AreEqual(250.0, last());
        f("a5").AsAction<int, long, float, double, int>(limit)(0, 0, 0, 0, 3);
        Assert.AreEqual(30_000.0, last());
        f("a6").AsAction<int, long, float, double, int, long>(limit)(1, 0, 0, 0, 0, 2);
        Assert.AreEqual(200_001.0, last());

        // A zero limit: every call times out, even one without branches.
        Assert.AreEqual(InterruptReason.Timeout, Assert.ThrowsExactly<CallInterruptedException>(() => f("f0").AsFunc<double>(TimeSpan.Zero)()).Reason);
        Assert.ThrowsExactly<CallInterruptedException>(() => f("a6").AsAction<int, long, float, double, int, long>(TimeSpan.Zero)(3, 0, 0, 0, 0, 0));
        Assert.AreEqual(3.0, last(), "the timed-out action ran to its end (no branch or call looked at the flag)");
    }

    [TestMethod]
    public void TypedDelegateWithATimeoutStopsEachRunawayCall()
    {
        Instance instance = InstantiateLoops();
        Func<int, int> count = instance.GetFunction("count")!.AsFunc<int, int>(TimeSpan.FromMilliseconds(40));
        Assert.AreEqual(1000, count(1000));
        for (int i = 0; i < 2; i++)
        {
            CallInterruptedException interrupted = Assert.ThrowsExactly<CallInterruptedException>(() => count(Forever));
            Assert.AreEqual(InterruptReason.Timeout, interrupted.Reason);
            Assert.AreEqual("interrupted: the call's timeout of 40 ms elapsed", interrupted.TrapMessage);
        }

        Assert.AreEqual(2000, count(2000));
        Action<int> spin = instance.GetFunction("spin")!.AsAction<int>(TimeSpan.FromMilliseconds(40));
        Assert.ThrowsExactly<CallInterruptedException>(() => spin(Forever));
    }

    [TestMethod]
    public void TypedDelegateWithATimeoutRefusesWhatAPlainOneRefuses()
    {
        Func count = InstantiateLoops().GetFunction("count")!;
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => count.AsFunc<int, int>(TimeSpan.FromSeconds(-1)));
        Assert.ThrowsExactly<InvalidOperationException>(() => count.AsFunc<long, int>(TimeSpan.FromSeconds(1)));
        Assert.ThrowsExactly<InvalidOperationException>(() => count.AsAction<int>(TimeSpan.FromSeconds(1)));
        Assert.ThrowsExactly<NotSupportedException>(() => count.AsFunc<int, string>(TimeSpan.FromSeconds(1)));
    }

    [TestMethod]
    public void InterruptAfterScopeStopsTypedCalls()
    {
        Instance instance = InstantiateLoops();
        Action<int> spin = instance.GetAction<int>("spin")!;
        Func<int, int, int> add = instance.GetFunction<int, int, int>("add")!;
        InterruptScope scope = Store.InterruptAfter(TimeSpan.FromMilliseconds(50));
        using (scope)
        {
            Assert.AreEqual(InterruptReason.Timeout, scope.Reason);
            Assert.AreEqual(TimeSpan.FromMilliseconds(50), scope.Timeout);
            Assert.AreEqual(CancellationToken.None, scope.CancellationToken);
            Assert.IsFalse(scope.HasFired);
            Assert.AreEqual(3, add(1, 2), "calls inside the scope run before it fires");

            CallInterruptedException interrupted = Assert.ThrowsExactly<CallInterruptedException>(() => spin(Forever));
            Assert.AreEqual(InterruptReason.Timeout, interrupted.Reason);
            Assert.AreEqual("interrupted: the time limit of Store.InterruptAfter of 50 ms elapsed", interrupted.TrapMessage);
            Assert.IsTrue(scope.HasFired);
            Assert.EndsWith("(fired)", scope.ToString());

            // A fired scope stops every call it still covers, even one without branches.
            Assert.ThrowsExactly<CallInterruptedException>(() => add(1, 2));
        }

        Assert.AreEqual(3, add(1, 2), "after the scope, calls run normally");
        scope.Dispose();
    }

    [TestMethod]
    public void InterruptAfterScopeDisposedInTimeNeverFires()
    {
        Instance instance = InstantiateLoops();
        Func<int, int> count = instance.GetFunction<int, int>("count")!;
        using (InterruptScope scope = Store.InterruptAfter(TimeSpan.FromMilliseconds(40)))
        {
            Assert.AreEqual(10, count(10));
            Assert.DoesNotEndWith("(fired)", scope.ToString());
        }

        Thread.Sleep(80);
        Assert.AreEqual(3_000_000, count(3_000_000));
        using (Store.InterruptAfter(Timeout.InfiniteTimeSpan))
        {
            Assert.AreEqual(20, count(20));
        }
    }

    [TestMethod]
    public void InterruptWhenScopeStopsTypedCallsWhenTheTokenIsCanceled()
    {
        Instance instance = InstantiateLoops();
        Func<int, int> count = instance.GetFunction<int, int>("count")!;
        using var cancellation = new CancellationTokenSource();
        using (InterruptScope scope = Store.InterruptWhen(cancellation.Token))
        {
            Assert.AreEqual(InterruptReason.Cancellation, scope.Reason);
            Assert.AreEqual(cancellation.Token, scope.CancellationToken);
            Assert.IsNull(scope.Timeout);
            cancellation.CancelAfter(40);
            CallInterruptedException interrupted = Assert.ThrowsExactly<CallInterruptedException>(() => count(Forever));
            Assert.AreEqual(InterruptReason.Cancellation, interrupted.Reason);
            Assert.AreEqual("interrupted: the CancellationToken of Store.InterruptWhen was canceled", interrupted.TrapMessage);
        }

        Assert.AreEqual(10, count(10));

        // A token canceled already: every call in the scope stops at once.
        using (Store.InterruptWhen(cancellation.Token))
        {
            Assert.ThrowsExactly<CallInterruptedException>(() => count(10));
        }
    }

    [TestMethod]
    public void InterruptStopsALoopNestedInAHostCallbackAndEveryCallAroundIt()
    {
        Instance instance = InstantiateLoops();
        Func<int, int> count = instance.GetFunction<int, int>("count")!;
        Exception? seenByCallback = null;
        _hostCallback = x =>
        {
            try
            {
                return count(x);
            }
            catch (Exception e)
            {
                seenByCallback = e;
                throw;
            }
        };

        InterruptSoon(Store, 50);
        CallInterruptedException outer = Assert.ThrowsExactly<CallInterruptedException>(() => instance.GetFunction<int, int>("call_host")!(Forever));

        // The inner call threw in the callback; the trampoline turned that into a trap (nothing unwound through WAMR);
        // the outer call reports the interrupt with the inner exception attached.
        CallInterruptedException inner = Assert.IsInstanceOfType<CallInterruptedException>(seenByCallback);
        Assert.AreEqual(InterruptReason.Interrupt, inner.Reason);
        Assert.AreEqual(InterruptReason.Interrupt, outer.Reason);
        Assert.AreSame(inner, outer.InnerException);

        _hostCallback = x => x * 2;
        Assert.AreEqual(21, instance.GetFunction<int, int>("call_host")!(10), "usable afterwards");
    }

    [TestMethod]
    public void ACallbackThatSwallowsTheInterruptCannotResumeTheOuterCall()
    {
        Instance instance = InstantiateLoops();
        Func<int, int> count = instance.GetFunction<int, int>("count")!;
        int swallowed = 0;
        _hostCallback = x =>
        {
            try
            {
                return count(x);
            }
            catch (CallInterruptedException)
            {
                swallowed++;
                return 1000;
            }
        };

        InterruptSoon(Store, 50);

        // host_loop calls the host 4.3 billion times: after the swallowed interrupt, its next branch stops it.
        CallInterruptedException outer = Assert.ThrowsExactly<CallInterruptedException>(() => instance.GetFunction<int, int>("host_loop")!(Forever));
        Assert.AreEqual(InterruptReason.Interrupt, outer.Reason);
        Assert.AreEqual(1, swallowed);
    }

    [TestMethod]
    public void InterruptStopsAWasmLoopThatCallsTheHostOverAndOver()
    {
        Instance instance = InstantiateLoops();
        int calls = 0;
        _hostCallback = x =>
        {
            calls++;
            return x;
        };
        InterruptSoon(Store, 50);
        Assert.ThrowsExactly<CallInterruptedException>(() => instance.GetFunction<int, int>("host_loop")!(Forever));
        Assert.IsGreaterThan(0, calls);
    }

    [TestMethod]
    public void AHostFunctionCanInterruptItsOwnCall()
    {
        Instance instance = InstantiateLoops();
        _hostCallback = x =>
        {
            Assert.IsTrue(Store.Interrupt(), "the store is running the call");
            return x;
        };
        CallInterruptedException interrupted = Assert.ThrowsExactly<CallInterruptedException>(() => instance.GetFunction<int, int>("host_loop")!(Forever));
        Assert.AreEqual(InterruptReason.Interrupt, interrupted.Reason);
        Assert.AreEqual(7, instance.GetFunction<int, int, int>("add")!(3, 4));
    }

    [TestMethod]
    public void InterruptStopsALoopInAnotherInstanceReachedThroughAnImport()
    {
        // The callee instance's count is the caller's host import (the façade forwards it): two exec envs, one stack.
        Instance callee = InstantiateLoops();
        Instance caller = new Linker().Define("host", "callback", callee.GetFunction("count")!).Instantiate(Store, Load("loops"));
        InterruptSoon(Store, 50);
        CallInterruptedException interrupted = Assert.ThrowsExactly<CallInterruptedException>(() => caller.GetFunction<int, int>("call_host")!(Forever));
        Assert.AreEqual(InterruptReason.Interrupt, interrupted.Reason);
        Assert.AreEqual(11, caller.GetFunction<int, int>("call_host")!(10));
        Assert.AreEqual(10, callee.GetFunction<int>("iterations")!());
    }

    [TestMethod]
    public void InterruptsRacingShortCallsNeverReachALaterCall()
    {
        // A thread interrupts as fast as it can while short calls run: each call either returns its true result or
        // throws CallInterruptedException; once the interrupter stops, every call succeeds (no stale flag).
        Instance instance = InstantiateLoops();
        Func<int, int> count = instance.GetFunction<int, int>("count")!;
        Func<int, int, int> add = instance.GetFunction<int, int, int>("add")!;
        using var stop = new CancellationTokenSource();
        int accepted = 0;
        var interrupter = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (Store.Interrupt())
                {
                    accepted++;
                }
            }
        });
        interrupter.Start();
        int interrupted = 0;
        int completed = 0;
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 500)
        {
            try
            {
                Assert.AreEqual(200, count(200));
                Assert.AreEqual(9, add(4, 5));
                completed++;
            }
            catch (CallInterruptedException)
            {
                interrupted++;
            }
        }

        stop.Cancel();
        interrupter.Join();
        for (int i = 0; i < 10_000; i++)
        {
            Assert.AreEqual(300, count(300));
        }

        Assert.IsGreaterThan(0, interrupted, "no call was interrupted");
        Assert.IsGreaterThan(0, accepted);
        Assert.IsGreaterThanOrEqualTo(interrupted, accepted);
        Console.WriteLine($"{completed} completed, {interrupted} interrupted, {accepted} interrupts accepted");
    }

    /// <summary>Runs the loop, interrupts it from another thread after 30 ms; returns how long the stop took (from the
    /// request to the exception in the caller's hands) and the exception.</summary>
    private (double Milliseconds, CallInterruptedException Exception) StopOnce(Func<int, int> count)
    {
        long requested = 0;
        bool accepted = false;
        var interrupter = new Thread(() =>
        {
            Thread.Sleep(30);
            requested = Stopwatch.GetTimestamp();
            accepted = Store.Interrupt();
        });
        interrupter.Start();
        CallInterruptedException interrupted = Assert.ThrowsExactly<CallInterruptedException>(() => count(Forever));
        long stopped = Stopwatch.GetTimestamp();
        interrupter.Join();
        Assert.IsTrue(accepted, "the store was not running");
        return (Stopwatch.GetElapsedTime(requested, stopped).TotalMilliseconds, interrupted);
    }

    private static void InterruptSoon(Store store, int milliseconds)
    {
        // No assertion here: an exception on this thread would end the test host. The caller asserts what stopped.
        var interrupter = new Thread(() =>
        {
            Thread.Sleep(milliseconds);
            store.Interrupt();
        })
        {
            IsBackground = true,
        };
        interrupter.Start();
    }

    private Instance InstantiateLoops() =>
        new Linker().Define("host", "callback", Func.FromCallback(Store, (int x) => _hostCallback(x))).Instantiate(Store, Load("loops"));
}
