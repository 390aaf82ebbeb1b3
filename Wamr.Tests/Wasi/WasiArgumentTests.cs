using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Wasi;

/// <summary>Arguments and environment variables as a WASI program (C, wasi-libc) sees them.</summary>
[TestClass]
public sealed class WasiArgumentTests : WasiTest
{
    [TestMethod]
    public void TheProgramSeesItsArgumentsInOrder()
    {
        (int code, string output, string error) = RunProbe(Probe("args", "one", "two words", "", "ünïcødé"));
        Assert.AreEqual(0, code, error);
        Assert.AreEqual("wasi_probe\nargs\none\ntwo words\n\nünïcødé\n", output);
    }

    [TestMethod]
    public void WithoutArgumentsArgvIsEmpty()
    {
        Instance instance = Instantiate("wasi_stdio", new WasiConfiguration());
        Assert.AreEqual(0, instance.GetFunction<int>("args_count")!());
    }

    [TestMethod]
    public void TheProgramSeesItsEnvironment()
    {
        WasiConfiguration configuration = Probe("env", "GREETING", "EMPTY", "PATH", "MISSING")
            .WithEnvironmentVariable("GREETING", "hello = world")
            .WithEnvironmentVariable("EMPTY", string.Empty)
            .WithEnvironmentVariables([new KeyValuePair<string, string>("PATH", "/bin")]);
        (int code, string output, _) = RunProbe(configuration);
        Assert.AreEqual(0, code);
        Assert.AreEqual("GREETING=hello = world\nEMPTY=\nPATH=/bin\nMISSING unset\n", output);
    }

    [TestMethod]
    public void TheHostEnvironmentIsNotVisible()
    {
        string? home = System.Environment.GetEnvironmentVariable("PATH");
        Assert.IsNotNull(home, "the test host has a PATH");
        (_, string output, _) = RunProbe(Probe("env", "PATH"));
        Assert.AreEqual("PATH unset\n", output);
    }

    [TestMethod]
    public void SettingAVariableTwiceKeepsTheLastValue()
    {
        WasiConfiguration configuration = Probe("env", "A").WithEnvironmentVariable("A", "1").WithEnvironmentVariable("A", "2");
        Assert.HasCount(1, configuration.EnvironmentVariables);
        Assert.AreEqual("A=2\n", RunProbe(configuration).Output);
    }

    [TestMethod]
    public void TwoInstancesOfOneModuleKeepTheirOwnArguments()
    {
        // WAMR keeps WASI arguments on the (shared) module until it instantiates: each instance must get its own.
        Module module = Load("wasi_probe");
        var first = new MemoryStream();
        var second = new MemoryStream();
        var a = new Instance(Store, module, [], new InstanceOptions { Wasi = Probe("args", "first").WithStandardOutput(WasiOutput.ToStream(first)) });
        var b = new Instance(Store, module, [], new InstanceOptions { Wasi = Probe("args", "second").WithStandardOutput(WasiOutput.ToStream(second)) });
        var c = new Instance(Store, module, []);
        Assert.AreEqual(0, b.RunWasiMain());
        Assert.AreEqual(0, a.RunWasiMain());
        Assert.AreEqual(2, c.RunWasiMain(), "with no arguments the probe prints its usage and returns 2");
        Assert.AreEqual("wasi_probe\nargs\nfirst\n", Text(first));
        Assert.AreEqual("wasi_probe\nargs\nsecond\n", Text(second));
    }

    [TestMethod]
    public void ConcurrentInstantiationsOfASharedModuleKeepTheirOwnArguments()
    {
        using SharedModule shared = Load("wasi_probe").Share();
        string[] outputs = new string[8];
        Parallel.For(0, outputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            using var engine = new Engine();
            using var store = new Store(engine);
            var output = new MemoryStream();
            for (int round = 0; round < 5; round++)
            {
                var instance = new Instance(store, Module.Obtain(store, shared), [], new InstanceOptions
                {
                    Wasi = Probe("args", $"thread {i}").WithStandardOutput(WasiOutput.ToStream(output)),
                });
                Assert.AreEqual(0, instance.RunWasiMain());
            }

            outputs[i] = Text(output);
        });
        for (int i = 0; i < outputs.Length; i++)
        {
            string expected = $"wasi_probe\nargs\nthread {i}\n";
            Assert.AreEqual(expected + expected + expected + expected + expected, outputs[i]);
        }
    }
}
