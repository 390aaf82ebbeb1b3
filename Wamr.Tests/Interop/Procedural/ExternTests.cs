using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// <c>wasm_extern_t</c>: kind, type, copy, delete, the conversions between externs and functions, globals,
/// tables and memories (<c>extern.wasm</c> exports <c>f</c>, <c>g</c>, <c>t</c>, <c>m</c>, one of each kind),
/// and the WASM_DECLARE_REF(extern) functions libiwasm does not export.
/// </summary>
/// <remarks>
/// The conversions are plain pointer casts in WAMR 1.1.2: <c>wasm_extern_as_func</c> of a global extern
/// returns the global reinterpreted as a function. Tests convert an extern only to the kind
/// <c>wasm_extern_kind</c> reports.
/// </remarks>
[TestClass]
public sealed unsafe class ExternTests : ProceduralTest
{
    private const int F = 0, G = 1, T = 2, M = 3;

    private wasm_extern_vec_t ExternExports() => Exports(Instantiate("extern"));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static wasm_trap_t* Identity(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        results->data[0] = args->data[0];
        return null;
    }

    private wasm_func_t* HostFunc()
    {
        wasm_functype_t* type = FuncType([WASM_I32], [WASM_I32]);
        wasm_func_t* func = wasm_func_new(Store, type, &Identity);
        wasm_functype_delete(type);
        return func;
    }

    private wasm_global_t* HostGlobal()
    {
        wasm_globaltype_t* type = wasm_globaltype_new(wasm_valtype_new(WASM_I32), WASM_VAR);
        wasm_val_t value = I32(1);
        wasm_global_t* global = wasm_global_new(Store, type, &value);
        wasm_globaltype_delete(type);
        return global;
    }

    private wasm_table_t* HostTable()
    {
        wasm_limits_t limits = new() { min = 1, max = 1 };
        wasm_tabletype_t* type = wasm_tabletype_new(wasm_valtype_new(WASM_FUNCREF), &limits);
        wasm_table_t* table = wasm_table_new(Store, type, null);
        wasm_tabletype_delete(type);
        return table;
    }

    private wasm_memory_t* HostMemory()
    {
        wasm_limits_t limits = new() { min = 1, max = 1 };
        wasm_memorytype_t* type = wasm_memorytype_new(&limits);
        wasm_memory_t* memory = wasm_memory_new(Store, type);
        wasm_memorytype_delete(type);
        return memory;
    }

    private static int CallIdentity(wasm_func_t* func, int value)
    {
        var results = new wasm_val_t[1];
        Call(func, [I32(value)], results);
        return results[0].of.i32;
    }

    [TestMethod]
    [Covers("wasm_extern_kind", CoverageKind.Positive)]
    public void KindOfEachExport()
    {
        using wasm_extern_vec_t exports = ExternExports();
        Assert.AreEqual(WASM_EXTERN_FUNC, wasm_extern_kind(exports[F]));
        Assert.AreEqual(WASM_EXTERN_GLOBAL, wasm_extern_kind(exports[G]));
        Assert.AreEqual(WASM_EXTERN_TABLE, wasm_extern_kind(exports[T]));
        Assert.AreEqual(WASM_EXTERN_MEMORY, wasm_extern_kind(exports[M]));
    }

    [TestMethod]
    [Covers("wasm_extern_kind", CoverageKind.Negative)]
    public void KindOfNullIsAnyref()
    {
        // WAMR 1.1.2 answers WASM_ANYREF (128), a value kind, not one of the four extern kinds.
        Assert.AreEqual((byte)WASM_ANYREF, (byte)wasm_extern_kind(null));
    }

