using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Interop.Procedural;

using static Wamr.Interop.WamrApi;
using static Wamr.Interop.WamrExt;
using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Extension;

/// <summary>
/// The extension's fast calls and references section (<c>native/ext/wamr_ext.h</c>): resolving a wasm-c-api function for
/// <c>wasm_runtime_call_wasm</c>, making a funcref's function, taking a trap, and the procedural call with cells. Modules:
/// <c>TestModules/trap.wat</c> (inner, middle, outer, divide) and the façade's <c>Facade/Modules/refs.wat</c>.
/// </summary>
[TestClass]
public sealed unsafe class FastCallExtensionTests : ProceduralTest
{
    /// <summary>Export positions and function indexes in trap.wasm.</summary>
    private const int InnerExport = 0, DivideExport = 2, DivideIndex = 3, FunctionCount = 4;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static wasm_trap_t* Nothing(wasm_val_vec_t* args, wasm_val_vec_t* results) => null;

    private wasm_func_t* HostFunction()
    {
        wasm_functype_t* type = FuncType([], []);
        wasm_func_t* host = wasm_func_new(Store, type, &Nothing);
        wasm_functype_delete(type);
        Assert.IsTrue(host != null);
        return host;
    }

    /// <summary>Instantiates refs.wasm (the façade's module) in the current store.</summary>
    private wasm_instance_t* InstantiateRefs() => Instantiate(LoadOutputModule("Facade", "refs"));

    private static wasm_func_t* ExportedFunc(wasm_extern_vec_t exports, int index) => wasm_extern_as_func(exports[index]);

    private static string TrapText(wasm_trap_t* trap)
    {
        string text = Message(trap);
        wasm_trap_delete(trap);
        return text;
    }

    [TestMethod]
    public void FuncTargetResolvesTheRuntimeFunction()
    {
        wasm_instance_t* instance = Instantiate("trap");
        using wasm_extern_vec_t exports = Exports(instance);
        wasm_module_inst_t moduleInst;
        uint index;
        wasm_function_inst_t function;
        Assert.IsTrue(wamr_ext_func_target(ExportedFunc(exports, DivideExport), &moduleInst, &index, &function));
        Assert.AreEqual(wamr_ext_instance_module_inst(instance), moduleInst);
        Assert.AreEqual((uint)DivideIndex, index);
        fixed (byte* name = "divide\0"u8)
        {
            Assert.AreEqual(wasm_runtime_lookup_function(moduleInst, name, null), function, "the same function instance the native API finds");
        }

        // The engine's entry calls it on the instance's exec env singleton (the one wasm_func_call uses).
        uint* cells = stackalloc uint[2] { 42, 6 };
        Assert.IsTrue(wasm_runtime_call_wasm(wasm_runtime_get_exec_env_singleton(moduleInst), function, 2, cells));
        Assert.AreEqual(7u, cells[0]);

        // Every out pointer is optional.
        Assert.IsTrue(wamr_ext_func_target(ExportedFunc(exports, InnerExport), null, null, null));
    }

    [TestMethod]
    public void FuncTargetOfNullOrAHostFunctionIsFalse()
    {
        wasm_module_inst_t moduleInst = default;
        uint index = 12345;
        Assert.IsFalse(wamr_ext_func_target(null, &moduleInst, &index, null));
        Assert.IsFalse(wamr_ext_func_target(HostFunction(), &moduleInst, &index, null));
        Assert.IsTrue(moduleInst.IsNull, "nothing is written");
        Assert.AreEqual(12345u, index);
    }

    [TestMethod]
    public void ImportFuncCountCountsTheImportedFunctions()
    {
        Assert.AreEqual(0u, wamr_ext_import_func_count(wamr_ext_instance_module_inst(Instantiate("trap"))));

        // func.wasm imports host.twice (left unlinked here): function 0 is the import.
        wasm_instance_t* withImport = Instantiate("func");
        Assert.AreEqual(1u, wamr_ext_import_func_count(wamr_ext_instance_module_inst(withImport)));
        using wasm_extern_vec_t exports = Exports(withImport);
        uint index;
        wasm_function_inst_t function;
        Assert.IsTrue(wamr_ext_func_target(ExportedFunc(exports, 0), null, &index, &function));
        Assert.AreEqual(1u, index, "add comes after the import");
        Assert.IsTrue(function.Value != null);
    }

    [TestMethod]
    public void ImportFuncCountOfNullIsZero()
    {
        Assert.AreEqual(0u, wamr_ext_import_func_count(default));
    }

