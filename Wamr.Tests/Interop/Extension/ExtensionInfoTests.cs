using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Interop.Procedural;

using static Wamr.Interop.WamrApi;
using static Wamr.Interop.WamrExt;

namespace Wamr.Tests.Interop.Extension;

/// <summary>
/// The engine extension's identity functions (<c>native/ext/wamr_ext.h</c>) and the bridge from a wasm-c-api instance
/// to the native module instance the rest of the extension and <c>wasm_export.h</c> work on.
/// </summary>
[TestClass]
public sealed unsafe class ExtensionInfoTests : ProceduralTest
{
    [TestMethod]
    public void TheShippedLibraryHasTheExtensionItWasBuiltFor()
    {
        Assert.AreEqual((uint)WAMR_EXT_ABI_VERSION, wamr_ext_abi_version());
        Assert.AreEqual(10102u, wamr_ext_wamr_version());
        Assert.AreEqual(10102, WAMR_EXT_WAMR_VERSION);
        Assert.IsTrue(WamrExtension.IsAvailable, WamrExtension.UnavailableReason);
        Assert.IsNull(WamrExtension.UnavailableReason);
    }

    [TestMethod]
    public void InstanceModuleInstIsTheNativeInstance()
    {
        wasm_instance_t* instance = Instantiate("module");
        wasm_module_inst_t native = wamr_ext_instance_module_inst(instance);
        Assert.IsFalse(native.IsNull, "the native module instance is NULL");

        // The native API accepts it: a fresh instance has no exception; one set through the native API is seen again.
        Assert.IsTrue(wasm_runtime_get_exception(native) == null);
        byte* probe = stackalloc byte[] { (byte)'p', (byte)'r', (byte)'o', (byte)'b', (byte)'e', 0 };
        wasm_runtime_set_exception(native, probe);
        Assert.AreEqual("Exception: probe", new string((sbyte*)wasm_runtime_get_exception(native)));
        wasm_runtime_clear_exception(native);
        Assert.IsTrue(wasm_runtime_get_exception(native) == null);
    }

    [TestMethod]
    public void InstanceModuleInstOfNullIsNull()
    {
        Assert.IsTrue(wamr_ext_instance_module_inst(null).IsNull);
    }
}
