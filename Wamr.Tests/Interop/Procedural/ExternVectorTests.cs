using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary><c>wasm_extern_vec_*</c>: a vector owning externals (host functions and host globals here).</summary>
[TestClass]
public sealed unsafe class ExternVectorTests : EngineTestBase
{
    private int _made;

    private VectorKind Kind => new()
    {
        Name = "wasm_extern_vec",
        NewEmpty = (delegate*<RawVec*, void>)(delegate*<wasm_extern_vec_t*, void>)&wasm_extern_vec_new_empty,
        NewUninitialized = (delegate*<RawVec*, nuint, void>)(delegate*<wasm_extern_vec_t*, nuint, void>)&wasm_extern_vec_new_uninitialized,
        New = (delegate*<RawVec*, nuint, void*, void>)(delegate*<wasm_extern_vec_t*, nuint, wasm_extern_t**, void>)&wasm_extern_vec_new,
        Copy = (delegate*<RawVec*, RawVec*, void>)(delegate*<wasm_extern_vec_t*, wasm_extern_vec_t*, void>)&wasm_extern_vec_copy,
        Delete = (delegate*<RawVec*, void>)(delegate*<wasm_extern_vec_t*, void>)&wasm_extern_vec_delete,
        ElementSize = (nuint)sizeof(nint),
        MakeElement = MakeExtern,
        SameContent = SameExtern,
    };

    /// <summary>Alternately a host function (i32) -> (i32) and a mutable i64 global holding the count so far.</summary>
    private nint MakeExtern()
    {
        if (_made++ % 2 == 0)
        {
            wasm_functype_t* type = TypeSignatures.Functype(1, 1);
            wasm_func_t* func = wasm_func_new(Store, type, &Identity);
            wasm_functype_delete(type);
            return (nint)wasm_func_as_extern(func);
        }

        wasm_valtype_t* content = wasm_valtype_new(WASM_I64);
        wasm_globaltype_t* globalType = wasm_globaltype_new(content, WASM_VAR);
        wasm_val_t value = new() { kind = WASM_I64 };
        value.of.i64 = _made;
        wasm_global_t* global = wasm_global_new(Store, globalType, &value);
        wasm_globaltype_delete(globalType);
        return (nint)wasm_global_as_extern(global);
    }

    private static bool SameExtern(nint a, nint b)
    {
        var x = (wasm_extern_t*)a;
        var y = (wasm_extern_t*)b;
        wasm_externtype_t* tx = wasm_extern_type(x);
        wasm_externtype_t* ty = wasm_extern_type(y);
        try
        {
            return wasm_extern_kind(x) == wasm_extern_kind(y) && TypeSignatures.Describe(tx) == TypeSignatures.Describe(ty);
        }
        finally
        {
            wasm_externtype_delete(tx);
            wasm_externtype_delete(ty);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static wasm_trap_t* Identity(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        results->data[0] = args->data[0];
        return null;
    }

    [TestMethod]
    [Covers("wasm_extern_vec_new_empty", CoverageKind.Positive)]
    public void NewEmptyIsEmpty() => VectorContract.NewEmptyIsEmpty(Kind);

    [TestMethod]
    [Covers("wasm_extern_vec_new_empty", CoverageKind.Negative)]
    public void NewEmptyIgnoresNullOut() => VectorContract.NewEmptyIgnoresNullOut(Kind);

    [TestMethod]
    [Covers("wasm_extern_vec_new_uninitialized", CoverageKind.Positive)]
    public void NewUninitializedHasZeroedRoom() => VectorContract.NewUninitializedHasRoom(Kind);

    [TestMethod]
    [Covers("wasm_extern_vec_new_uninitialized", CoverageKind.Negative)]
    public void NewUninitializedRejectsOddArguments() => VectorContract.NewUninitializedRejectsOddArguments(Kind);

    [TestMethod]
    [Covers("wasm_extern_vec_new", CoverageKind.Positive)]
    public void NewHoldsTheItems() => VectorContract.NewHoldsTheItems(Kind);

    [TestMethod]
    [Covers("wasm_extern_vec_new", CoverageKind.Negative)]
    public void NewRejectsOddArguments() => VectorContract.NewRejectsOddArguments(Kind);

    [TestMethod]
    [Covers("wasm_extern_vec_copy", CoverageKind.Positive)]
    public void CopyIsDeep() => VectorContract.CopyIsDeep(Kind);

    [TestMethod]
    [Covers("wasm_extern_vec_copy", CoverageKind.Negative)]
    public void CopyRejectsOddArguments() => VectorContract.CopyRejectsOddArguments(Kind, nullSourceEmptiesOut: true);

    [TestMethod]
    [Covers("wasm_extern_vec_delete", CoverageKind.Positive)]
    public void DeleteReleasesEverything() => VectorContract.DeleteReleases(Kind);

    [TestMethod]
    [Covers("wasm_extern_vec_delete", CoverageKind.Negative)]
    public void DeleteIgnoresNullAndDeletedVectors() => VectorContract.DeleteIgnoresNullAndDeleted(Kind);
}
