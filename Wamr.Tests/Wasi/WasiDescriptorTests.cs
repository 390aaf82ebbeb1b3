using System;
using System.IO;
using System.Linq;
using System.Threading;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Wasi;

/// <summary>
/// Descriptors: the instance owns duplicates (closed by WAMR with the instance, i.e. with its store), the façade owns
/// and closes its pipe ends and stop pipes. After stores are deleted, the process has no more descriptors than before.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class WasiDescriptorTests : WasiTest
{
    [TestMethod]
    public void StoresWithWasiInstancesLeaveNoDescriptorsBehind()
    {
        if (!Directory.Exists("/proc/self/fd"))
        {
            Assert.IsTrue(OperatingSystem.IsMacOS(), "/proc/self/fd exists on Linux");
            return;
        }

        RunStores(1); // warm-up: whatever .NET opens once (thread pool, files) is open from here on
        int before = OpenDescriptors();
        int during = RunStores(10);
        Assert.IsGreaterThan(before, during, "the control: a live store's WASI instances hold descriptors");
        int after = OpenDescriptors();
        for (int wait = 0; wait < 100 && after > before; wait++)
        {
            // Input copies end at their next step once the store has closed their pipes.
            Thread.Sleep(20);
            after = OpenDescriptors();
        }

        Assert.AreEqual(before, after, "descriptors open after 10 stores of WASI instances were deleted");
    }

    [TestMethod]
    public void DisposingInstancesFirstAlsoLeavesNothing()
    {
        if (!Directory.Exists("/proc/self/fd"))
        {
            return;
        }

        RunStores(1, disposeInstances: true);
        int before = OpenDescriptors();
        RunStores(10, disposeInstances: true);
        int after = OpenDescriptors();
        for (int wait = 0; wait < 100 && after > before; wait++)
        {
            Thread.Sleep(20);
            after = OpenDescriptors();
        }

        Assert.AreEqual(before, after);
    }

    /// <summary>Creates stores with WASI instances, uses and deletes them; returns the descriptors open while the last lived.</summary>
    private int RunStores(int count, bool disposeInstances = false)
    {
        string output = Path.Combine(Scratch, "out.txt");
        int during = 0;
        for (int i = 0; i < count; i++)
        {
            using var store = new Store(Engine);
            Module probe = Module.FromFile(store, ModulePath("wasi_probe"));
            Module stdio = Module.FromFile(store, ModulePath("wasi_stdio"));
            var captured = new MemoryStream();
            var instances = new[]
            {
                new Instance(store, probe, [], new InstanceOptions
                {
                    Wasi = Probe("stdin").WithStandardInput(WasiInput.FromText("text\n"))
                        .WithStandardOutput(WasiOutput.ToStream(captured)).WithStandardError(WasiOutput.ToStream(captured))
                        .WithPreopenedDirectory(Scratch, "/scratch"),
                }),
                new Instance(store, stdio, [], new InstanceOptions
                {
                    Wasi = new WasiConfiguration().WithStandardInput(WasiInput.FromStream(new MemoryStream([1, 2, 3])))
                        .WithStandardOutput(WasiOutput.ToFile(output)),
                }),
                new Instance(store, stdio),
                new Instance(store, stdio, [], new InstanceOptions { Wasi = new WasiConfiguration().WithInheritedStandardStreams() }),
            };
            Assert.AreEqual(0, instances[0].RunWasiMain());
            Assert.AreEqual(3, instances[1].GetFunction<int>("echo")!());
            // Output and error share the stream: each write arrives whole, in either order between the two.
            Assert.AreEqual(13, captured.Length, Text(captured));
            StringAssert.Contains(Text(captured), "5 bytes\n");
            during = OpenDescriptors();
            if (disposeInstances)
            {
                foreach (Instance instance in instances.Reverse())
                {
                    instance.Dispose();
                }
            }
        }

        return during;
    }

    private static int OpenDescriptors() => Directory.GetFiles("/proc/self/fd").Length;
}
