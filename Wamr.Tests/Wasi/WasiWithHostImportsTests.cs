using System;
using System.Collections.Generic;
using System.IO;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Wasi;

/// <summary>
/// The engine's WASI beside host imports (<c>wasi_mixed</c>: WASI's fd_write and proc_exit, and env::log and env::add):
/// WAMR 1.1.2's C API links all imports from the host or none; the façade links placeholders for the WASI ones and the
/// engine extension puts WAMR's own WASI functions back.
/// </summary>
[TestClass]
public sealed class WasiWithHostImportsTests : WasiTest
{
    [TestMethod]
    public void AProgramUsesWasiAndTheHostsFunctions()
    {
        var logged = new List<int>();
        var output = new MemoryStream();
        Instance instance = Plugin(Load("wasi_mixed"), logged, output);
        Assert.AreEqual(0, instance.RunWasiMain());
        Assert.AreEqual("plugin: hello\n", Text(output));
        CollectionAssert.AreEqual(new[] { 42 }, logged);
    }

    [TestMethod]
    public void AnExitCodeComputedByTheHostReachesTheCaller()
    {
        Instance instance = Plugin(Load("wasi_mixed"), [], new MemoryStream());
        WasiExitException exit = Assert.ThrowsExactly<WasiExitException>(() => instance.GetAction("exit_with_host_sum")!());
        Assert.AreEqual(7, exit.ExitCode);
    }

    [TestMethod]
    public void EveryInstanceOfTheModuleIsLinkedTheSameWay()
    {
        Module module = Load("wasi_mixed");
        var first = new MemoryStream();
        var second = new MemoryStream();
        var logged = new List<int>();
        Instance a = Plugin(module, logged, first);
        Instance b = Plugin(module, logged, second);
        Assert.AreEqual(0, b.RunWasiMain());
        Assert.AreEqual(0, a.RunWasiMain());
        Assert.AreEqual("plugin: hello\n", Text(first));
        Assert.AreEqual("plugin: hello\n", Text(second));
        CollectionAssert.AreEqual(new[] { 42, 42 }, logged);
    }

    [TestMethod]
    public void MissingOrWrongHostImportsAreLinkErrors()
    {
        Module module = Load("wasi_mixed");
        Func log = Func.FromCallback(Store, (int _) => { });
        var options = new InstanceOptions { Wasi = new WasiConfiguration() };
        LinkException missing = Assert.ThrowsExactly<LinkException>(() => new Instance(Store, module, [null, log, null, null], options));
        StringAssert.Contains(missing.Message, "env::add");
        LinkException wrong = Assert.ThrowsExactly<LinkException>(() => new Instance(Store, module, [null, log, null, log], options));
        StringAssert.Contains(wrong.Message, "env::add");
        Assert.ThrowsExactly<LinkException>(() => new Instance(Store, module, [], options), "no imports at all: the host's are missing");
    }

    [TestMethod]
    public void OneModuleCannotTakeWasiFromTheEngineAndFromHostFunctions()
    {
        // WAMR keeps an import's link in the module: the first instantiation decides, the other way is refused.
        Module engineFirst = Load("wasi_mixed");
        _ = Plugin(engineFirst, [], new MemoryStream());
        NotSupportedException e = Assert.ThrowsExactly<NotSupportedException>(() => new Instance(Store, engineFirst, AllFromHost()));
        StringAssert.Contains(e.Message, "engine's WASI");

        Module hostFirst = Load("wasi_mixed");
        _ = new Instance(Store, hostFirst, AllFromHost());
        Assert.ThrowsExactly<NotSupportedException>(() => Plugin(hostFirst, [], new MemoryStream()));
    }

    private Instance Plugin(Module module, List<int> logged, MemoryStream output)
    {
        Func log = Func.FromCallback(Store, (int value) => logged.Add(value));
        Func add = Func.FromCallback(Store, (int a, int b) => a + b);
        var options = new InstanceOptions { Wasi = new WasiConfiguration().WithStandardOutput(WasiOutput.ToStream(output)) };
        return new Instance(Store, module, [null, log, null, add], options);
    }

    private Extern[] AllFromHost() =>
    [
        Func.FromCallback(Store, (int fd, int iovs, int count, int written) => 0),
        Func.FromCallback(Store, (int _) => { }),
        Func.FromCallback(Store, (int _) => { }),
        Func.FromCallback(Store, (int a, int b) => a + b),
    ];
}
