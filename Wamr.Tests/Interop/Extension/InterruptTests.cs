using System;
using System.Diagnostics;
using System.Threading;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Interop.Procedural;

using static Wamr.Interop.WamrExt;
using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Extension;

/// <summary>
/// The extension's interruption functions (<c>wamr_ext_instance_prepare_interrupt</c>, <c>_interrupt</c>,
/// <c>_clear_interrupt</c>, <c>_is_interrupted</c>) through the procedural API: a counting loop of up to 4.3 billion
/// iterations (seconds) stopped from another thread, what a raised flag does to later calls, and NULL and unprepared
/// instances.
/// </summary>
[TestClass]
public sealed unsafe class InterruptTests : ProceduralTest
{
    private const int Forever = -1;

    [TestMethod]
    public void InterruptStopsALoopRunningOnAnotherThreadWithATrap()
    {
        wasm_instance_t* instance = Instantiate("interrupt");
        Assert.IsTrue(wamr_ext_instance_prepare_interrupt(instance));
        using wasm_extern_vec_t exports = Exports(instance);
        wasm_func_t* count = wasm_extern_as_func(exports[0]);

        string? trap = null;
        var stopped = Stopwatch.StartNew();
        long requested = 0;
        var caller = new Thread(() =>
        {
            trap = CallForTrap(count, [I32(Forever)], [I32(0)]);
            stopped.Stop();
        });
        caller.Start();
        Thread.Sleep(50);
        Assert.IsTrue(caller.IsAlive, "the loop ended by itself before the interrupt");
        byte* message = stackalloc byte[] { (byte)'s', (byte)'t', (byte)'o', (byte)'p', 0 };
        requested = stopped.ElapsedTicks;
        Assert.IsTrue(wamr_ext_instance_interrupt(instance, message));
        Assert.IsTrue(caller.Join(TimeSpan.FromSeconds(30)), "the loop was not stopped");
        double latencyMs = (stopped.ElapsedTicks - requested) * 1000.0 / Stopwatch.Frequency;

        Assert.AreEqual("Exception: stop", trap);
        Assert.IsLessThan(10.0, latencyMs, $"stopped {latencyMs:F2} ms after the request");
        Assert.IsTrue(wamr_ext_instance_is_interrupted(instance), "the flag stays raised after the call");
    }

    [TestMethod]
    public void InterruptWithoutMessageSaysInterrupted()
    {
        wasm_instance_t* instance = Instantiate("interrupt");
        Assert.IsTrue(wamr_ext_instance_prepare_interrupt(instance));
        using wasm_extern_vec_t exports = Exports(instance);
        wasm_func_t* count = wasm_extern_as_func(exports[0]);
        string? trap = null;
        var caller = new Thread(() => trap = CallForTrap(count, [I32(Forever)], [I32(0)]));
        caller.Start();
        Thread.Sleep(20);
        Assert.IsTrue(wamr_ext_instance_interrupt(instance, null));
        Assert.IsTrue(caller.Join(TimeSpan.FromSeconds(30)), "the loop was not stopped");
        Assert.AreEqual("Exception: interrupted", trap);
    }

    [TestMethod]
    public void ARaisedFlagStopsTheNextLoopUntilCleared()
    {
        wasm_instance_t* instance = Instantiate("interrupt");
        Assert.IsTrue(wamr_ext_instance_prepare_interrupt(instance));
        using wasm_extern_vec_t exports = Exports(instance);
        wasm_func_t* count = wasm_extern_as_func(exports[0]);
        wasm_func_t* add = wasm_extern_as_func(exports[1]);

        // Raised before the call: the loop stops at its first branch. wasm_func_call cleared the exception on entry,
        // so the C API reports no trap and the result is not the loop's: the caller must look at the flag.
        Assert.IsTrue(wamr_ext_instance_interrupt(instance, null));
        wasm_val_t[] results = [I32(-7)];
        string? trap = CallForTrap(count, [I32(1000)], results);
        Assert.IsTrue(trap is null or "Exception: interrupted", trap);
        Assert.AreNotEqual(1000, results[0].of.i32, "the loop ran to its end despite the raised flag");
        Assert.IsTrue(wamr_ext_instance_is_interrupted(instance));

        // A function without branches or calls never looks at the flag.
        wasm_val_t[] sum = [I32(0)];
        Call(add, [I32(2), I32(3)], sum);
        Assert.AreEqual(5, sum[0].of.i32);

        Assert.IsTrue(wamr_ext_instance_clear_interrupt(instance));
        Assert.IsFalse(wamr_ext_instance_is_interrupted(instance));
        wasm_val_t[] counted = [I32(0)];
        Call(count, [I32(1000)], counted);
        Assert.AreEqual(1000, counted[0].of.i32);
    }

    [TestMethod]
    public void ClearInterruptOfAnInstanceNotInterruptedChangesNothing()
    {
        wasm_instance_t* instance = Instantiate("interrupt");
        Assert.IsTrue(wamr_ext_instance_prepare_interrupt(instance));
        Assert.IsTrue(wamr_ext_instance_prepare_interrupt(instance), "preparing twice is allowed");
        Assert.IsFalse(wamr_ext_instance_is_interrupted(instance));
        Assert.IsTrue(wamr_ext_instance_clear_interrupt(instance));
        Assert.IsFalse(wamr_ext_instance_is_interrupted(instance));
        using wasm_extern_vec_t exports = Exports(instance);
        wasm_val_t[] counted = [I32(0)];
        Call(wasm_extern_as_func(exports[0]), [I32(10)], counted);
        Assert.AreEqual(10, counted[0].of.i32);
    }

    [TestMethod]
    public void NullInstanceIsRefusedByEveryFunction()
    {
        Assert.IsFalse(wamr_ext_instance_prepare_interrupt(null));
        Assert.IsFalse(wamr_ext_instance_interrupt(null, null));
        Assert.IsFalse(wamr_ext_instance_clear_interrupt(null));
        Assert.IsFalse(wamr_ext_instance_is_interrupted(null));
    }

    [TestMethod]
    public void AnInstanceOfTheCApiIsPreparedByWasmInstanceNew()
    {
        // WAMR 1.1.2's wasm_instance_new creates the exec env singleton itself (wasm_c_api.c), so interrupt works even
        // before prepare; prepare makes the extension independent of that detail.
        wasm_instance_t* instance = Instantiate("interrupt");
        Assert.IsTrue(wamr_ext_instance_interrupt(instance, null));
        Assert.IsTrue(wamr_ext_instance_is_interrupted(instance));
        wasm_module_inst_t native = wamr_ext_instance_module_inst(instance);
        Assert.AreEqual("Exception: interrupted", new string((sbyte*)WamrApi.wasm_runtime_get_exception(native)));
        Assert.IsTrue(wamr_ext_instance_clear_interrupt(instance));
        Assert.IsTrue(WamrApi.wasm_runtime_get_exception(native) == null, "clear left the exception");

        using wasm_extern_vec_t exports = Exports(instance);
        wasm_val_t[] counted = [I32(0)];
        Call(wasm_extern_as_func(exports[0]), [I32(100)], counted);
        Assert.AreEqual(100, counted[0].of.i32);
    }
}
