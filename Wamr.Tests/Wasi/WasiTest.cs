using System;
using System.IO;
using System.Text;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Wasi;

/// <summary>A fresh engine and store per test, a scratch directory, and the WASI test modules of <c>Wasi/Modules</c>.</summary>
public abstract class WasiTest
{
    /// <summary>The engine of the current test.</summary>
    protected Engine Engine { get; private set; } = null!;

    /// <summary>The store of the current test.</summary>
    protected Store Store { get; private set; } = null!;

    /// <summary>A directory of the test's own, deleted afterwards.</summary>
    protected string Scratch { get; private set; } = null!;

    [TestInitialize]
    public void CreateStore()
    {
        Engine = new Engine();
        Store = new Store(Engine);
        Scratch = Path.Combine(Path.GetTempPath(), "wamr-wasi-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Scratch);
    }

    [TestCleanup]
    public void DisposeStore()
    {
        Store.Dispose();
        Engine.Dispose();
        Directory.Delete(Scratch, recursive: true);
    }

    /// <summary>The path of a compiled WASI test module.</summary>
    protected static string ModulePath(string name) => Path.Combine(AppContext.BaseDirectory, "Wasi", "Modules", name + ".wasm");

    /// <summary>Loads a WASI test module into the test's store.</summary>
    protected Module Load(string name) => Module.FromFile(Store, ModulePath(name));

    /// <summary>Instantiates a test module on the engine's WASI with <paramref name="configuration"/>.</summary>
    protected Instance Instantiate(string name, WasiConfiguration? configuration) =>
        new(Store, Load(name), [], new InstanceOptions { Wasi = configuration });

    /// <summary>A configuration for <c>wasi_probe</c> (a C program) with these arguments after its name.</summary>
    protected static WasiConfiguration Probe(params string[] arguments) =>
        new WasiConfiguration().WithArguments("wasi_probe").WithArguments(arguments);

    /// <summary>Runs <c>wasi_probe</c> with <paramref name="configuration"/> (its output and error captured); returns its
    /// exit code and what it printed.</summary>
    protected (int ExitCode, string Output, string Error) RunProbe(WasiConfiguration configuration)
    {
        var output = new MemoryStream();
        var error = new MemoryStream();
        configuration.WithStandardOutput(WasiOutput.ToStream(output)).WithStandardError(WasiOutput.ToStream(error));
        int code = Instantiate("wasi_probe", configuration).RunWasiMain();
        return (code, Text(output), Text(error));
    }

    /// <summary>What a stream captured, as UTF-8.</summary>
    protected static string Text(MemoryStream stream) => Encoding.UTF8.GetString(stream.ToArray());
}
