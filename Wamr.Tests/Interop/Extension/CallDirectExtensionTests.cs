using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Interop.Procedural;

using static Wamr.Interop.WamrApi;
using static Wamr.Interop.WamrExt;
using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Extension;

/// <summary><c>wamr_ext_call_direct</c>: <c>wasm_runtime_call_wasm</c>'s behaviour with less work per call.</summary>
[TestClass]
public sealed unsafe class CallDirectExtensionTests : ProceduralTest
{
    /// <summary>Export positions in trap.wasm.</summary>
    private const int DivideExport = 2;

    private static (wasm_exec_env_t ExecEnv, wasm_function_inst_t Function, wasm_module_inst_t ModuleInst) Target(wasm_func_t* func)
    {
        wasm_module_inst_t moduleInst;
        wasm_function_inst_t function;
        Assert.IsTrue(wamr_ext_func_target(func, &moduleInst, null, &function));
        wasm_exec_env_t execEnv = wasm_runtime_get_exec_env_singleton(moduleInst);
        Assert.IsFalse(execEnv.IsNull);
        return (execEnv, function, moduleInst);
    }

    [TestMethod]
    public void ItCallsAndTrapsLikeTheEnginesEntry()
    {
        using wasm_extern_vec_t exports = Exports(Instantiate("trap"));
        (wasm_exec_env_t execEnv, wasm_function_inst_t divide, wasm_module_inst_t inst) = Target(wasm_extern_as_func(exports[DivideExport]));
        uint* cells = stackalloc uint[2] { 42, 7 };
        Assert.IsTrue(wamr_ext_call_direct(execEnv, divide, 2, cells));
        Assert.AreEqual(6u, cells[0]);

        cells[0] = 1;
        cells[1] = 0;
        Assert.IsFalse(wamr_ext_call_direct(execEnv, divide, 2, cells));
        Assert.AreEqual("Exception: integer divide by zero", Marshal.PtrToStringUTF8((nint)wasm_runtime_get_exception(inst)));
        wasm_runtime_clear_exception(inst);

        cells[0] = 10;
        cells[1] = 5;
        Assert.IsTrue(wamr_ext_call_direct(execEnv, divide, 2, cells), "the instance stays usable");
        Assert.AreEqual(2u, cells[0]);
    }

    [TestMethod]
    public void WrongCountsAndNullsAreRefusedBeforeRunning()
    {
        using wasm_extern_vec_t exports = Exports(Instantiate("trap"));
        (wasm_exec_env_t execEnv, wasm_function_inst_t divide, wasm_module_inst_t inst) = Target(wasm_extern_as_func(exports[DivideExport]));
        uint* cells = stackalloc uint[2] { 8, 0 };
        Assert.IsFalse(wamr_ext_call_direct(execEnv, divide, 1, cells));
        StringAssert.Contains(Marshal.PtrToStringUTF8((nint)wasm_runtime_get_exception(inst)), "wrong argument cell count");
        wasm_runtime_clear_exception(inst);
        Assert.IsFalse(wamr_ext_call_direct(execEnv, divide, 2, null));
        wasm_runtime_clear_exception(inst);
        Assert.IsFalse(wamr_ext_call_direct(default, divide, 2, cells));
        Assert.IsFalse(wamr_ext_call_direct(execEnv, default, 2, cells));
        Assert.AreEqual(8u, cells[0], "nothing ran: no division by zero, no result");
    }

    [TestMethod]
    public void ExternrefsAreConvertedAsByTheEnginesEntry()
    {
        using wasm_extern_vec_t exports = Exports(Instantiate(LoadOutputModule("Facade", "refs")));
        (wasm_exec_env_t execEnv, wasm_function_inst_t echo, _) = Target(wasm_extern_as_func(exports[10]));
        uint* cells = stackalloc uint[4];
        *(nint*)cells = 0x1234_5678;
        Assert.IsTrue(wamr_ext_call_direct(execEnv, echo, (uint)(sizeof(nint) / sizeof(uint)), cells));
        Assert.AreEqual(0x1234_5678, *(nint*)cells, "a host pointer in, the same pointer out");
    }

    [TestMethod]
    public void AnExecEnvUsedByAnotherThreadIsUpdatedForIt()
    {
        using wasm_extern_vec_t exports = Exports(Instantiate("trap"));
        (wasm_exec_env_t execEnv, wasm_function_inst_t divide, _) = Target(wasm_extern_as_func(exports[DivideExport]));
        uint Divide(uint a, uint b)
        {
            uint* cells = stackalloc uint[2] { a, b };
            Assert.IsTrue(wamr_ext_call_direct(execEnv, divide, 2, cells));
            return cells[0];
        }

        Assert.AreEqual(4u, Divide(8, 2));
        // Another thread (its own stack, its own boundary), then this one again: each call runs with its thread's.
        Assert.AreEqual(3u, Task.Run(() =>
        {
            wasm_runtime_init_thread_env();
            try
            {
                return Divide(9, 3);
            }
            finally
            {
                wasm_runtime_destroy_thread_env();
            }
        }).Result);
        Assert.AreEqual(5u, Divide(10, 2));
    }
}
