using System;
using System.IO;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Wasi;

/// <summary>Which modules get the engine's WASI, what an instance without a configuration sees, and what is refused.</summary>
[TestClass]
public sealed class WasiInstantiationTests : WasiTest
{
    [TestMethod]
    public void WithoutAConfigurationTheProgramGetsAnEmptyWorld()
    {
        // No InstanceOptions at all, and no imports: the engine's WASI with an empty configuration.
        Instance instance = new(Store, Load("wasi_stdio"));
        Assert.IsTrue(instance.HasWasi);
        Assert.AreEqual(0, instance.GetFunction<int>("args_count")!());
        Assert.AreEqual(0, instance.GetFunction<int>("env_count")!());
        Assert.AreEqual(8, instance.GetFunction<int, int>("prestat")!(3), "no preopened directory (EBADF)");
        Assert.AreEqual(0, instance.GetFunction<int>("echo")!(), "standard input is empty");
        Assert.AreEqual(0, instance.GetFunction<int, int, int, int>("write")!(1, 16, 6), "output is discarded, not refused");
        Assert.AreEqual(0, instance.RunWasiMain());
    }

    [TestMethod]
    public void NullForEachWasiImportAlsoSelectsTheEngine()
    {
        Module module = Load("wasi_stdio");
        var imports = new Extern?[module.Imports.Count];
        Instance instance = new(Store, module, imports, new InstanceOptions { Wasi = new WasiConfiguration().WithArguments("a", "b") });
        Assert.AreEqual(2, instance.GetFunction<int>("args_count")!());
    }

    [TestMethod]
    public void ALinkerWithoutWasiDefinitionsUsesTheEngine()
    {
        var output = new MemoryStream();
        Instance instance = new Linker().Instantiate(Store, Load("wasi_stdio"), new InstanceOptions
        {
            Wasi = new WasiConfiguration().WithStandardOutput(WasiOutput.ToStream(output)),
        });
        Assert.AreEqual(0, instance.RunWasiMain());
        Assert.AreEqual("hello\n", Text(output));
    }

    [TestMethod]
    public void WasiImportsGivenAsHostFunctionsReplaceTheEngine()
    {
        // Every WASI import is the caller's own: the module is linked like any other; the configuration cannot apply.
        int exitCode = -1;
        Module module = Load("wasi_exit");
        Func fdWrite = Func.FromCallback(Store, (int fd, int iovs, int count, int written) => 0);
        Func procExit = Func.FromCallback(Store, (int code) => { exitCode = code; });
        Instance instance = new(Store, module, fdWrite, procExit);
        Assert.IsFalse(instance.HasWasi);
        Assert.ThrowsExactly<TrapException>(() => instance.RunWasiMain(), "the host proc_exit returns, and the program reaches unreachable");
        Assert.AreEqual(42, exitCode);

        ArgumentException error = Assert.ThrowsExactly<ArgumentException>(
            () => new Instance(Store, module, [fdWrite, procExit], new InstanceOptions { Wasi = new WasiConfiguration() }));
        StringAssert.Contains(error.Message, "replace the engine's WASI");
    }

    [TestMethod]
    public void SomeWasiImportsGivenIsALinkError()
    {
        Module module = Load("wasi_exit");
        Func fdWrite = Func.FromCallback(Store, (int fd, int iovs, int count, int written) => 0);
        LinkException error = Assert.ThrowsExactly<LinkException>(() => new Instance(Store, module, fdWrite, null));
        StringAssert.Contains(error.Message, "wasi_unstable::proc_exit");
        StringAssert.Contains(error.Message, "every WASI import");
    }

    [TestMethod]
    public void TheWrongNumberOfImportsIsRefused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new Instance(Store, Load("wasi_exit"), [null], InstanceOptions.Default));
    }

    [TestMethod]
    public void AModuleWithoutWasiRefusesAConfiguration()
    {
        Module module = Module.FromFile(Store, Path.Combine(AppContext.BaseDirectory, "Facade", "Modules", "arith.wasm"));
        ArgumentException error = Assert.ThrowsExactly<ArgumentException>(
            () => new Instance(Store, module, [], new InstanceOptions { Wasi = new WasiConfiguration() }));
        StringAssert.Contains(error.Message, "does not import WASI");
        Assert.IsFalse(new Instance(Store, module).HasWasi);
    }

    [TestMethod]
    public void AWasiModuleWithAStartSectionRunsItOnceTheStreamsAreConnected()
    {
        var output = new System.IO.MemoryStream();
        _ = Instantiate("wasi_start_section", new WasiConfiguration().WithStandardOutput(WasiOutput.ToStream(output)));
        Assert.AreEqual("started\n", Text(output));
    }

    [TestMethod]
    public void NullArgumentsAndVariablesAreRefused()
    {
        var configuration = new WasiConfiguration();
        Assert.ThrowsExactly<ArgumentNullException>(() => configuration.WithArguments((string[])null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => configuration.WithArguments((System.Collections.Generic.IEnumerable<string>)null!));
        ArgumentNullException nullItem = Assert.ThrowsExactly<ArgumentNullException>(() => configuration.WithArguments("a", null!));
        StringAssert.Contains(nullItem.Message, "Argument 1 is null");
        Assert.IsEmpty(configuration.Arguments, "a refused call adds nothing");
        Assert.ThrowsExactly<ArgumentException>(() => configuration.WithArguments("a\0b"));
        Assert.ThrowsExactly<ArgumentNullException>(() => configuration.WithEnvironmentVariable(null!, "v"));
        Assert.ThrowsExactly<ArgumentNullException>(() => configuration.WithEnvironmentVariable("n", null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => configuration.WithEnvironmentVariables(null!));
        Assert.ThrowsExactly<ArgumentException>(() => configuration.WithEnvironmentVariable(string.Empty, "v"));
        Assert.ThrowsExactly<ArgumentException>(() => configuration.WithEnvironmentVariable("A=B", "v"));
        Assert.ThrowsExactly<ArgumentException>(() => configuration.WithEnvironmentVariable("A", "v\0"));
        Assert.IsEmpty(configuration.EnvironmentVariables);
        Assert.IsEmpty(configuration.PreopenedDirectories);
    }

    [TestMethod]
    public void AConfigurationChangedLaterAffectsOnlyLaterInstances()
    {
        WasiConfiguration configuration = new WasiConfiguration().WithArguments("a");
        Instance first = Instantiate("wasi_stdio", configuration);
        configuration.WithArguments("b", "c");
        Instance second = Instantiate("wasi_stdio", configuration);
        Assert.AreEqual(1, first.GetFunction<int>("args_count")!());
        Assert.AreEqual(3, second.GetFunction<int>("args_count")!());
    }

    [TestMethod]
    public void OptionsCarryTheConfiguration()
    {
        var configuration = new WasiConfiguration();
        var options = new InstanceOptions { Wasi = configuration };
        Assert.AreSame(configuration, options.Wasi);
        Assert.IsNull(InstanceOptions.Default.Wasi);
    }
}