    [TestMethod]
    [Covers("wasm_extern_type", CoverageKind.Positive)]
    public void TypeOfEachExport()
    {
        using wasm_extern_vec_t exports = ExternExports();

        wasm_externtype_t* funcType = wasm_extern_type(exports[F]);
        Assert.AreEqual(WASM_EXTERN_FUNC, wasm_externtype_kind(funcType));
        Assert.AreEqual(1, wasm_functype_params(wasm_externtype_as_functype(funcType))->Length);
        wasm_externtype_delete(funcType);

        wasm_externtype_t* globalType = wasm_extern_type(exports[G]);
        Assert.AreEqual(WASM_EXTERN_GLOBAL, wasm_externtype_kind(globalType));
        Assert.AreEqual(WASM_VAR, wasm_globaltype_mutability(wasm_externtype_as_globaltype(globalType)));
        wasm_externtype_delete(globalType);

        wasm_externtype_t* tableType = wasm_extern_type(exports[T]);
        Assert.AreEqual(WASM_EXTERN_TABLE, wasm_externtype_kind(tableType));
        Assert.AreEqual(1u, wasm_tabletype_limits(wasm_externtype_as_tabletype(tableType))->min);
        wasm_externtype_delete(tableType);

        wasm_externtype_t* memoryType = wasm_extern_type(exports[M]);
        Assert.AreEqual(WASM_EXTERN_MEMORY, wasm_externtype_kind(memoryType));
        wasm_externtype_delete(memoryType);
    }

    [TestMethod]
    [Covers("wasm_extern_type", CoverageKind.Negative)]
    public void TypeOfNullIsNull() => Assert.IsTrue(wasm_extern_type(null) == null);

    [TestMethod]
    [Covers("wasm_extern_copy", CoverageKind.Positive)]
    public void CopyOfEachKindIsTheSameObject()
    {
        using wasm_extern_vec_t exports = ExternExports();
        wasm_extern_t*[] copies = [wasm_extern_copy(exports[F]), wasm_extern_copy(exports[G]), wasm_extern_copy(exports[T]), wasm_extern_copy(exports[M])];
        for (int i = 0; i < copies.Length; i++)
        {
            Assert.IsTrue(copies[i] != null && copies[i] != exports[i]);
            Assert.AreEqual(wasm_extern_kind(exports[i]), wasm_extern_kind(copies[i]));
        }

        Assert.IsTrue(wasm_func_same(wasm_extern_as_func(copies[F]), wasm_extern_as_func(exports[F])));
        Assert.AreEqual(6, CallIdentity(wasm_extern_as_func(copies[F]), 6));
        Assert.IsTrue(wasm_global_same(wasm_extern_as_global(copies[G]), wasm_extern_as_global(exports[G])));
        Assert.IsTrue(wasm_table_same(wasm_extern_as_table(copies[T]), wasm_extern_as_table(exports[T])));
        Assert.IsTrue(wasm_memory_data(wasm_extern_as_memory(copies[M])) == wasm_memory_data(wasm_extern_as_memory(exports[M])));
        foreach (wasm_extern_t* copy in copies)
        {
            wasm_extern_delete(copy);
        }
    }

    [TestMethod]
    [Covers("wasm_extern_copy", CoverageKind.Negative)]
    public void CopyOfNullIsNull() => Assert.IsTrue(wasm_extern_copy(null) == null);

