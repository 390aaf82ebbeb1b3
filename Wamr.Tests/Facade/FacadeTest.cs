using System;
using System.IO;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>A fresh engine and store per test, and the test modules of <c>Facade/Modules</c> (see its README).</summary>
public abstract class FacadeTest
{
    /// <summary>The engine of the current test.</summary>
    protected Engine Engine { get; private set; } = null!;

    /// <summary>The store of the current test.</summary>
    protected Store Store { get; private set; } = null!;

    [TestInitialize]
    public void CreateStore()
    {
        Engine = new Engine();
        Store = new Store(Engine);
    }

    [TestCleanup]
    public void DisposeStore()
    {
        Store.Dispose();
        Engine.Dispose();
    }

    /// <summary>The path of a compiled test module.</summary>
    protected static string ModulePath(string name) => Path.Combine(AppContext.BaseDirectory, "Facade", "Modules", name + ".wasm");

    /// <summary>The bytes of a compiled test module.</summary>
    protected static byte[] ModuleBytes(string name) => File.ReadAllBytes(ModulePath(name));

    /// <summary>Loads a test module into the test's store.</summary>
    protected Module Load(string name) => Module.FromFile(Store, ModulePath(name));

    /// <summary>Loads and instantiates a test module with positional imports.</summary>
    protected Instance Instantiate(string name, params Extern[] imports) => new(Store, Load(name), imports);
}
