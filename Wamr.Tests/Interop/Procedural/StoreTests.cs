using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;
using Wamr.Tests.Interop.Safety;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary><c>wasm_store_*</c>: stores of the engine (the base class keeps an engine and one store alive).</summary>
[TestClass]
public sealed unsafe class StoreTests : EngineTestBase
{
    [TestMethod]
    [Covers("wasm_store_new", CoverageKind.Positive)]
    public void NewGivesIndependentWorkingStores()
    {
        wasm_store_t* first = wasm_store_new(Engine);
        wasm_store_t* second = wasm_store_new(Engine);
        Assert.IsTrue(first != null && second != null && first != second);
        wasm_module_t* a = TestModules.Load(first, "Interop/Procedural/Modules/frames.wasm");
        wasm_module_t* b = TestModules.Load(second, "Interop/Procedural/Modules/frames.wasm");
        Assert.IsTrue(a != b);
        wasm_module_delete(a);
        wasm_module_delete(b);
        wasm_store_delete(second);
        wasm_store_delete(first);
    }

    [TestMethod]
    [Covers("wasm_store_new", CoverageKind.Negative)]
    public void NewRefusesNullAndForeignEngines()
    {
        Assert.AreEqual("NULL", NullProbe.AssertNullIsSafe("wasm_store_new", "arg0"));
        Assert.IsTrue(wasm_store_new(null) == null);

        // Only the engine WAMR made is accepted (it is compared, never read).
        Assert.AreEqual("NULL", NullProbe.AssertOddIsSafe("wasm_store_new", "an engine pointer that is not WAMR's engine"));
        wasm_valtype_t* notAnEngine = wasm_valtype_new(WASM_I32);
        Assert.IsTrue(wasm_store_new((wasm_engine_t*)notAnEngine) == null);
        wasm_valtype_delete(notAnEngine);
    }

    [TestMethod]
    [Covers("wasm_store_delete", CoverageKind.Positive)]
    public void DeleteReleasesTheStore()
    {
        wasm_store_t* store = wasm_store_new(Engine);
        NativeHeap.Watched watched = NativeHeap.Watch(store, "store");
        wasm_store_delete(store);
        watched.AssertReleased();
    }

    [TestMethod]
    [Covers("wasm_store_delete", CoverageKind.Negative)]
    public void DeleteOfNullDoesNothing()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_store_delete", "arg0"));
        wasm_store_delete(null);
        Assert.IsTrue(TestModules.Load(Store, "Interop/Procedural/Modules/frames.wasm") != null, "the test's store still works");
    }
}
