using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// <c>wasm_func_t</c>: host functions (<c>wasm_func_new</c>, <c>wasm_func_new_with_env</c>), exported ones
/// (<c>func.wasm</c>: <c>add</c>, <c>mix</c>, <c>call_twice</c> calling the import <c>host.twice</c>,
/// <c>nothing</c>), calls, types, and WASM_DECLARE_REF(func).
/// </summary>
/// <remarks>
/// <c>wasm_func_call</c> trusts its arguments: wrong arity, value kinds or a results vector without room
/// corrupt memory, and funcref/externref values crossing it crash (wamr-facts.md). No test here passes such
/// arguments.
/// </remarks>
[TestClass]
public sealed unsafe class FuncTests : ProceduralTest
{
    private const int Add = 0, Mix = 1, CallTwice = 2, Nothing = 3;

    /// <summary>i32 → i32, the type of the import <c>host.twice</c>.</summary>
    private static wasm_functype_t* IntToInt() => FuncType([WASM_I32], [WASM_I32]);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static wasm_trap_t* Twice(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        results->data[0] = I32(args->data[0].of.i32 * 2);
        return null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static wasm_trap_t* Times(void* env, wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        results->data[0] = I32(args->data[0].of.i32 * *(int*)env);
        return null;
    }

    /// <summary>Traps with "host says no"; its environment is the store.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static wasm_trap_t* Refuse(void* env, wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        wasm_message_t message;
        fixed (byte* text = "host says no\0"u8)
        {
            wasm_byte_vec_new(&message, 13, text);
        }

        wasm_trap_t* trap = wasm_trap_new((wasm_store_t*)env, &message);
        wasm_byte_vec_delete(&message);
        return trap;
    }

    /// <summary>Instantiates <c>func.wasm</c> with <paramref name="twice"/> as <c>host.twice</c>.</summary>
    private wasm_extern_vec_t FuncExports(wasm_func_t* twice) =>
        Exports(Instantiate("func", (nint)wasm_func_as_extern(twice)));

    /// <summary>The exports of <c>func.wasm</c>, its import left unlinked.</summary>
    private wasm_extern_vec_t FuncExports() => Exports(Instantiate("func"));

    private static int CallInt(wasm_func_t* func, params wasm_val_t[] args)
    {
        var results = new wasm_val_t[1];
        Call(func, args, results);
        Assert.AreEqual(WASM_I32, results[0].kind);
        return results[0].of.i32;
    }

    [TestMethod]
    [Covers("wasm_func_new", CoverageKind.Positive)]
    public void NewMakesAHostFunctionWasmCanCall()
    {
        wasm_functype_t* type = IntToInt();
        wasm_func_t* twice = wasm_func_new(Store, type, &Twice);
        wasm_functype_delete(type);
        Assert.IsTrue(twice != null);
        Assert.AreEqual(1UL, (ulong)wasm_func_param_arity(twice));
        Assert.AreEqual(1UL, (ulong)wasm_func_result_arity(twice));

        using wasm_extern_vec_t exports = FuncExports(twice);
        // call_twice(x) = twice(x) + 1
        Assert.AreEqual(11, CallInt(wasm_extern_as_func(exports[CallTwice]), I32(5)));
        wasm_func_delete(twice);
    }

