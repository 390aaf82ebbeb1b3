using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// <c>wasm_global_t</c>: host globals (<c>wasm_global_new</c>), exported ones (<c>global.wasm</c>: <c>counter</c>
/// mut i32 = 1, <c>wide</c> mut i64 = 2^32, <c>ratio</c> f32 = 0.5, <c>pi</c> f64 = 3.25, and functions reading
/// <c>counter</c> and the import <c>env.seed</c>), and WASM_DECLARE_REF(global).
/// </summary>
/// <remarks>
/// WAMR 1.1.2 keeps a global's value in an instance: a host global holds only its initial value until an
/// instance imports it; from then on, get and set act on that instance's copy of the import.
/// </remarks>
[TestClass]
public sealed unsafe class GlobalTests : ProceduralTest
{
    private const int Counter = 0, Wide = 1, Ratio = 2, Pi = 3, GetCounter = 4, GetSeed = 5;

    private wasm_global_t* HostGlobal(wasm_valkind_t kind, wasm_mutability_t mutability, wasm_val_t value)
    {
        wasm_globaltype_t* type = wasm_globaltype_new(wasm_valtype_new(kind), mutability);
        wasm_global_t* global = wasm_global_new(Store, type, &value);
        wasm_globaltype_delete(type);
        Assert.IsTrue(global != null);
        return global;
    }

    /// <summary>The exports of <c>global.wasm</c>, with <paramref name="seed"/> as <c>env.seed</c>.</summary>
    private wasm_extern_vec_t GlobalExports(wasm_global_t* seed) => Exports(Instantiate("global", (nint)wasm_global_as_extern(seed)));

    private wasm_extern_vec_t GlobalExports(out wasm_global_t* seed)
    {
        seed = HostGlobal(WASM_I32, WASM_CONST, I32(41));
        return GlobalExports(seed);
    }

    private static int CallInt(wasm_func_t* func)
    {
        var results = new wasm_val_t[1];
        Call(func, [], results);
        return results[0].of.i32;
    }

    private static wasm_val_t Get(wasm_global_t* global)
    {
        wasm_val_t value;
        wasm_global_get(global, &value);
        return value;
    }

    [TestMethod]
    [Covers("wasm_global_new", CoverageKind.Positive)]
    public void NewMakesAGlobalAnInstanceCanImport()
    {
        wasm_global_t* seed = HostGlobal(WASM_I32, WASM_CONST, I32(41));
        wasm_globaltype_t* type = wasm_global_type(seed);
        Assert.AreEqual(WASM_I32, wasm_valtype_kind(wasm_globaltype_content(type)));
        Assert.AreEqual(WASM_CONST, wasm_globaltype_mutability(type));
        wasm_globaltype_delete(type);

        using wasm_extern_vec_t exports = GlobalExports(seed);
        Assert.AreEqual(41, CallInt(wasm_extern_as_func(exports[GetSeed])));
        wasm_global_delete(seed);
    }

