using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary><c>wasm_byte_vec_*</c> (and so <c>wasm_name_t</c>, <c>wasm_message_t</c>): a vector of bytes, copied by value.</summary>
[TestClass]
public sealed unsafe class ByteVectorTests : EngineTestBase
{
    private VectorKind Kind => new()
    {
        Name = "wasm_byte_vec",
        NewEmpty = (delegate*<RawVec*, void>)(delegate*<wasm_byte_vec_t*, void>)&wasm_byte_vec_new_empty,
        NewUninitialized = (delegate*<RawVec*, nuint, void>)(delegate*<wasm_byte_vec_t*, nuint, void>)&wasm_byte_vec_new_uninitialized,
        New = (delegate*<RawVec*, nuint, void*, void>)(delegate*<wasm_byte_vec_t*, nuint, byte*, void>)&wasm_byte_vec_new,
        Copy = (delegate*<RawVec*, RawVec*, void>)(delegate*<wasm_byte_vec_t*, wasm_byte_vec_t*, void>)&wasm_byte_vec_copy,
        Delete = (delegate*<RawVec*, void>)(delegate*<wasm_byte_vec_t*, void>)&wasm_byte_vec_delete,
        ElementSize = 1,
        FillValue = &FillByte,
    };

    private static void FillByte(byte* item, int index) => *item = (byte)(index + 1);

    [TestMethod]
    [Covers("wasm_byte_vec_new_empty", CoverageKind.Positive)]
    public void NewEmptyIsEmpty() => VectorContract.NewEmptyIsEmpty(Kind);

    [TestMethod]
    [Covers("wasm_byte_vec_new_empty", CoverageKind.Negative)]
    public void NewEmptyIgnoresNullOut() => VectorContract.NewEmptyIgnoresNullOut(Kind);

    [TestMethod]
    [Covers("wasm_byte_vec_new_uninitialized", CoverageKind.Positive)]
    public void NewUninitializedHasZeroedRoom() => VectorContract.NewUninitializedHasRoom(Kind);

    [TestMethod]
    [Covers("wasm_byte_vec_new_uninitialized", CoverageKind.Negative)]
    public void NewUninitializedRejectsOddArguments() => VectorContract.NewUninitializedRejectsOddArguments(Kind);

    [TestMethod]
    [Covers("wasm_byte_vec_new", CoverageKind.Positive)]
    public void NewHoldsTheItems() => VectorContract.NewHoldsTheItems(Kind);

    [TestMethod]
    [Covers("wasm_byte_vec_new", CoverageKind.Negative)]
    public void NewRejectsOddArguments() => VectorContract.NewRejectsOddArguments(Kind);

    [TestMethod]
    [Covers("wasm_byte_vec_copy", CoverageKind.Positive)]
    public void CopyIsDeep() => VectorContract.CopyIsDeep(Kind);

    [TestMethod]
    [Covers("wasm_byte_vec_copy", CoverageKind.Negative)]
    public void CopyRejectsOddArguments() => VectorContract.CopyRejectsOddArguments(Kind, nullSourceEmptiesOut: false);

    [TestMethod]
    [Covers("wasm_byte_vec_delete", CoverageKind.Positive)]
    public void DeleteReleasesEverything() => VectorContract.DeleteReleases(Kind);

    [TestMethod]
    [Covers("wasm_byte_vec_delete", CoverageKind.Negative)]
    public void DeleteIgnoresNullAndDeletedVectors() => VectorContract.DeleteIgnoresNullAndDeleted(Kind);
}
