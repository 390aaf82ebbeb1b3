using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary><c>wasm_valtype_vec_*</c>: a vector owning value types.</summary>
[TestClass]
public sealed unsafe class ValtypeVectorTests : EngineTestBase
{
    private VectorKind Kind => new()
    {
        Name = "wasm_valtype_vec",
        NewEmpty = (delegate*<RawVec*, void>)(delegate*<wasm_valtype_vec_t*, void>)&wasm_valtype_vec_new_empty,
        NewUninitialized = (delegate*<RawVec*, nuint, void>)(delegate*<wasm_valtype_vec_t*, nuint, void>)&wasm_valtype_vec_new_uninitialized,
        New = (delegate*<RawVec*, nuint, void*, void>)(delegate*<wasm_valtype_vec_t*, nuint, wasm_valtype_t**, void>)&wasm_valtype_vec_new,
        Copy = (delegate*<RawVec*, RawVec*, void>)(delegate*<wasm_valtype_vec_t*, wasm_valtype_vec_t*, void>)&wasm_valtype_vec_copy,
        Delete = (delegate*<RawVec*, void>)(delegate*<wasm_valtype_vec_t*, void>)&wasm_valtype_vec_delete,
        ElementSize = (nuint)sizeof(nint),
        MakeElement = MakeValtype,
        SameContent = SameValtype,
    };

    private static readonly wasm_valkind_t[] Kinds = [WASM_I32, WASM_I64, WASM_F32, WASM_F64, WASM_ANYREF, WASM_FUNCREF];
    private int _made;

    private nint MakeValtype() => (nint)wasm_valtype_new(Kinds[_made++ % Kinds.Length]);

    private static bool SameValtype(nint a, nint b) => wasm_valtype_kind((wasm_valtype_t*)a) == wasm_valtype_kind((wasm_valtype_t*)b);

    [TestMethod]
    [Covers("wasm_valtype_vec_new_empty", CoverageKind.Positive)]
    public void NewEmptyIsEmpty() => VectorContract.NewEmptyIsEmpty(Kind);

    [TestMethod]
    [Covers("wasm_valtype_vec_new_empty", CoverageKind.Negative)]
    public void NewEmptyIgnoresNullOut() => VectorContract.NewEmptyIgnoresNullOut(Kind);

    [TestMethod]
    [Covers("wasm_valtype_vec_new_uninitialized", CoverageKind.Positive)]
    public void NewUninitializedHasZeroedRoom() => VectorContract.NewUninitializedHasRoom(Kind);

    [TestMethod]
    [Covers("wasm_valtype_vec_new_uninitialized", CoverageKind.Negative)]
    public void NewUninitializedRejectsOddArguments() => VectorContract.NewUninitializedRejectsOddArguments(Kind);

    [TestMethod]
    [Covers("wasm_valtype_vec_new", CoverageKind.Positive)]
    public void NewHoldsTheItems() => VectorContract.NewHoldsTheItems(Kind);

    [TestMethod]
    [Covers("wasm_valtype_vec_new", CoverageKind.Negative)]
    public void NewRejectsOddArguments() => VectorContract.NewRejectsOddArguments(Kind);

    [TestMethod]
    [Covers("wasm_valtype_vec_copy", CoverageKind.Positive)]
    public void CopyIsDeep() => VectorContract.CopyIsDeep(Kind);

    [TestMethod]
    [Covers("wasm_valtype_vec_copy", CoverageKind.Negative)]
    public void CopyRejectsOddArguments() => VectorContract.CopyRejectsOddArguments(Kind, nullSourceEmptiesOut: true);

    [TestMethod]
    [Covers("wasm_valtype_vec_delete", CoverageKind.Positive)]
    public void DeleteReleasesEverything() => VectorContract.DeleteReleases(Kind);

    [TestMethod]
    [Covers("wasm_valtype_vec_delete", CoverageKind.Negative)]
    public void DeleteIgnoresNullAndDeletedVectors() => VectorContract.DeleteIgnoresNullAndDeleted(Kind);
}
