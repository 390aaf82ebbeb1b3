using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Compiler;

namespace Wamr.Tests.Aot;

/// <summary>
/// Interrupting precompiled code: the compiler's interruption checks (on backward branches and calls only, one test each:
/// native/compiler/suspend-checks.cmake) stop every shape of runaway code, and code compiled without them
/// (<see cref="AotCompilerOptions.Interruptible"/> false) is labelled and refused by timed calls.
/// </summary>
[TestClass]
public sealed class AotInterruptionTests : CompilerTest
{
    private const int ThreadManagerChecks = 8;

    // Each call would run for seconds: 4.3 billion loop iterations, or fib(45)'s 3.7 billion calls.
    [TestMethod]
    [DataRow("br_if_loop", -1)]
    [DataRow("br_table_loop", -1)]
    [DataRow("nested_br_loop", -1)]
    [DataRow("fib", 45)]
    [DataRow("fib_indirect", 45)]
    public void EveryShapeOfRunawayCodeIsStopped(string export, int argument)
    {
        foreach (bool precompiled in new[] { true, false })
        {
            Module module = precompiled ? Module.FromPrecompiled(Store, Compiled("runaway")) : Load("runaway");
            Assert.IsTrue(module.IsInterruptible);
            var instance = new Instance(Store, module);
            Func runaway = instance.GetFunction(export)!;
            var clock = Stopwatch.StartNew();
            CallInterruptedException e = Assert.ThrowsExactly<CallInterruptedException>(
                () => runaway.Call(TimeSpan.FromMilliseconds(30), Val.I32(argument)), $"{export}, precompiled: {precompiled}");
            clock.Stop();
            Assert.AreEqual(InterruptReason.Timeout, e.Reason);
            Assert.IsLessThan(2000, clock.ElapsedMilliseconds, $"{export} (precompiled: {precompiled}) stopped only after {clock.ElapsedMilliseconds} ms");
            Assert.IsGreaterThan(0, instance.GetFunction<int>("work")!(), "the code ran before it was stopped");

            // The instance stays usable.
            instance.GetAction("reset")!();
            Assert.AreEqual(export.StartsWith("fib", StringComparison.Ordinal) ? 55 : 10, runaway.Call(Val.I32(10))[0].AsI32());
        }
    }

    [TestMethod]
    public void CodeIsInterruptibleByDefaultAndTheEnvelopeSaysSo()
    {
        byte[] envelope = Compiled("runaway");
        Assert.AreNotEqual(0u, BinaryPrimitives.ReadUInt32LittleEndian(envelope.AsSpan(16)) & ThreadManagerChecks);
        Assert.IsTrue(Module.FromPrecompiled(Store, envelope).IsInterruptible);
        Assert.IsTrue(Load("runaway").IsInterruptible, "interpreted code is always interruptible");
        // A raw image's code is not described: not claimed to be interruptible.
        Assert.IsFalse(Module.FromPrecompiled(Store, ImageOf(envelope), PrecompiledTrust.TrustRawImage).IsInterruptible);
    }

    [TestMethod]
    public void CodeCompiledWithoutChecksRunsAndRefusesTimedCalls()
    {
        byte[] envelope = Compiled("runaway", new AotCompilerOptions { Interruptible = false });
        Assert.AreEqual(0u, BinaryPrimitives.ReadUInt32LittleEndian(envelope.AsSpan(16)) & ThreadManagerChecks);
        Module module = Module.FromPrecompiled(Store, envelope);
        Assert.IsFalse(module.IsInterruptible);
        var instance = new Instance(Store, module);
        Func loop = instance.GetFunction("br_if_loop")!;
        Assert.AreEqual(1000, instance.GetFunction<int, int>("br_if_loop")!(1000));
        Assert.AreEqual(6765, instance.GetFunction<int, int>("fib_indirect")!(20));

        StringAssert.Contains(Assert.ThrowsExactly<NotSupportedException>(() => loop.Call(TimeSpan.FromSeconds(1), Val.I32(-1))).Message, "Interruptible");
        using var source = new CancellationTokenSource();
        StringAssert.Contains(Assert.ThrowsExactly<NotSupportedException>(() => loop.Call(source.Token, Val.I32(-1))).Message, "without interruption checks");
        Assert.ThrowsExactly<NotSupportedException>(() => loop.AsFunc<int, int>(TimeSpan.FromSeconds(1)));
        // 1000 iterations and fib(20)'s 21,891 calls: none of the refused calls ran.
        Assert.AreEqual(1000 + 21891, instance.GetFunction<int>("work")!());
    }

    [TestMethod]
    public void AnInterruptOfCodeWithoutChecksTakesEffectWhenTheCallReturns()
    {
        var instance = new Instance(Store, Module.FromPrecompiled(Store, Compiled("runaway", new AotCompilerOptions { Interruptible = false })));
        Func<int, int> loop = instance.GetFunction<int, int>("square_loop")!;
        // About 1.5 s: room for the interrupting thread to be scheduled late on a loaded machine.
        const int Iterations = 1_200_000_000;
        using var started = new ManualResetEventSlim();
        bool interrupted = false;
        // A thread of its own, not the thread pool's (which may start a work item late when it is busy).
        var interrupter = new Thread(() =>
        {
            started.Wait();
            Thread.Sleep(20);
            interrupted = Store.Interrupt();
        });
        interrupter.Start();
        started.Set();
        Assert.ThrowsExactly<CallInterruptedException>(() => loop(Iterations));
        interrupter.Join();
        Assert.IsTrue(interrupted, "the store was in use when interrupted");
        // The loop was not stopped: it ran every iteration, then the call reported the interrupt.
        Assert.AreEqual(Iterations, instance.GetFunction<int>("work")!());
        Assert.AreEqual(3, loop(3), "no stale interrupt");
    }
}
