using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop;

/// <summary>
/// Keeps an engine and a store alive around each test: WAMR allocates every C API object with its runtime
/// allocator, which exists only while an engine does.
/// </summary>
public abstract unsafe class EngineTestBase
{
    protected wasm_engine_t* Engine { get; private set; }

    protected wasm_store_t* Store { get; private set; }

    [TestInitialize]
    public void CreateEngineAndStore()
    {
        Engine = wasm_engine_new();
        Assert.IsTrue(Engine != null);
        Store = wasm_store_new(Engine);
        Assert.IsTrue(Store != null);
    }

    [TestCleanup]
    public void DeleteStoreAndEngine()
    {
        DeleteEngineNow();
    }

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