    [TestMethod]
    public void FuncNewMakesAFunctionOfTheInstance()
    {
        wasm_instance_t* instance = Instantiate("trap");
        wasm_module_inst_t moduleInst = wamr_ext_instance_module_inst(instance);
        wasm_func_t* divide = wamr_ext_func_new(Store, moduleInst, DivideIndex);
        Assert.IsTrue(divide != null);
        Assert.AreEqual(2UL, (ulong)wasm_func_param_arity(divide));
        Assert.AreEqual(1UL, (ulong)wasm_func_result_arity(divide));
        var results = new wasm_val_t[1];
        Call(divide, [I32(9), I32(3)], results);
        Assert.AreEqual(3, results[0].of.i32);

        // The middle function is not exported; it is still a function of the instance (and traps in inner).
        wasm_func_t* middle = wamr_ext_func_new(Store, moduleInst, 1);
        Assert.AreEqual("Exception: unreachable", CallForTrap(middle, [], []));
        wasm_func_delete(divide);
        wasm_func_delete(middle);
    }

    [TestMethod]
    public void FuncNewRefusesWhatIsNotAFunctionOfTheInstance()
    {
        wasm_module_inst_t moduleInst = wamr_ext_instance_module_inst(Instantiate("trap"));
        Assert.IsTrue(wamr_ext_func_new(Store, moduleInst, FunctionCount) == null);
        Assert.IsTrue(wamr_ext_func_new(Store, moduleInst, 70_000) == null);
        Assert.IsTrue(wamr_ext_func_new(Store, moduleInst, uint.MaxValue) == null, "ref.null is no function");
        Assert.IsTrue(wamr_ext_func_new(null, moduleInst, 0) == null);
        Assert.IsTrue(wamr_ext_func_new(Store, default, 0) == null);
    }

    [TestMethod]
    public void TakeTrapReportsAndClearsTheException()
    {
        wasm_instance_t* instance = Instantiate("trap");
        using wasm_extern_vec_t exports = Exports(instance);
        wasm_module_inst_t moduleInst;
        wasm_function_inst_t function;
        Assert.IsTrue(wamr_ext_func_target(ExportedFunc(exports, DivideExport), &moduleInst, null, &function));
        uint* cells = stackalloc uint[2] { 1, 0 };
        Assert.IsFalse(wasm_runtime_call_wasm(wasm_runtime_get_exec_env_singleton(moduleInst), function, 2, cells));
        wasm_trap_t* trap = wamr_ext_take_trap(Store, moduleInst);
        Assert.IsTrue(trap != null);
        wasm_frame_t* origin = wasm_trap_origin(trap);
        Assert.IsTrue(origin != null, "the trap has WAMR's frames");
        Assert.AreEqual((uint)DivideIndex, wasm_frame_func_index(origin));
        Assert.IsTrue(wasm_frame_instance(origin) == instance);
        wasm_frame_delete(origin);
        Assert.AreEqual("Exception: integer divide by zero", TrapText(trap));
        Assert.IsTrue(wasm_runtime_get_exception(moduleInst) == null, "the exception is cleared");

        // With no exception pending the trap says so.
        Assert.AreEqual("the call failed without an exception (WAMR refused the exec env)", TrapText(wamr_ext_take_trap(Store, moduleInst)));
    }

    [TestMethod]
    public void TakeTrapWithoutAStoreOrInstanceIsNull()
    {
        wasm_module_inst_t moduleInst = wamr_ext_instance_module_inst(Instantiate("trap"));
        Assert.IsTrue(wamr_ext_take_trap(null, moduleInst) == null);
        Assert.IsTrue(wamr_ext_take_trap(Store, default) == null);
    }

    [TestMethod]
    public void FuncCallCallsWithCells()
    {
        using wasm_extern_vec_t exports = Exports(Instantiate("trap"));
        wasm_func_t* divide = ExportedFunc(exports, DivideExport);
        Assert.AreEqual(2u, wamr_ext_func_cell_count(divide));
        uint* cells = stackalloc uint[2] { 42, 7 };
        wasm_trap_t* trap = null;
        Assert.IsTrue(wamr_ext_func_call(divide, cells, 2, &trap));
        Assert.IsTrue(trap == null);
        Assert.AreEqual(6u, cells[0]);

        cells[0] = 5;
        cells[1] = 0;
        Assert.IsFalse(wamr_ext_func_call(divide, cells, 2, &trap));
        Assert.AreEqual("Exception: integer divide by zero", TrapText(trap));

        // Without a trap pointer the failure is only the return value, and the instance stays usable.
        cells[1] = 0;
        Assert.IsFalse(wamr_ext_func_call(divide, cells, 2, null));
        cells[0] = 10;
        cells[1] = 5;
        Assert.IsTrue(wamr_ext_func_call(divide, cells, 2, null));
        Assert.AreEqual(2u, cells[0]);
    }