    [TestMethod]
    [Covers("wasm_global_new", CoverageKind.Negative)]
    public void NewWithoutATypeOrAValueIsNull()
    {
        wasm_globaltype_t* type = wasm_globaltype_new(wasm_valtype_new(WASM_I32), WASM_VAR);
        wasm_val_t value = I32(1);
        Assert.IsTrue(wasm_global_new(Store, null, &value) == null);
        Assert.IsTrue(wasm_global_new(Store, type, null) == null);

        // WAMR 1.1.2 does not check the store: a global without one is made, but it cannot become a
        // reference (wasm_global_as_ref needs the store).
        wasm_global_t* storeless = wasm_global_new(null, type, &value);
        Assert.IsTrue(storeless != null);
        Assert.IsTrue(wasm_global_as_ref(storeless) == null);
        wasm_global_delete(storeless);
        wasm_globaltype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_global_type", CoverageKind.Positive)]
    public void TypeHasTheValueKindAndMutability()
    {
        using wasm_extern_vec_t exports = GlobalExports(out wasm_global_t* seed);
        (int index, wasm_valkind_t kind, wasm_mutability_t mutability)[] expected =
        [
            (Counter, WASM_I32, WASM_VAR), (Wide, WASM_I64, WASM_VAR), (Ratio, WASM_F32, WASM_CONST), (Pi, WASM_F64, WASM_CONST),
        ];
        foreach ((int index, wasm_valkind_t kind, wasm_mutability_t mutability) in expected)
        {
            wasm_globaltype_t* type = wasm_global_type(wasm_extern_as_global(exports[index]));
            Assert.AreEqual(kind, wasm_valtype_kind(wasm_globaltype_content(type)));
            Assert.AreEqual(mutability, wasm_globaltype_mutability(type));
            wasm_globaltype_delete(type);
        }

        wasm_global_delete(seed);
    }

    [TestMethod]
    [Covers("wasm_global_type", CoverageKind.Negative)]
    public void TypeOfNullIsNull() => Assert.IsTrue(wasm_global_type(null) == null);

    [TestMethod]
    [Covers("wasm_global_get", CoverageKind.Positive)]
    public void GetReadsEachValueKind()
    {
        using wasm_extern_vec_t exports = GlobalExports(out wasm_global_t* seed);
        wasm_val_t counter = Get(wasm_extern_as_global(exports[Counter]));
        wasm_val_t wide = Get(wasm_extern_as_global(exports[Wide]));
        wasm_val_t ratio = Get(wasm_extern_as_global(exports[Ratio]));
        wasm_val_t pi = Get(wasm_extern_as_global(exports[Pi]));

        Assert.AreEqual(WASM_I32, counter.kind);
        Assert.AreEqual(1, counter.of.i32);
        Assert.AreEqual(WASM_I64, wide.kind);
        Assert.AreEqual(1L << 32, wide.of.i64);
        Assert.AreEqual(WASM_F32, ratio.kind);
        Assert.AreEqual(0.5f, ratio.of.f32);
        Assert.AreEqual(WASM_F64, pi.kind);
        Assert.AreEqual(3.25, pi.of.f64);

        // Once imported, the host global reads the instance's copy.
        Assert.AreEqual(41, Get(seed).of.i32);
        wasm_global_delete(seed);
    }

    [TestMethod]
    [Covers("wasm_global_get", CoverageKind.Negative)]
    public void GetOfNullOrOfAnUnimportedHostGlobalLeavesTheOutputAlone()
    {
        wasm_val_t untouched = I64(99);
        wasm_global_get(null, &untouched);
        Assert.AreEqual(WASM_I64, untouched.kind);
        Assert.AreEqual(99L, untouched.of.i64);

        // WAMR 1.1.2: a host global no instance imported has no value to read.
        wasm_global_t* host = HostGlobal(WASM_I32, WASM_VAR, I32(3));
        wasm_global_get(host, &untouched);
        Assert.AreEqual(WASM_I64, untouched.kind);
        Assert.AreEqual(99L, untouched.of.i64);

        wasm_global_get(host, null);
        wasm_global_delete(host);
    }

    [TestMethod]
    [Covers("wasm_global_set", CoverageKind.Positive)]
    public void SetChangesTheValueWasmReads()
    {
        using wasm_extern_vec_t exports = GlobalExports(out wasm_global_t* seed);
        wasm_global_t* counter = wasm_extern_as_global(exports[Counter]);
        wasm_val_t five = I32(5);
        wasm_global_set(counter, &five);
        Assert.AreEqual(5, Get(counter).of.i32);
        Assert.AreEqual(5, CallInt(wasm_extern_as_func(exports[GetCounter])));

        // The imported host global now writes the instance's copy of the import.
        wasm_val_t fifty = I32(50);
        wasm_global_set(seed, &fifty);
        Assert.AreEqual(50, CallInt(wasm_extern_as_func(exports[GetSeed])));

        wasm_val_t wide = I64(-2);
        wasm_global_set(wasm_extern_as_global(exports[Wide]), &wide);
        Assert.AreEqual(-2L, Get(wasm_extern_as_global(exports[Wide])).of.i64);
        wasm_global_delete(seed);
    }

    [TestMethod]
    [Covers("wasm_global_set", CoverageKind.Negative)]
    public void SetWithNullsOrOnAnUnimportedHostGlobalIsIgnored()
    {
        wasm_val_t value = I32(9);
        wasm_global_set(null, &value);

        using wasm_extern_vec_t exports = GlobalExports(out wasm_global_t* seed);
        wasm_global_t* counter = wasm_extern_as_global(exports[Counter]);
        wasm_global_set(counter, null);
        Assert.AreEqual(1, Get(counter).of.i32);

        // An unimported host global ignores set: an instance importing it gets the initial value.
        wasm_global_t* host = HostGlobal(WASM_I32, WASM_CONST, I32(7));
        wasm_global_set(host, &value);
        using wasm_extern_vec_t other = GlobalExports(host);
        Assert.AreEqual(7, CallInt(wasm_extern_as_func(other[GetSeed])));

        // WAMR 1.1.2 checks neither mutability nor kind: set on an immutable global changes it.
        wasm_val_t newPi = F64(-1.5);
        wasm_global_set(wasm_extern_as_global(exports[Pi]), &newPi);
        Assert.AreEqual(-1.5, Get(wasm_extern_as_global(exports[Pi])).of.f64);
        wasm_global_delete(host);
        wasm_global_delete(seed);
    }

    [TestMethod]
    [Covers("wasm_global_delete", CoverageKind.Positive)]
    public void DeleteRunsTheHostInfoFinalizerAndFreesTheGlobal()
    {
        wasm_globaltype_t* type = wasm_globaltype_new(wasm_valtype_new(WASM_F32), WASM_VAR);
        wasm_val_t value = F32(1);
        long before = CountingAllocator.Live;
        wasm_global_t* global = wasm_global_new(Store, type, &value);
        int finalized = 0;
        wasm_global_set_host_info_with_finalizer(global, &finalized, CountingFinalizer);

        wasm_global_delete(global);

        Assert.AreEqual(1, finalized);
        Assert.AreEqual(before, CountingAllocator.Live);
        wasm_globaltype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_global_delete", CoverageKind.Negative)]
    public void DeleteOfNullIsIgnored()
    {
        long live = CountingAllocator.Live;
        wasm_global_delete(null);
        Assert.AreEqual(live, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_global_copy", CoverageKind.Positive)]
    public void CopyActsOnTheSameGlobal()
    {
        using wasm_extern_vec_t exports = GlobalExports(out wasm_global_t* seed);
        wasm_global_t* counter = wasm_extern_as_global(exports[Counter]);
        wasm_global_t* copy = wasm_global_copy(counter);
        Assert.IsTrue(copy != null && copy != counter);
        Assert.IsTrue(wasm_global_same(copy, counter));

        wasm_val_t eight = I32(8);
        wasm_global_set(copy, &eight);
        Assert.AreEqual(8, Get(counter).of.i32);
        wasm_global_delete(copy);
        wasm_global_delete(seed);
    }

    [TestMethod]
    [Covers("wasm_global_copy", CoverageKind.Negative)]
    public void CopyOfNullIsNull() => Assert.IsTrue(wasm_global_copy(null) == null);

    [TestMethod]
    [Covers("wasm_global_same", CoverageKind.Positive)]
    public void SameComparesTheGlobal()
    {
        using wasm_extern_vec_t exports = GlobalExports(out wasm_global_t* seed);
        using wasm_extern_vec_t again = Exports(Instantiate("global", (nint)wasm_global_as_extern(seed)));
        wasm_global_t* counter = wasm_extern_as_global(exports[Counter]);
        Assert.IsTrue(wasm_global_same(counter, wasm_extern_as_global(again[Counter])));
        Assert.IsFalse(wasm_global_same(counter, wasm_extern_as_global(exports[Wide])));
        wasm_global_delete(seed);
    }

    [TestMethod]
    [Covers("wasm_global_same", CoverageKind.Negative)]
    public void SameWithNullIsTrueOnlyForTwoNulls()
    {
        wasm_global_t* host = HostGlobal(WASM_I32, WASM_VAR, I32(0));
        Assert.IsTrue(wasm_global_same(null, null));
        Assert.IsFalse(wasm_global_same(host, null));
        Assert.IsFalse(wasm_global_same(null, host));
        wasm_global_delete(host);
    }

    [TestMethod]
    [Covers("wasm_global_get_host_info", CoverageKind.Positive)]
    [Covers("wasm_global_set_host_info", CoverageKind.Positive)]
    public void HostInfoIsStoredAndReplaced()
    {
        wasm_global_t* global = HostGlobal(WASM_I32, WASM_VAR, I32(0));
        Assert.IsTrue(wasm_global_get_host_info(global) == null);
        int first = 1, second = 2;
        wasm_global_set_host_info(global, &first);
        Assert.IsTrue(wasm_global_get_host_info(global) == &first);
        wasm_global_set_host_info(global, &second);
        Assert.IsTrue(wasm_global_get_host_info(global) == &second);
        wasm_global_delete(global);
    }

    [TestMethod]
    [Covers("wasm_global_get_host_info", CoverageKind.Negative)]
    [Covers("wasm_global_set_host_info", CoverageKind.Negative)]
    public void HostInfoOfNullIsNullAndSettingItIsIgnored()
    {
        int info = 3;
        wasm_global_set_host_info(null, &info);
        Assert.IsTrue(wasm_global_get_host_info(null) == null);
    }

    [TestMethod]
    [Covers("wasm_global_set_host_info_with_finalizer", CoverageKind.Positive)]
    public void FinalizerRunsOnceWhenTheGlobalIsDeleted()
    {
        wasm_global_t* global = HostGlobal(WASM_I64, WASM_CONST, I64(1));
        int finalized = 0;
        wasm_global_set_host_info_with_finalizer(global, &finalized, CountingFinalizer);
        Assert.IsTrue(wasm_global_get_host_info(global) == &finalized);
        Assert.AreEqual(0, finalized);

        wasm_global_delete(global);

        Assert.AreEqual(1, finalized);
    }

    [TestMethod]
    [Covers("wasm_global_set_host_info_with_finalizer", CoverageKind.Negative)]
    public void FinalizerOnNullIsIgnored()
    {
        int finalized = 0;
        wasm_global_set_host_info_with_finalizer(null, &finalized, CountingFinalizer);
        Assert.AreEqual(0, finalized);
    }

    [TestMethod]
    [Covers("wasm_global_as_ref", CoverageKind.Positive)]
    [Covers("wasm_ref_as_global", CoverageKind.Positive)]
    public void AnImportedHostGlobalBecomesAReferenceAndBack()
    {
        using wasm_extern_vec_t exports = GlobalExports(out wasm_global_t* seed);
        wasm_ref_t* reference = wasm_global_as_ref(seed);
        Assert.IsTrue(reference != null);

        // WAMR makes a new wasm_global_t for the reference, reading the instance's global: the caller deletes it.
        wasm_global_t* back = wasm_ref_as_global(reference);
        Assert.IsTrue(back != null && back != seed);
        Assert.IsTrue(wasm_global_same(back, seed));
        Assert.AreEqual(41, Get(back).of.i32);
        wasm_global_delete(back);
        wasm_ref_delete(reference);
        wasm_global_delete(seed);
    }

    [TestMethod]
    [Covers("wasm_global_as_ref_const", CoverageKind.Positive)]
    [Covers("wasm_ref_as_global_const", CoverageKind.Positive)]
    public void ConstAsRefAndBackReadTheSameGlobal()
    {
        using wasm_extern_vec_t exports = GlobalExports(out wasm_global_t* seed);
        wasm_ref_t* reference = wasm_global_as_ref_const(seed);
        Assert.IsTrue(reference != null);

        wasm_global_t* back = wasm_ref_as_global_const(reference);
        Assert.IsTrue(wasm_global_same(back, seed));
        Assert.AreEqual(41, Get(back).of.i32);
        wasm_global_delete(back);
        wasm_ref_delete(reference);
        wasm_global_delete(seed);
    }

    [TestMethod]
    [Covers("wasm_global_as_ref", CoverageKind.Negative)]
    [Covers("wasm_global_as_ref_const", CoverageKind.Negative)]
    public void AsRefOfNullOrOfAnExportedGlobalIsNull()
    {
        Assert.IsTrue(wasm_global_as_ref(null) == null);
        Assert.IsTrue(wasm_global_as_ref_const(null) == null);

        // WAMR 1.1.2: wasm_instance_exports hands out copies made by wasm_global_copy, which drops the
        // store, and a reference needs one. So an exported global cannot become a reference.
        using wasm_extern_vec_t exports = GlobalExports(out wasm_global_t* seed);
        Assert.IsTrue(wasm_global_as_ref(wasm_extern_as_global(exports[Counter])) == null);
        Assert.IsTrue(wasm_global_as_ref_const(wasm_extern_as_global(exports[Counter])) == null);
        wasm_global_delete(seed);
    }

    [TestMethod]
    [Covers("wasm_ref_as_global", CoverageKind.Negative)]
    [Covers("wasm_ref_as_global_const", CoverageKind.Negative)]
    public void RefAsGlobalOfNullOfAnotherKindOrOfAnUnimportedGlobalIsNull()
    {
        Assert.IsTrue(wasm_ref_as_global(null) == null);
        Assert.IsTrue(wasm_ref_as_global_const(null) == null);

        wasm_ref_t* foreign = wasm_foreign_as_ref(wasm_foreign_new(Store));
        Assert.IsTrue(wasm_ref_as_global(foreign) == null);
        Assert.IsTrue(wasm_ref_as_global_const(foreign) == null);
        wasm_ref_delete(foreign);

        // WAMR rebuilds the global from its instance: a host global no instance imported has none.
        wasm_global_t* host = HostGlobal(WASM_I32, WASM_VAR, I32(0));
        wasm_ref_t* hostRef = wasm_global_as_ref(host);
        Assert.IsTrue(hostRef != null);
        Assert.IsTrue(wasm_ref_as_global(hostRef) == null);
        Assert.IsTrue(wasm_ref_as_global_const(hostRef) == null);
        wasm_ref_delete(hostRef);
        wasm_global_delete(host);
    }
}
