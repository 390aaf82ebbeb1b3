using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// <c>wasm_instance_t</c>: instantiation (<c>instance.wasm</c> imports <c>env.tick</c>, a function returning an
/// i32, and <c>env.offset</c>, an i32 global; it exports <c>next</c> = tick() + offset, <c>answer</c>,
/// <c>memory</c> and <c>table</c>), exports, and the WASM_DECLARE_REF(instance) functions libiwasm does not export.
/// </summary>
/// <remarks>
/// WAMR 1.1.2 links imports by position and casts each to the kind the module expects without checking it:
/// the tests pass imports only of the right kinds and in the module's order (an extern of the wrong kind, a
/// NULL element or a short vector crashes). The store releases its instances; <c>wasm_instance_delete</c>
/// frees nothing.
/// </remarks>
[TestClass]
public sealed unsafe class InstanceTests : ProceduralTest
{
    private const int Next = 0, Answer = 1, Memory = 2, Table = 3;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static wasm_trap_t* Tick(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        results->data[0] = I32(100);
        return null;
    }

    private wasm_func_t* TickFunc(bool withParameter = false)
    {
        wasm_functype_t* type = FuncType(withParameter ? [WASM_I32] : [], [WASM_I32]);
        wasm_func_t* func = wasm_func_new(Store, type, &Tick);
        wasm_functype_delete(type);
        return func;
    }

    private wasm_global_t* Offset(int value)
    {
        wasm_globaltype_t* type = wasm_globaltype_new(wasm_valtype_new(WASM_I32), WASM_CONST);
        wasm_val_t init = I32(value);
        wasm_global_t* global = wasm_global_new(Store, type, &init);
        wasm_globaltype_delete(type);
        return global;
    }

    private static int CallInt(wasm_func_t* func)
    {
        var results = new wasm_val_t[1];
        Call(func, [], results);
        return results[0].of.i32;
    }

    /// <summary>Instantiates with <paramref name="imports"/> and returns the trap's message (the instance must be NULL).</summary>
    private string InstantiationTrap(wasm_module_t* module, params nint[] imports)
    {
        wasm_trap_t* trap = null;
        wasm_instance_t* instance;
        fixed (nint* data = imports)
        {
            wasm_extern_vec_t vector = ArrayVec(data, imports.Length);
            instance = wasm_instance_new(Store, module, &vector, &trap);
        }

        Assert.IsTrue(instance == null);
        Assert.IsTrue(trap != null);
        string message = Message(trap);
        wasm_trap_delete(trap);
        return message;
    }

    [TestMethod]
    [Covers("wasm_instance_new", CoverageKind.Positive)]
    public void NewLinksImportsInOrder()
    {
        wasm_func_t* tick = TickFunc();
        wasm_global_t* offset = Offset(5);
        wasm_trap_t* trap = null;
        wasm_instance_t* instance;
        nint[] imports = [(nint)wasm_func_as_extern(tick), (nint)wasm_global_as_extern(offset)];
        fixed (nint* data = imports)
        {
            wasm_extern_vec_t vector = ArrayVec(data, imports.Length);
            instance = wasm_instance_new(Store, LoadModule("instance"), &vector, &trap);
        }

        Assert.IsTrue(instance != null);
        Assert.IsTrue(trap == null);
        using wasm_extern_vec_t exports = Exports(instance);
        Assert.AreEqual(105, CallInt(wasm_extern_as_func(exports[Next])));
        wasm_global_delete(offset);
        wasm_func_delete(tick);
    }