    [TestMethod]
    [Covers("wasm_func_new", CoverageKind.Negative)]
    public void NewWithoutATypeOrACallbackIsNull()
    {
        wasm_functype_t* type = IntToInt();
        Assert.IsTrue(wasm_func_new(Store, null, &Twice) == null);
        Assert.IsTrue(wasm_func_new(Store, type, null) == null);

        // WAMR 1.1.2 does not check the store: a function without one is made, but it cannot become a
        // reference (wasm_func_as_ref needs the store).
        wasm_func_t* storeless = wasm_func_new(null, type, &Twice);
        Assert.IsTrue(storeless != null);
        Assert.IsTrue(wasm_func_as_ref(storeless) == null);
        wasm_func_delete(storeless);
        wasm_functype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_func_new_with_env", CoverageKind.Positive)]
    public void NewWithEnvPassesTheEnvironmentAndFinalizesItOnDelete()
    {
        // The environment is an int that is both the multiplier and, through the finalizer, the counter.
        int* env = stackalloc int[1];
        *env = 3;
        wasm_functype_t* type = IntToInt();
        wasm_func_t* times = wasm_func_new_with_env(Store, type, &Times, env, CountingFinalizer);
        wasm_functype_delete(type);
        Assert.IsTrue(times != null);

        using (wasm_extern_vec_t exports = FuncExports(times))
        {
            Assert.AreEqual(16, CallInt(wasm_extern_as_func(exports[CallTwice]), I32(5)));
        }

        Assert.AreEqual(3, *env);
        wasm_func_delete(times);
        Assert.AreEqual(4, *env);
    }

    [TestMethod]
    [Covers("wasm_func_new_with_env", CoverageKind.Negative)]
    public void NewWithEnvWithoutATypeOrACallbackIsNullAndDoesNotFinalize()
    {
        int finalized = 0;
        wasm_functype_t* type = IntToInt();
        Assert.IsTrue(wasm_func_new_with_env(Store, null, &Times, &finalized, CountingFinalizer) == null);
        Assert.IsTrue(wasm_func_new_with_env(Store, type, null, &finalized, CountingFinalizer) == null);
        Assert.AreEqual(0, finalized);

        // Neither the environment nor the finalizer is required.
        wasm_func_t* bare = wasm_func_new_with_env(Store, type, &Times, null, null);
        Assert.IsTrue(bare != null);
        wasm_func_delete(bare);
        wasm_functype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_func_type", CoverageKind.Positive)]
    public void TypeIsACopyOfTheSignature()
    {
        using wasm_extern_vec_t exports = FuncExports();
        wasm_functype_t* type = wasm_func_type(wasm_extern_as_func(exports[Mix]));
        Assert.IsTrue(type != null);

        wasm_valtype_vec_t* parameters = wasm_functype_params(type);
        wasm_valtype_vec_t* results = wasm_functype_results(type);
        Assert.AreEqual(3, parameters->Length);
        Assert.AreEqual(WASM_I64, wasm_valtype_kind((*parameters)[0]));
        Assert.AreEqual(WASM_F32, wasm_valtype_kind((*parameters)[1]));
        Assert.AreEqual(WASM_F64, wasm_valtype_kind((*parameters)[2]));
        Assert.AreEqual(1, results->Length);
        Assert.AreEqual(WASM_F64, wasm_valtype_kind((*results)[0]));
        wasm_functype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_func_type", CoverageKind.Negative)]
    public void TypeOfNullIsNull() => Assert.IsTrue(wasm_func_type(null) == null);

    [TestMethod]
    [Covers("wasm_func_param_arity", CoverageKind.Positive)]
    [Covers("wasm_func_result_arity", CoverageKind.Positive)]
    public void AritiesCountParametersAndResults()
    {
        using wasm_extern_vec_t exports = FuncExports();
        Assert.AreEqual(2UL, (ulong)wasm_func_param_arity(wasm_extern_as_func(exports[Add])));
        Assert.AreEqual(1UL, (ulong)wasm_func_result_arity(wasm_extern_as_func(exports[Add])));
        Assert.AreEqual(3UL, (ulong)wasm_func_param_arity(wasm_extern_as_func(exports[Mix])));
        Assert.AreEqual(1UL, (ulong)wasm_func_result_arity(wasm_extern_as_func(exports[Mix])));
        Assert.AreEqual(0UL, (ulong)wasm_func_param_arity(wasm_extern_as_func(exports[Nothing])));
        Assert.AreEqual(0UL, (ulong)wasm_func_result_arity(wasm_extern_as_func(exports[Nothing])));
    }

    [TestMethod]
    [Covers("wasm_func_param_arity", CoverageKind.Negative)]
    [Covers("wasm_func_result_arity", CoverageKind.Negative)]
    public void AritiesOfNullAreZero()
    {
        Assert.AreEqual(0UL, (ulong)wasm_func_param_arity(null));
        Assert.AreEqual(0UL, (ulong)wasm_func_result_arity(null));
    }

    [TestMethod]
    [Covers("wasm_func_call", CoverageKind.Positive)]
    public void CallPassesArgumentsAndReturnsResults()
    {
        using wasm_extern_vec_t exports = FuncExports();
        Assert.AreEqual(5, CallInt(wasm_extern_as_func(exports[Add]), I32(2), I32(3)));
        Assert.AreEqual(int.MinValue, CallInt(wasm_extern_as_func(exports[Add]), I32(int.MaxValue), I32(1)));

        var results = new wasm_val_t[1];
        Call(wasm_extern_as_func(exports[Mix]), [I64(1_000_000_000_000), F32(0.5f), F64(0.25)], results);
        Assert.AreEqual(WASM_F64, results[0].kind);
        Assert.AreEqual(1_000_000_000_000.75, results[0].of.f64);

        Call(wasm_extern_as_func(exports[Nothing]), [], []);
    }

    [TestMethod]
    [Covers("wasm_func_call", CoverageKind.Negative)]
    public void CallReportsUnlinkedFunctionsAndTrapsAsTraps()
    {
        // NULL function: WAMR returns NULL without calling anything (no trap, results untouched).
        wasm_val_t result = I32(-1);
        wasm_val_vec_t none = default;
        wasm_val_vec_t results = ArrayVec(&result, 1);
        Assert.IsTrue(wasm_func_call(null, &none, &results) == null);
        Assert.AreEqual(-1, result.of.i32);

        // NULL argument or result vectors: WAMR reads them for a function with parameters or results (and builds
        // a trap from a NULL message when they are missing), which crashes; the binding's guard throws for any
        // function. Functions without parameters and results take empty vectors.
        using (wasm_extern_vec_t exports = FuncExports())
        {
            wasm_func_t* add = wasm_extern_as_func(exports[Add]);
            wasm_val_t* pair = stackalloc wasm_val_t[2] { I32(1), I32(2) };
            wasm_val_vec_t* args = stackalloc wasm_val_vec_t[1] { ArrayVec(pair, 2) };
            wasm_val_vec_t* room = stackalloc wasm_val_vec_t[1] { ArrayVec(&result, 1) };
            AssertNullGuarded("wasm_func_call", "args", () => wasm_func_call(add, null, room));
            AssertNullGuarded("wasm_func_call", "results", () => wasm_func_call(add, args, null));
            Assert.AreEqual(-1, result.of.i32);
        }

        // A host function no instance links is refused with a trap.
        wasm_functype_t* type = IntToInt();
        wasm_func_t* unlinked = wasm_func_new(Store, type, &Twice);
        Assert.AreEqual("failed to call unlinked function", CallForTrap(unlinked, [I32(1)], new wasm_val_t[1]));
        wasm_func_delete(unlinked);

        // An import left out at instantiation traps when it is called (WAMR 1.1.2 accepts missing imports).
        using (wasm_extern_vec_t exports = FuncExports())
        {
            Assert.AreEqual("Exception: failed to call unlinked import function (host, twice)",
                CallForTrap(wasm_extern_as_func(exports[CallTwice]), [I32(1)], new wasm_val_t[1]));
        }

        // A trap a host function returns reaches the caller with WAMR's "Exception: " prefix.
        wasm_func_t* refuse = wasm_func_new_with_env(Store, type, &Refuse, Store, null);
        using (wasm_extern_vec_t exports = FuncExports(refuse))
        {
            Assert.AreEqual("Exception: host says no",
                CallForTrap(wasm_extern_as_func(exports[CallTwice]), [I32(1)], new wasm_val_t[1]));
        }

        wasm_func_delete(refuse);
        wasm_functype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_func_delete", CoverageKind.Positive)]
    public void DeleteRunsTheHostInfoFinalizerAndFreesTheFunction()
    {
        wasm_functype_t* type = IntToInt();
        long before = CountingAllocator.Live;
        wasm_func_t* func = wasm_func_new(Store, type, &Twice);
        int finalized = 0;
        wasm_func_set_host_info_with_finalizer(func, &finalized, CountingFinalizer);

        wasm_func_delete(func);

        Assert.AreEqual(1, finalized);
        Assert.AreEqual(before, CountingAllocator.Live);
        wasm_functype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_func_delete", CoverageKind.Negative)]
    public void DeleteOfNullIsIgnored()
    {
        long live = CountingAllocator.Live;
        wasm_func_delete(null);
        Assert.AreEqual(live, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_func_copy", CoverageKind.Positive)]
    public void CopyCallsTheSameFunction()
    {
        using wasm_extern_vec_t exports = FuncExports();
        wasm_func_t* add = wasm_extern_as_func(exports[Add]);
        wasm_func_t* copy = wasm_func_copy(add);
        Assert.IsTrue(copy != null && copy != add);
        Assert.IsTrue(wasm_func_same(copy, add));
        Assert.AreEqual(9, CallInt(copy, I32(4), I32(5)));
        wasm_func_delete(copy);

        // A copy of a host function keeps its environment and its finalizer, so WAMR 1.1.2 runs the
        // finalizer once for each of them.
        int finalized = 0;
        wasm_functype_t* type = IntToInt();
        wasm_func_t* host = wasm_func_new_with_env(Store, type, &Times, &finalized, CountingFinalizer);
        wasm_func_t* hostCopy = wasm_func_copy(host);
        Assert.AreEqual(1UL, (ulong)wasm_func_param_arity(hostCopy));
        wasm_func_delete(hostCopy);
        Assert.AreEqual(1, finalized);
        wasm_func_delete(host);
        Assert.AreEqual(2, finalized);
        wasm_functype_delete(type);
    }

    [TestMethod]
    [Covers("wasm_func_copy", CoverageKind.Negative)]
    public void CopyOfNullIsNull() => Assert.IsTrue(wasm_func_copy(null) == null);

    [TestMethod]
    [Covers("wasm_func_same", CoverageKind.Positive)]
    public void SameComparesTheFunction()
    {
        using wasm_extern_vec_t first = FuncExports();
        using wasm_extern_vec_t second = Exports(Instantiate("func"));
        wasm_func_t* add = wasm_extern_as_func(first[Add]);
        Assert.IsTrue(wasm_func_same(add, add));
        Assert.IsFalse(wasm_func_same(add, wasm_extern_as_func(first[Mix])));
        // WAMR compares the kind and the function index only, not the instance.
        Assert.IsTrue(wasm_func_same(add, wasm_extern_as_func(second[Add])));
    }

    [TestMethod]
    [Covers("wasm_func_same", CoverageKind.Negative)]
    public void SameWithNullIsTrueOnlyForTwoNulls()
    {
        using wasm_extern_vec_t exports = FuncExports();
        wasm_func_t* add = wasm_extern_as_func(exports[Add]);
        Assert.IsTrue(wasm_func_same(null, null));
        Assert.IsFalse(wasm_func_same(add, null));
        Assert.IsFalse(wasm_func_same(null, add));
    }

    [TestMethod]
    [Covers("wasm_func_get_host_info", CoverageKind.Positive)]
    [Covers("wasm_func_set_host_info", CoverageKind.Positive)]
    public void HostInfoIsStoredAndReplaced()
    {
        using wasm_extern_vec_t exports = FuncExports();
        wasm_func_t* add = wasm_extern_as_func(exports[Add]);
        Assert.IsTrue(wasm_func_get_host_info(add) == null);
        int first = 1, second = 2;
        wasm_func_set_host_info(add, &first);
        Assert.IsTrue(wasm_func_get_host_info(add) == &first);
        wasm_func_set_host_info(add, &second);
        Assert.IsTrue(wasm_func_get_host_info(add) == &second);
    }

    [TestMethod]
    [Covers("wasm_func_get_host_info", CoverageKind.Negative)]
    [Covers("wasm_func_set_host_info", CoverageKind.Negative)]
    public void HostInfoOfNullIsNullAndSettingItIsIgnored()
    {
        int info = 3;
        wasm_func_set_host_info(null, &info);
        Assert.IsTrue(wasm_func_get_host_info(null) == null);
    }

    [TestMethod]
    [Covers("wasm_func_set_host_info_with_finalizer", CoverageKind.Positive)]
    public void FinalizerRunsOnceWhenTheFunctionIsDeleted()
    {
        using wasm_extern_vec_t exports = FuncExports();
        wasm_func_t* copy = wasm_func_copy(wasm_extern_as_func(exports[Add]));
        int finalized = 0;
        wasm_func_set_host_info_with_finalizer(copy, &finalized, CountingFinalizer);
        Assert.IsTrue(wasm_func_get_host_info(copy) == &finalized);
        Assert.AreEqual(0, finalized);

        wasm_func_delete(copy);

        Assert.AreEqual(1, finalized);
    }

    [TestMethod]
    [Covers("wasm_func_set_host_info_with_finalizer", CoverageKind.Negative)]
    public void FinalizerOnNullIsIgnored()
    {
        int finalized = 0;
        wasm_func_set_host_info_with_finalizer(null, &finalized, CountingFinalizer);
        Assert.AreEqual(0, finalized);
    }

    [TestMethod]
    [Covers("wasm_func_as_ref", CoverageKind.Positive)]
    [Covers("wasm_ref_as_func", CoverageKind.Positive)]
    public void AsRefAndBackGiveACallableFunction()
    {
        using wasm_extern_vec_t exports = FuncExports();
        wasm_func_t* add = wasm_extern_as_func(exports[Add]);
        wasm_ref_t* reference = wasm_func_as_ref(add);
        Assert.IsTrue(reference != null);

        // WAMR makes a new wasm_func_t for the reference: the caller deletes it.
        wasm_func_t* back = wasm_ref_as_func(reference);
        Assert.IsTrue(back != null && back != add);
        Assert.IsTrue(wasm_func_same(back, add));
        Assert.AreEqual(12, CallInt(back, I32(5), I32(7)));
        wasm_func_delete(back);
        wasm_ref_delete(reference);
    }

    [TestMethod]
    [Covers("wasm_func_as_ref_const", CoverageKind.Positive)]
    [Covers("wasm_ref_as_func_const", CoverageKind.Positive)]
    public void ConstAsRefAndBackGiveACallableFunction()
    {
        using wasm_extern_vec_t exports = FuncExports();
        wasm_func_t* add = wasm_extern_as_func(exports[Add]);
        wasm_ref_t* reference = wasm_func_as_ref_const(add);
        Assert.IsTrue(reference != null);

        wasm_func_t* back = wasm_ref_as_func_const(reference);
        Assert.IsTrue(wasm_func_same(back, add));
        Assert.AreEqual(3, CallInt(back, I32(1), I32(2)));
        wasm_func_delete(back);
        wasm_ref_delete(reference);
    }

    [TestMethod]
    [Covers("wasm_func_as_ref", CoverageKind.Negative)]
    [Covers("wasm_func_as_ref_const", CoverageKind.Negative)]
    public void AsRefOfNullIsNull()
    {
        Assert.IsTrue(wasm_func_as_ref(null) == null);
        Assert.IsTrue(wasm_func_as_ref_const(null) == null);
    }

    [TestMethod]
    [Covers("wasm_ref_as_func", CoverageKind.Negative)]
    [Covers("wasm_ref_as_func_const", CoverageKind.Negative)]
    public void RefAsFuncOfNullOfAnotherKindOrOfAnUnlinkedHostFunctionIsNull()
    {
        Assert.IsTrue(wasm_ref_as_func(null) == null);
        Assert.IsTrue(wasm_ref_as_func_const(null) == null);

        wasm_ref_t* foreign = wasm_foreign_as_ref(wasm_foreign_new(Store));
        Assert.IsTrue(wasm_ref_as_func(foreign) == null);
        Assert.IsTrue(wasm_ref_as_func_const(foreign) == null);
        wasm_ref_delete(foreign);

        // WAMR rebuilds the function from its instance: a host function outside any instance has none.
        wasm_functype_t* type = IntToInt();
        wasm_func_t* host = wasm_func_new(Store, type, &Twice);
        wasm_ref_t* hostRef = wasm_func_as_ref(host);
        Assert.IsTrue(hostRef != null);
        Assert.IsTrue(wasm_ref_as_func(hostRef) == null);
        Assert.IsTrue(wasm_ref_as_func_const(hostRef) == null);
        wasm_ref_delete(hostRef);
        wasm_func_delete(host);
        wasm_functype_delete(type);
    }
}