    [TestMethod]
    [Covers("wasm_extern_delete", CoverageKind.Positive)]
    public void DeleteDeletesTheObjectBehindTheExtern()
    {
        using wasm_extern_vec_t exports = ExternExports();
        long before = CountingAllocator.Live;
        wasm_extern_t* copy = wasm_extern_copy(exports[F]);
        int finalized = 0;
        wasm_func_set_host_info_with_finalizer(wasm_extern_as_func(copy), &finalized, CountingFinalizer);

        wasm_extern_delete(copy);

        Assert.AreEqual(1, finalized);
        Assert.AreEqual(before, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_extern_delete", CoverageKind.Negative)]
    public void DeleteOfNullIsIgnored()
    {
        long live = CountingAllocator.Live;
        wasm_extern_delete(null);
        Assert.AreEqual(live, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_func_as_extern", CoverageKind.Positive)]
    [Covers("wasm_extern_as_func", CoverageKind.Positive)]
    public void FuncToExternAndBack()
    {
        wasm_func_t* host = HostFunc();
        wasm_extern_t* external = wasm_func_as_extern(host);
        Assert.AreEqual(WASM_EXTERN_FUNC, wasm_extern_kind(external));
        Assert.IsTrue(wasm_extern_as_func(external) == host);
        wasm_func_delete(host);

        using wasm_extern_vec_t exports = ExternExports();
        wasm_func_t* f = wasm_extern_as_func(exports[F]);
        Assert.AreEqual(4, CallIdentity(f, 4));
        Assert.IsTrue(wasm_func_as_extern(f) == exports[F]);
    }

    [TestMethod]
    [Covers("wasm_global_as_extern", CoverageKind.Positive)]
    [Covers("wasm_extern_as_global", CoverageKind.Positive)]
    public void GlobalToExternAndBack()
    {
        wasm_global_t* host = HostGlobal();
        wasm_extern_t* external = wasm_global_as_extern(host);
        Assert.AreEqual(WASM_EXTERN_GLOBAL, wasm_extern_kind(external));
        Assert.IsTrue(wasm_extern_as_global(external) == host);
        wasm_global_delete(host);

        using wasm_extern_vec_t exports = ExternExports();
        wasm_global_t* g = wasm_extern_as_global(exports[G]);
        wasm_val_t value;
        wasm_global_get(g, &value);
        Assert.AreEqual(5, value.of.i32);
        Assert.IsTrue(wasm_global_as_extern(g) == exports[G]);
    }

    [TestMethod]
    [Covers("wasm_table_as_extern", CoverageKind.Positive)]
    [Covers("wasm_extern_as_table", CoverageKind.Positive)]
    public void TableToExternAndBack()
    {
        wasm_table_t* host = HostTable();
        wasm_extern_t* external = wasm_table_as_extern(host);
        Assert.AreEqual(WASM_EXTERN_TABLE, wasm_extern_kind(external));
        Assert.IsTrue(wasm_extern_as_table(external) == host);
        wasm_table_delete(host);

        using wasm_extern_vec_t exports = ExternExports();
        wasm_table_t* t = wasm_extern_as_table(exports[T]);
        Assert.AreEqual(1u, wasm_table_size(t));
        Assert.IsTrue(wasm_table_as_extern(t) == exports[T]);
    }

    [TestMethod]
    [Covers("wasm_memory_as_extern", CoverageKind.Positive)]
    [Covers("wasm_extern_as_memory", CoverageKind.Positive)]
    public void MemoryToExternAndBack()
    {
        wasm_memory_t* host = HostMemory();
        wasm_extern_t* external = wasm_memory_as_extern(host);
        Assert.AreEqual(WASM_EXTERN_MEMORY, wasm_extern_kind(external));
        Assert.IsTrue(wasm_extern_as_memory(external) == host);
        wasm_memory_delete(host);

        using wasm_extern_vec_t exports = ExternExports();
        wasm_memory_t* m = wasm_extern_as_memory(exports[M]);
        Assert.IsTrue(wasm_memory_data(m) != null);
        Assert.IsTrue(wasm_memory_as_extern(m) == exports[M]);
    }

    [TestMethod]
    [Covers("wasm_func_as_extern_const", CoverageKind.Positive)]
    [Covers("wasm_extern_as_func_const", CoverageKind.Positive)]
    [Covers("wasm_global_as_extern_const", CoverageKind.Positive)]
    [Covers("wasm_extern_as_global_const", CoverageKind.Positive)]
    [Covers("wasm_table_as_extern_const", CoverageKind.Positive)]
    [Covers("wasm_extern_as_table_const", CoverageKind.Positive)]
    [Covers("wasm_memory_as_extern_const", CoverageKind.Positive)]
    [Covers("wasm_extern_as_memory_const", CoverageKind.Positive)]
    public void ConstConversionsAreTheSameCasts()
    {
        using wasm_extern_vec_t exports = ExternExports();

        wasm_func_t* f = wasm_extern_as_func_const(exports[F]);
        Assert.IsTrue(f == wasm_extern_as_func(exports[F]));
        Assert.AreEqual(8, CallIdentity(f, 8));
        Assert.IsTrue(wasm_func_as_extern_const(f) == exports[F]);

        wasm_global_t* g = wasm_extern_as_global_const(exports[G]);
        Assert.IsTrue(g == wasm_extern_as_global(exports[G]));
        Assert.IsTrue(wasm_global_as_extern_const(g) == exports[G]);

        wasm_table_t* t = wasm_extern_as_table_const(exports[T]);
        Assert.AreEqual(1u, wasm_table_size(t));
        Assert.IsTrue(wasm_table_as_extern_const(t) == exports[T]);

        wasm_memory_t* m = wasm_extern_as_memory_const(exports[M]);
        Assert.IsTrue(wasm_memory_data(m) == wasm_memory_data(wasm_extern_as_memory(exports[M])));
        Assert.IsTrue(wasm_memory_as_extern_const(m) == exports[M]);
    }

    [TestMethod]
    [Covers("wasm_func_as_extern", CoverageKind.Negative)]
    [Covers("wasm_global_as_extern", CoverageKind.Negative)]
    [Covers("wasm_table_as_extern", CoverageKind.Negative)]
    [Covers("wasm_memory_as_extern", CoverageKind.Negative)]
    [Covers("wasm_func_as_extern_const", CoverageKind.Negative)]
    [Covers("wasm_global_as_extern_const", CoverageKind.Negative)]
    [Covers("wasm_table_as_extern_const", CoverageKind.Negative)]
    [Covers("wasm_memory_as_extern_const", CoverageKind.Negative)]
    public void AsExternOfNullIsNull()
    {
        Assert.IsTrue(wasm_func_as_extern(null) == null);
        Assert.IsTrue(wasm_global_as_extern(null) == null);
        Assert.IsTrue(wasm_table_as_extern(null) == null);
        Assert.IsTrue(wasm_memory_as_extern(null) == null);
        Assert.IsTrue(wasm_func_as_extern_const(null) == null);
        Assert.IsTrue(wasm_global_as_extern_const(null) == null);
        Assert.IsTrue(wasm_table_as_extern_const(null) == null);
        Assert.IsTrue(wasm_memory_as_extern_const(null) == null);
    }

    [TestMethod]
    [Covers("wasm_extern_as_func", CoverageKind.Negative)]
    [Covers("wasm_extern_as_global", CoverageKind.Negative)]
    [Covers("wasm_extern_as_table", CoverageKind.Negative)]
    [Covers("wasm_extern_as_memory", CoverageKind.Negative)]
    [Covers("wasm_extern_as_func_const", CoverageKind.Negative)]
    [Covers("wasm_extern_as_global_const", CoverageKind.Negative)]
    [Covers("wasm_extern_as_table_const", CoverageKind.Negative)]
    [Covers("wasm_extern_as_memory_const", CoverageKind.Negative)]
    public void ExternAsOfNullIsNull()
    {
        // Only NULL: an extern of another kind is cast unchecked (see the class remarks).
        Assert.IsTrue(wasm_extern_as_func(null) == null);
        Assert.IsTrue(wasm_extern_as_global(null) == null);
        Assert.IsTrue(wasm_extern_as_table(null) == null);
        Assert.IsTrue(wasm_extern_as_memory(null) == null);
        Assert.IsTrue(wasm_extern_as_func_const(null) == null);
        Assert.IsTrue(wasm_extern_as_global_const(null) == null);
        Assert.IsTrue(wasm_extern_as_table_const(null) == null);
        Assert.IsTrue(wasm_extern_as_memory_const(null) == null);
    }

    // WASM_DECLARE_REF(extern): declared by wasm_c_api.h, not implemented by WAMR 1.1.2. Calling one throws a
    // clear EntryPointNotFoundException before anything reaches native code, whatever the arguments.
#pragma warning disable WAMR001 // the bindings of functions libiwasm lacks: calling them is what these tests check

    [TestMethod]
    [Covers("wasm_extern_same", CoverageKind.Positive)]
    [Covers("wasm_extern_same", CoverageKind.Negative)]
    public void SameIsNotExported() =>
        WithExtern(e => NotExported.AssertClearError("wasm_extern_same", () => wasm_extern_same((wasm_extern_t*)e, (wasm_extern_t*)e)));

    [TestMethod]
    [Covers("wasm_extern_get_host_info", CoverageKind.Positive)]
    [Covers("wasm_extern_get_host_info", CoverageKind.Negative)]
    public void GetHostInfoIsNotExported() =>
        WithExtern(e => NotExported.AssertClearError("wasm_extern_get_host_info", () => wasm_extern_get_host_info((wasm_extern_t*)e)));

    [TestMethod]
    [Covers("wasm_extern_set_host_info", CoverageKind.Positive)]
    [Covers("wasm_extern_set_host_info", CoverageKind.Negative)]
    public void SetHostInfoIsNotExported() =>
        WithExtern(e => NotExported.AssertClearError("wasm_extern_set_host_info", () => wasm_extern_set_host_info((wasm_extern_t*)e, (void*)e)));

    [TestMethod]
    [Covers("wasm_extern_set_host_info_with_finalizer", CoverageKind.Positive)]
    [Covers("wasm_extern_set_host_info_with_finalizer", CoverageKind.Negative)]
    public void SetHostInfoWithFinalizerIsNotExported() =>
        WithExtern(e => NotExported.AssertClearError("wasm_extern_set_host_info_with_finalizer",
            () => wasm_extern_set_host_info_with_finalizer((wasm_extern_t*)e, (void*)e, CountingFinalizer)));

    [TestMethod]
    [Covers("wasm_extern_as_ref", CoverageKind.Positive)]
    [Covers("wasm_extern_as_ref", CoverageKind.Negative)]
    public void AsRefIsNotExported() =>
        WithExtern(e => NotExported.AssertClearError("wasm_extern_as_ref", () => wasm_extern_as_ref((wasm_extern_t*)e)));

    [TestMethod]
    [Covers("wasm_extern_as_ref_const", CoverageKind.Positive)]
    [Covers("wasm_extern_as_ref_const", CoverageKind.Negative)]
    public void AsRefConstIsNotExported() =>
        WithExtern(e => NotExported.AssertClearError("wasm_extern_as_ref_const", () => wasm_extern_as_ref_const((wasm_extern_t*)e)));

    [TestMethod]
    [Covers("wasm_ref_as_extern", CoverageKind.Positive)]
    [Covers("wasm_ref_as_extern", CoverageKind.Negative)]
    public void RefAsExternIsNotExported() =>
        WithFuncRef(r => NotExported.AssertClearError("wasm_ref_as_extern", () => wasm_ref_as_extern((wasm_ref_t*)r)));

    [TestMethod]
    [Covers("wasm_ref_as_extern_const", CoverageKind.Positive)]
    [Covers("wasm_ref_as_extern_const", CoverageKind.Negative)]
    public void RefAsExternConstIsNotExported() =>
        WithFuncRef(r => NotExported.AssertClearError("wasm_ref_as_extern_const", () => wasm_ref_as_extern_const((wasm_ref_t*)r)));

#pragma warning restore WAMR001

    private void WithExtern(Action<nint> test)
    {
        using wasm_extern_vec_t exports = ExternExports();
        test((nint)exports[F]);
    }

    private void WithFuncRef(Action<nint> test)
    {
        using wasm_extern_vec_t exports = ExternExports();
        wasm_ref_t* reference = wasm_func_as_ref(wasm_extern_as_func(exports[F]));
        test((nint)reference);
        wasm_ref_delete(reference);
    }
}
