using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop;

/// <summary>
/// Keeps an engine (and a store) alive around every test: WAMR allocates C-API objects only while an engine exists,
/// and <c>wasm_engine_new</c> is a refcounted process singleton, so each test adds one reference and drops it.
/// </summary>
public abstract unsafe class EngineTestBase
{
    /// <summary>The engine of the current test.</summary>
    protected wasm_engine_t* Engine { get; private set; }

    /// <summary>A store of <see cref="Engine"/> for the current test.</summary>
    protected wasm_store_t* Store { get; private set; }

    /// <summary>Makes the engine and the store.</summary>
    [TestInitialize]
    public void CreateEngineAndStore()
    {
        Engine = wasm_engine_new();
        Assert.IsTrue(Engine != null, "wasm_engine_new returned NULL");
        Store = wasm_store_new(Engine);
        Assert.IsTrue(Store != null, "wasm_store_new returned NULL");
    }

    /// <summary>Deletes the store and drops the engine reference.</summary>
    [TestCleanup]
    public void DeleteStoreAndEngine() => DeleteEngineNow();

    /// <summary>Deletes the store and the engine before the test ends (WAMR then has no allocator).</summary>
    protected void DeleteEngineNow()
    {
        if (Store != null)
        {
            wasm_store_delete(Store);
            Store = null;
        }

        if (Engine != null)
        {
            wasm_engine_delete(Engine);
            Engine = null;
        }
    }
}