    [TestMethod]
    [Covers("wasm_instance_new", CoverageKind.Negative)]
    public void NewRefusesNullsAndImportsItCannotLink()
    {
        // NULL module: NULL, and the trap is not written.
        wasm_trap_t* trap = null;
        Assert.IsTrue(wasm_instance_new(Store, null, null, &trap) == null);
        Assert.IsTrue(trap == null);

        // NULL store: WAMR would instantiate, then crash adding the instance to the store; the guard throws.
        wasm_module_t* module = LoadModule("extern");
        AssertNullGuarded("wasm_instance_new", "arg0", () => wasm_instance_new(null, module, null, null));

        // A function import of the wrong type.
        wasm_func_t* wrongTick = TickFunc(withParameter: true);
        wasm_global_t* offset = Offset(5);
        Assert.AreEqual("wasm_instance_new_with_args failed: Failed to validate imports",
            InstantiationTrap(LoadModule("instance"), (nint)wasm_func_as_extern(wrongTick), (nint)wasm_global_as_extern(offset)));

        // A memory import: WAMR 1.1.2 refuses memory and table imports through the C API.
        wasm_limits_t limits = new() { min = 1, max = 1 };
        wasm_memorytype_t* memoryType = wasm_memorytype_new(&limits);
        wasm_memory_t* memory = wasm_memory_new(Store, memoryType);
        wasm_memorytype_delete(memoryType);
        wasm_module_t* memoryImport = LoadModule("memory_import");
        Assert.AreEqual("wasm_instance_new_with_args failed: Failed to validate imports",
            InstantiationTrap(memoryImport, (nint)wasm_memory_as_extern(memory)));

        // Without a place for the trap, a failure is just NULL.
        nint[] imports = [(nint)wasm_memory_as_extern(memory)];
        fixed (nint* data = imports)
        {
            wasm_extern_vec_t vector = ArrayVec(data, 1);
            Assert.IsTrue(wasm_instance_new(Store, memoryImport, &vector, null) == null);
        }

        wasm_memory_delete(memory);
        wasm_global_delete(offset);
        wasm_func_delete(wrongTick);
    }

    [TestMethod]
    [Covers("wasm_instance_new", CoverageKind.Negative)]
    public void NewAcceptsMissingImportsThatTrapWhenCalled()
    {
        // WAMR 1.1.2 instantiates a module whose imports are not given; calling a missing function traps.
        wasm_trap_t* trap = null;
        wasm_instance_t* instance = wasm_instance_new(Store, LoadModule("instance"), null, &trap);
        Assert.IsTrue(instance != null);
        Assert.IsTrue(trap == null);
        using wasm_extern_vec_t exports = Exports(instance);
        Assert.AreEqual("Exception: failed to call unlinked import function (env, tick)",
            CallForTrap(wasm_extern_as_func(exports[Next]), [], new wasm_val_t[1]));
    }

    [TestMethod]
    [Covers("wasm_instance_new_with_args", CoverageKind.Positive)]
    public void NewWithArgsSetsTheAppHeapThatSharesLinearMemory()
    {
        wasm_module_t* module = LoadModule("memory");
        foreach ((uint heap, uint pages) in new[] { (0u, 1u), (65536u, 2u) })
        {
            wasm_trap_t* trap = null;
            wasm_instance_t* instance = wasm_instance_new_with_args(Store, module, null, &trap, 16 * 1024, heap);
            Assert.IsTrue(instance != null && trap == null);
            using wasm_extern_vec_t exports = Exports(instance);
            Assert.AreEqual(pages, wasm_memory_size(wasm_extern_as_memory(exports[0])), $"heap {heap}");
        }

        // Imports link as with wasm_instance_new.
        wasm_func_t* tick = TickFunc();
        wasm_global_t* offset = Offset(-1);
        nint[] imports = [(nint)wasm_func_as_extern(tick), (nint)wasm_global_as_extern(offset)];
        wasm_instance_t* linked;
        fixed (nint* data = imports)
        {
            wasm_extern_vec_t vector = ArrayVec(data, 2);
            linked = wasm_instance_new_with_args(Store, LoadModule("instance"), &vector, null, 8 * 1024, 0);
        }

        using wasm_extern_vec_t linkedExports = Exports(linked);
        Assert.AreEqual(99, CallInt(wasm_extern_as_func(linkedExports[Next])));
        wasm_global_delete(offset);
        wasm_func_delete(tick);
    }

