using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;

using static Wamr.Interop.WamrApi;

namespace Wamr.Tests.Interop;

/// <summary>
/// <c>get_module_inst(exec_env)</c>, the one function-like macro of wasm_export.h that uses only its argument,
/// translated into a <c>WamrApi</c> method whose parameter type comes from the function it forwards to. Its C
/// counterpart crashes on a null exec env (<c>wasm_runtime_get_module_inst(NULL)</c>, checked in a forked C
/// process), as the P/Invoke it forwards to does: nothing in the header says so, so the generated helper cannot
/// check it, and no negative test calls it (the NULL probe and guard lists cover wasm_c_api.h only).
/// </summary>
[TestClass]
public sealed unsafe class NativeApiHelperTests : EngineTestBase
{
    // Not a [Covers] mark: the coverage table lists wasm_c_api.h, and get_module_inst comes from wasm_export.h.
    [TestMethod]
    public void GetModuleInstReturnsTheInstanceOfAnExecEnv()
    {
        byte[] bytes = TestModule.Bytes("helpers");
        byte* error = stackalloc byte[128];
        fixed (byte* buffer = bytes)
        {
            wasm_module_t module = wasm_runtime_load(buffer, (uint)bytes.Length, error, 128);
            Assert.IsFalse(module.IsNull);
            wasm_module_inst_t instance = wasm_runtime_instantiate(module, 8192, 0, error, 128);
            Assert.IsFalse(instance.IsNull);
            wasm_exec_env_t env = wasm_runtime_create_exec_env(instance, 8192);
            Assert.IsFalse(env.IsNull);

            Assert.AreEqual(instance, get_module_inst(env));

            wasm_runtime_destroy_exec_env(env);
            wasm_runtime_deinstantiate(instance);
            wasm_runtime_unload(module);
        }
    }
}
