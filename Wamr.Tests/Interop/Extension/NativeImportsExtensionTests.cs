using System;
using System.IO;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Interop.Procedural;

using static Wamr.Interop.WamrExt;
using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Extension;

/// <summary><c>wamr_ext_module_native_imports</c> and <c>wamr_ext_instance_relink_native_imports</c>: WAMR's own WASI
/// beside host imports (the façade's use is tested in <c>Wasi/WasiWithHostImportsTests</c>).</summary>
[TestClass]
public sealed unsafe class NativeImportsExtensionTests : ProceduralTest
{
    [TestMethod]
    public void WasiImportsAreNativelyLinkedAndHostImportsAreNot()
    {
        wasm_module_t* module = LoadWasiMixed();
        void** linked = stackalloc void*[4];
        Assert.IsTrue(wamr_ext_module_native_imports(module, linked, 4));
        // fd_write, env::log, proc_exit, env::add
        Assert.IsTrue(linked[0] != null, "WAMR's fd_write");
        Assert.IsTrue(linked[1] == null, "env::log is the host's");
        Assert.IsTrue(linked[2] != null, "WAMR's proc_exit");
        Assert.IsTrue(linked[3] == null, "env::add is the host's");
    }

    [TestMethod]
    public void WrongCountsAndNullAreRefusedWithoutWriting()
    {
        wasm_module_t* module = LoadWasiMixed();
        void** linked = stackalloc void*[5];
        linked[0] = (void*)1;
        Assert.IsFalse(wamr_ext_module_native_imports(module, linked, 3));
        Assert.IsFalse(wamr_ext_module_native_imports(module, linked, 5));
        Assert.IsFalse(wamr_ext_module_native_imports(null, linked, 4));
        Assert.IsFalse(wamr_ext_module_native_imports(module, null, 4));
        Assert.IsTrue(linked[0] == (void*)1, "nothing written");
        Assert.IsFalse(wamr_ext_instance_relink_native_imports(null, linked, 4));
        Assert.IsFalse(wamr_ext_instance_relink_native_imports(Instantiate("module"), linked, 4), "not the count of that instance's module");
    }

    private wasm_module_t* LoadWasiMixed() => LoadOutputModule("Wasi", "wasi_mixed");
}
