using System;
using System.IO;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Wasi;

/// <summary>Exit codes: <c>RunWasiMain</c> returns them; other calls throw <see cref="WasiExitException"/>, never a trap.</summary>
[TestClass]
public sealed class WasiExitTests : WasiTest
{
    [TestMethod]
    public void ACommandThatReturnsExitsWithZero()
    {
        Assert.AreEqual(0, RunProbe(Probe("return", "0")).ExitCode);
        Assert.AreEqual(0, RunProbe(Probe("exit", "0")).ExitCode);
    }

    [TestMethod]
    public void NonZeroCodesFromMainAndFromExit()
    {
        Assert.AreEqual(3, RunProbe(Probe("return", "3")).ExitCode);
        (int code, string output, _) = RunProbe(Probe("exit", "5"));
        Assert.AreEqual(5, code);
        Assert.AreEqual("exiting\n", output, "output written before exit() is flushed by wasi-libc and captured");
        Assert.AreEqual(-1, RunProbe(Probe("exit", "-1")).ExitCode, "WASI's unsigned code comes back as an int");
    }

    [TestMethod]
    public void ProcExitInStartOfAWasiUnstableModule()
    {
        var output = new MemoryStream();
        Instance instance = Instantiate("wasi_exit", new WasiConfiguration().WithStandardOutput(WasiOutput.ToStream(output)));
        Assert.AreEqual(42, instance.RunWasiMain());
        Assert.AreEqual("bye\n", Text(output));
    }

    [TestMethod]
    public void ACallThatExitsThrowsWasiExitException()
    {
        Instance instance = Instantiate("wasi_stdio", new WasiConfiguration());
        System.Action<int> exit = instance.GetAction<int>("exit")!;
        WasiExitException seven = Assert.ThrowsExactly<WasiExitException>(() => exit(7));
        Assert.AreEqual(7, seven.ExitCode);
        StringAssert.Contains(seven.Message, "exited with code 7");
        Assert.AreEqual(0, Assert.ThrowsExactly<WasiExitException>(() => exit(0)).ExitCode, "exit(0) ends the call too");
        Assert.AreEqual(9, Assert.ThrowsExactly<WasiExitException>(() => instance.GetFunction("exit")!.Call(Val.I32(9))).ExitCode);
        Assert.IsInstanceOfType<WasmException>(seven);
    }

    [TestMethod]
    public void TheExceptionCarriesTheCode()
    {
        var exit = new WasiExitException(3);
        Assert.AreEqual(3, exit.ExitCode);
        Assert.AreEqual("The WASI program exited with code 3.", exit.Message);
    }

    [TestMethod]
    public void TheInstanceStaysUsableAfterAnExit()
    {
        var output = new MemoryStream();
        Instance instance = Instantiate("wasi_stdio", new WasiConfiguration().WithStandardOutput(WasiOutput.ToStream(output)));
        Assert.ThrowsExactly<WasiExitException>(() => instance.GetAction<int>("exit")!(1));
        Assert.AreEqual(0, instance.RunWasiMain(), "a normal return is 0 again, whatever an earlier exit said");
        Assert.AreEqual("hello\n", Text(output));
    }

    [TestMethod]
    public void AnExitInANestedCallReachesTheOuterCaller()
    {
        // wasm -> host function -> the WASI instance's exit: the outer caller sees the exit, not a trap.
        Instance wasi = Instantiate("wasi_stdio", new WasiConfiguration());
        System.Action<int> exit = wasi.GetAction<int>("exit")!;
        Func host = Func.FromCallback(Store, (int code) => exit(code));
        Instance outer = new(Store, Load("wasi_host_exit"), host);
        Assert.IsFalse(outer.HasWasi);
        Assert.IsTrue(wasi.HasWasi);
        Assert.AreEqual(12, Assert.ThrowsExactly<WasiExitException>(() => outer.GetAction<int>("run")!(12)).ExitCode);
    }

    [TestMethod]
    public void ATrapIsStillATrap()
    {
        Instance instance = Instantiate("wasi_stdio", new WasiConfiguration());
        TrapException trap = Assert.ThrowsExactly<TrapException>(() => instance.GetFunction<int, int, int, int>("write")!(1, 1 << 30, 16));
        StringAssert.Contains(trap.TrapMessage, "out of bounds");
    }

    [TestMethod]
    public void RunWasiMainNeedsAStartFunction()
    {
        using Module module = Module.FromBytes(Store, [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
        Instance empty = new(Store, module);
        StringAssert.Contains(Assert.ThrowsExactly<InvalidOperationException>(() => empty.RunWasiMain()).Message, "_start");
        Assert.AreEqual("_start", Instance.WasiStartExport);
    }
}
