using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;
using Wamr.Tests.Interop.Safety;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// <c>wasm_config_*</c>: WAMR 1.1.2 has no configuration objects. <c>wasm_config_new</c> returns NULL, which
/// <c>wasm_engine_new_with_config</c> accepts, and <c>wasm_config_delete</c> ignores its argument.
/// </summary>
[TestClass]
public sealed unsafe class ConfigTests
{
    [TestMethod]
    [Covers("wasm_config_new", CoverageKind.Positive)]
    public void NewReturnsNullWhichEnginesAccept()
    {
        wasm_engine_t* engine = wasm_engine_new();
        try
        {
            wasm_config_t* config = wasm_config_new();
            Assert.IsTrue(config == null, "WAMR 1.1.2 has no configs: wasm_config_new returns NULL");
            wasm_engine_t* configured = wasm_engine_new_with_config(config);
            Assert.IsTrue(configured == engine, "the NULL config gives the one engine");
            wasm_engine_delete(configured);
        }
        finally
        {
            wasm_engine_delete(engine);
        }
    }

    [TestMethod]
    [Covers("wasm_config_new", CoverageKind.Negative)]
    public void NewWithoutAnEngineNeitherFailsNorStartsTheRuntime()
    {
        RuntimeState.AssertNoEngine();
        Assert.IsTrue(wasm_config_new() == null);
        Assert.IsFalse(RuntimeState.IsUp(), "wasm_config_new does not initialize WAMR");
    }

    [TestMethod]
    [Covers("wasm_config_delete", CoverageKind.Positive)]
    public void DeleteTakesWhatNewGave()
    {
        wasm_engine_t* engine = wasm_engine_new();
        try
        {
            wasm_config_delete(wasm_config_new());
            wasm_store_t* store = wasm_store_new(engine);
            Assert.IsTrue(store != null, "the engine is untouched");
            wasm_store_delete(store);
        }
        finally
        {
            wasm_engine_delete(engine);
        }
    }

    [TestMethod]
    [Covers("wasm_config_delete", CoverageKind.Negative)]
    public void DeleteOfNullDoesNothing()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_config_delete", "arg0"));
        wasm_config_delete(null);
    }
}
