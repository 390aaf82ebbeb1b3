using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary><c>wasm_val_vec_*</c>: a vector of <c>wasm_val_t</c> values, copied by value.</summary>
[TestClass]
public sealed unsafe class ValVectorTests : EngineTestBase
{
    private VectorKind Kind => new()
    {
        Name = "wasm_val_vec",
        NewEmpty = (delegate*<RawVec*, void>)(delegate*<wasm_val_vec_t*, void>)&wasm_val_vec_new_empty,
        NewUninitialized = (delegate*<RawVec*, nuint, void>)(delegate*<wasm_val_vec_t*, nuint, void>)&wasm_val_vec_new_uninitialized,
        New = (delegate*<RawVec*, nuint, void*, void>)(delegate*<wasm_val_vec_t*, nuint, wasm_val_t*, void>)&wasm_val_vec_new,
        Copy = (delegate*<RawVec*, RawVec*, void>)(delegate*<wasm_val_vec_t*, wasm_val_vec_t*, void>)&wasm_val_vec_copy,
        Delete = (delegate*<RawVec*, void>)(delegate*<wasm_val_vec_t*, void>)&wasm_val_vec_delete,
        ElementSize = (nuint)sizeof(wasm_val_t),
        FillValue = &FillVal,
    };

    private static void FillVal(byte* item, int index)
    {
        var value = (wasm_val_t*)item;
        value->kind = WASM_I64;
        value->of.i64 = (index + 1) * 0x1_0000_0001L;
    }

    [TestMethod]
    [Covers("wasm_val_vec_new_empty", CoverageKind.Positive)]
    public void NewEmptyIsEmpty() => VectorContract.NewEmptyIsEmpty(Kind);

    [TestMethod]
    [Covers("wasm_val_vec_new_empty", CoverageKind.Negative)]
    public void NewEmptyIgnoresNullOut() => VectorContract.NewEmptyIgnoresNullOut(Kind);

    [TestMethod]
    [Covers("wasm_val_vec_new_uninitialized", CoverageKind.Positive)]
    public void NewUninitializedHasZeroedRoom() => VectorContract.NewUninitializedHasRoom(Kind);

    [TestMethod]
    [Covers("wasm_val_vec_new_uninitialized", CoverageKind.Negative)]
    public void NewUninitializedRejectsOddArguments() => VectorContract.NewUninitializedRejectsOddArguments(Kind);

    [TestMethod]
    [Covers("wasm_val_vec_new", CoverageKind.Positive)]
    public void NewHoldsTheItems() => VectorContract.NewHoldsTheItems(Kind);

    [TestMethod]
    [Covers("wasm_val_vec_new", CoverageKind.Negative)]
    public void NewRejectsOddArguments() => VectorContract.NewRejectsOddArguments(Kind);

    [TestMethod]
    [Covers("wasm_val_vec_copy", CoverageKind.Positive)]
    public void CopyIsDeep() => VectorContract.CopyIsDeep(Kind);

    [TestMethod]
    [Covers("wasm_val_vec_copy", CoverageKind.Negative)]
    public void CopyRejectsOddArguments() => VectorContract.CopyRejectsOddArguments(Kind, nullSourceEmptiesOut: false);

    [TestMethod]
    [Covers("wasm_val_vec_delete", CoverageKind.Positive)]
    public void DeleteReleasesEverything() => VectorContract.DeleteReleases(Kind);

    [TestMethod]
    [Covers("wasm_val_vec_delete", CoverageKind.Negative)]
    public void DeleteIgnoresNullAndDeletedVectors() => VectorContract.DeleteIgnoresNullAndDeleted(Kind);
}
