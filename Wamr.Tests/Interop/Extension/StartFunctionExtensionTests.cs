using System;
using System.IO;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Interop.Procedural;

using static Wamr.Interop.WamrExt;
using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Extension;

/// <summary><c>wamr_ext_module_take_start</c>: taking a start function away from WAMR's instantiation.</summary>
[TestClass]
public sealed unsafe class StartFunctionExtensionTests : ProceduralTest
{
    [TestMethod]
    public void TheStartFunctionIsTakenOnceAndNoLongerRunsAtInstantiation()
    {
        wasm_module_t* module = LoadFacadeModule("start_ok");
        uint index = 99;
        Assert.IsTrue(wamr_ext_module_take_start(module, &index));
        Assert.AreEqual(0u, index, "start_ok's start function is its function 0");
        Assert.IsFalse(wamr_ext_module_take_start(module, &index), "already taken");

        // The module's own start would set "ready" to 1; taken away, instantiation leaves it 0.
        wasm_instance_t* instance = Instantiate(module);
        using wasm_extern_vec_t exports = Exports(instance);
        var results = new wasm_val_t[1];
        Call(wasm_extern_as_func(exports[0]), [], results);
        Assert.AreEqual(0, results[0].of.i32);
    }

    [TestMethod]
    public void AModuleWithoutAStartFunctionOrNullGivesFalse()
    {
        uint index = 7;
        Assert.IsFalse(wamr_ext_module_take_start(LoadModule("module"), &index));
        Assert.IsFalse(wamr_ext_module_take_start(null, &index));
        Assert.IsFalse(wamr_ext_module_take_start(LoadFacadeModule("start_ok"), null));
        Assert.AreEqual(7u, index, "untouched");
    }

    private wasm_module_t* LoadFacadeModule(string name) => LoadOutputModule("Facade", name);
}