    [TestMethod]
    [Covers("wasm_instance_new_with_args", CoverageKind.Negative)]
    public void NewWithArgsRefusesNullsAndAnImpossibleStack()
    {
        wasm_trap_t* trap = null;
        Assert.IsTrue(wasm_instance_new_with_args(Store, null, null, &trap, 8 * 1024, 0) == null);
        Assert.IsTrue(trap == null);

        // NULL store: WAMR would instantiate, then crash adding the instance to the store; the guard throws.
        wasm_module_t* module = LoadModule("extern");
        AssertNullGuarded("wasm_instance_new_with_args", "arg0", () => wasm_instance_new_with_args(null, module, null, null, 8 * 1024, 0));

        Assert.IsTrue(wasm_instance_new_with_args(Store, LoadModule("memory"), null, &trap, uint.MaxValue, 0) == null);
        Assert.IsTrue(trap != null);
        Assert.AreEqual("wasm_instance_new_with_args failed: Failed to create exec env singleton", Message(trap));
        wasm_trap_delete(trap);
    }

    [TestMethod]
    [Covers("wasm_instance_exports", CoverageKind.Positive)]
    public void ExportsAreCopiesInTheModulesOrder()
    {
        wasm_func_t* tick = TickFunc();
        wasm_global_t* offset = Offset(0);
        wasm_instance_t* instance = Instantiate("instance", (nint)wasm_func_as_extern(tick), (nint)wasm_global_as_extern(offset));
        wasm_func_delete(tick);
        wasm_global_delete(offset);
        using wasm_extern_vec_t first = Exports(instance);
        using wasm_extern_vec_t second = Exports(instance);

        Assert.AreEqual(4, first.Length);
        Assert.AreEqual(WASM_EXTERN_FUNC, wasm_extern_kind(first[Next]));
        Assert.AreEqual(WASM_EXTERN_GLOBAL, wasm_extern_kind(first[Answer]));
        Assert.AreEqual(WASM_EXTERN_MEMORY, wasm_extern_kind(first[Memory]));
        Assert.AreEqual(WASM_EXTERN_TABLE, wasm_extern_kind(first[Table]));

        // Each call copies: new externs for the same objects, owned by the caller.
        Assert.IsTrue(first[Next] != second[Next]);
        Assert.IsTrue(wasm_func_same(wasm_extern_as_func(first[Next]), wasm_extern_as_func(second[Next])));
        wasm_val_t answer;
        wasm_global_get(wasm_extern_as_global(second[Answer]), &answer);
        Assert.AreEqual(42, answer.of.i32);
    }