    [TestMethod]
    public void FuncCallRefusesWhatItCannotCall()
    {
        using wasm_extern_vec_t exports = Exports(Instantiate("trap"));
        wasm_func_t* divide = ExportedFunc(exports, DivideExport);
        uint* cells = stackalloc uint[2] { 8, 0 };
        wasm_trap_t* trap = null;
        Assert.IsFalse(wamr_ext_func_call(divide, cells, 1, &trap));
        StringAssert.Contains(TrapText(trap), "cell_count is smaller than the function needs");
        Assert.IsFalse(wamr_ext_func_call(divide, null, 0, &trap));
        StringAssert.Contains(TrapText(trap), "cell_count is smaller");
        Assert.IsFalse(wamr_ext_func_call(HostFunction(), cells, 2, &trap));
        StringAssert.Contains(TrapText(trap), "a host function cannot be called this way");
        Assert.IsFalse(wamr_ext_func_call(null, cells, 2, &trap));
        Assert.IsTrue(trap == null);
        Assert.AreEqual(0u, wamr_ext_func_cell_count(null));
        Assert.AreEqual(0u, wamr_ext_func_cell_count(HostFunction()));
        Assert.AreEqual(8u, cells[0], "nothing was called: no division by zero trapped, no result was written");
    }

    [TestMethod]
    public void FuncCallPassesReferences()
    {
        using wasm_extern_vec_t exports = Exports(InstantiateRefs());
        // Export positions in refs.wasm (two tables first).
        wasm_func_t* seven = ExportedFunc(exports, 2);
        wasm_func_t* echo = ExportedFunc(exports, 10);
        wasm_func_t* isNull = ExportedFunc(exports, 11);
        wasm_func_t* mixed = ExportedFunc(exports, 14);
        Assert.AreEqual(WASM_EXTERN_FUNC, wasm_extern_kind(exports[14]));
        int pointerCells = sizeof(nint) / sizeof(uint);

        // A NULL externref is ref.null (wasm_func_call and wasm_runtime_call_wasm pass it as an object).
        uint* cells = stackalloc uint[16];
        *(nint*)cells = 0;
        Assert.IsTrue(wamr_ext_func_call(isNull, cells, (uint)pointerCells, null));
        Assert.AreEqual(1u, cells[0]);
        *(nint*)cells = 0;
        Assert.IsTrue(wamr_ext_func_call(echo, cells, (uint)pointerCells, null));
        Assert.AreEqual(0, *(nint*)cells);

        // Any other pointer is a host object, kept by WAMR's externref map and given back.
        *(nint*)cells = 0x1234_5678;
        Assert.IsTrue(wamr_ext_func_call(echo, cells, (uint)pointerCells, null));
        Assert.AreEqual(0x1234_5678, *(nint*)cells);
        *(nint*)cells = 0x1234_5678;
        Assert.IsTrue(wamr_ext_func_call(isNull, cells, (uint)pointerCells, null));
        Assert.AreEqual(0u, cells[0]);

        // mixed(i64, externref, f64, funcref, i32, f32) -> (i32, externref, i64, funcref, f64, f32)
        uint needed = wamr_ext_func_cell_count(mixed);
        Assert.AreEqual((uint)(2 + pointerCells + 2 + 1 + 1 + 1), needed);
        uint sevenIndex;
        Assert.IsTrue(wamr_ext_func_target(seven, null, &sevenIndex, null));
        uint at = 0;
        *(long*)(cells + at) = -5; at += 2;
        *(nint*)(cells + at) = 0x4321; at += (uint)pointerCells;
        *(double*)(cells + at) = 2.5; at += 2;
        cells[at++] = sevenIndex;
        cells[at++] = 77;
        *(float*)(cells + at) = 1.5f;
        Assert.IsTrue(wamr_ext_func_call(mixed, cells, needed, null));
        at = 0;
        Assert.AreEqual(77u, cells[at++]);
        Assert.AreEqual(0x4321, *(nint*)(cells + at)); at += (uint)pointerCells;
        Assert.AreEqual(-5L, *(long*)(cells + at)); at += 2;
        Assert.AreEqual(sevenIndex, cells[at++]);
        Assert.AreEqual(2.5, *(double*)(cells + at)); at += 2;
        Assert.AreEqual(1.5f, *(float*)(cells + at));
    }
}