    [TestMethod]
    [Covers("wasm_instance_exports", CoverageKind.Negative)]
    public void ExportsOfNullLeaveTheOutputAloneAndANullOutputIsIgnored()
    {
        wasm_extern_vec_t untouched = default;
        untouched.size = 4;
        wasm_instance_exports(null, &untouched);
        Assert.AreEqual(4UL, (ulong)untouched.size);
        Assert.IsTrue(untouched.data == null);

        wasm_instance_t* instance = Instantiate("extern");
        long live = CountingAllocator.Live;
        wasm_instance_exports(instance, null);
        Assert.AreEqual(live, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_instance_delete", CoverageKind.Positive)]
    public void DeleteLeavesTheInstanceToItsStore()
    {
        wasm_instance_t* instance = Instantiate("extern");
        long live = CountingAllocator.Live;

        // WAMR 1.1.2: wasm_instance_delete frees nothing; the store frees its instances when it is deleted.
        wasm_instance_delete(instance);

        Assert.AreEqual(live, CountingAllocator.Live);
        using (wasm_extern_vec_t exports = Exports(instance))
        {
            var results = new wasm_val_t[1];
            Call(wasm_extern_as_func(exports[0]), [I32(3)], results);
            Assert.AreEqual(3, results[0].of.i32);
        }

        ReplaceStore();
        Assert.IsLessThan(live, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_instance_delete", CoverageKind.Negative)]
    public void DeleteOfNullIsRefused() =>
        // WAMR 1.1.2 reads the instance's host info before checking it: the binding's guard throws instead.
        AssertNullGuarded("wasm_instance_delete", "arg0", () => wasm_instance_delete(null));

    [TestMethod]
    [Covers("wasm_instance_copy", CoverageKind.Positive)]
    [Covers("wasm_instance_copy", CoverageKind.Negative)]
    public void CopyIsAStubThatReturnsNull()
    {
        // WAMR 1.1.2 exports wasm_instance_copy as a stub: it logs "in the stub of wasm_instance_copy" and
        // returns NULL, for an instance as for NULL.
        Assert.IsTrue(wasm_instance_copy(Instantiate("extern")) == null);
        Assert.IsTrue(wasm_instance_copy(null) == null);
    }

    // WASM_DECLARE_REF(instance): declared by wasm_c_api.h, not implemented by WAMR 1.1.2. Calling one throws a
    // clear EntryPointNotFoundException before anything reaches native code, whatever the arguments.
#pragma warning disable WAMR001 // the bindings of functions libiwasm lacks: calling them is what these tests check

    [TestMethod]
    [Covers("wasm_instance_same", CoverageKind.Positive)]
    [Covers("wasm_instance_same", CoverageKind.Negative)]
    public void SameIsNotExported() =>
        WithInstance(i => NotExported.AssertClearError("wasm_instance_same", () => wasm_instance_same((wasm_instance_t*)i, (wasm_instance_t*)i)));

    [TestMethod]
    [Covers("wasm_instance_get_host_info", CoverageKind.Positive)]
    [Covers("wasm_instance_get_host_info", CoverageKind.Negative)]
    public void GetHostInfoIsNotExported() =>
        WithInstance(i => NotExported.AssertClearError("wasm_instance_get_host_info", () => wasm_instance_get_host_info((wasm_instance_t*)i)));

    [TestMethod]
    [Covers("wasm_instance_set_host_info", CoverageKind.Positive)]
    [Covers("wasm_instance_set_host_info", CoverageKind.Negative)]
    public void SetHostInfoIsNotExported() =>
        WithInstance(i => NotExported.AssertClearError("wasm_instance_set_host_info", () => wasm_instance_set_host_info((wasm_instance_t*)i, (void*)i)));

    [TestMethod]
    [Covers("wasm_instance_set_host_info_with_finalizer", CoverageKind.Positive)]
    [Covers("wasm_instance_set_host_info_with_finalizer", CoverageKind.Negative)]
    public void SetHostInfoWithFinalizerIsNotExported() =>
        WithInstance(i => NotExported.AssertClearError("wasm_instance_set_host_info_with_finalizer",
            () => wasm_instance_set_host_info_with_finalizer((wasm_instance_t*)i, (void*)i, CountingFinalizer)));

    [TestMethod]
    [Covers("wasm_instance_as_ref", CoverageKind.Positive)]
    [Covers("wasm_instance_as_ref", CoverageKind.Negative)]
    public void AsRefIsNotExported() =>
        WithInstance(i => NotExported.AssertClearError("wasm_instance_as_ref", () => wasm_instance_as_ref((wasm_instance_t*)i)));

    [TestMethod]
    [Covers("wasm_instance_as_ref_const", CoverageKind.Positive)]
    [Covers("wasm_instance_as_ref_const", CoverageKind.Negative)]
    public void AsRefConstIsNotExported() =>
        WithInstance(i => NotExported.AssertClearError("wasm_instance_as_ref_const", () => wasm_instance_as_ref_const((wasm_instance_t*)i)));

    [TestMethod]
    [Covers("wasm_ref_as_instance", CoverageKind.Positive)]
    [Covers("wasm_ref_as_instance", CoverageKind.Negative)]
    public void RefAsInstanceIsNotExported() =>
        WithForeignRef(r => NotExported.AssertClearError("wasm_ref_as_instance", () => wasm_ref_as_instance((wasm_ref_t*)r)));

    [TestMethod]
    [Covers("wasm_ref_as_instance_const", CoverageKind.Positive)]
    [Covers("wasm_ref_as_instance_const", CoverageKind.Negative)]
    public void RefAsInstanceConstIsNotExported() =>
        WithForeignRef(r => NotExported.AssertClearError("wasm_ref_as_instance_const", () => wasm_ref_as_instance_const((wasm_ref_t*)r)));

#pragma warning restore WAMR001

    private void WithInstance(Action<nint> test) => test((nint)Instantiate("extern"));

    private void WithForeignRef(Action<nint> test)
    {
        wasm_ref_t* reference = wasm_foreign_as_ref(wasm_foreign_new(Store));
        test((nint)reference);
        wasm_ref_delete(reference);
    }
}
