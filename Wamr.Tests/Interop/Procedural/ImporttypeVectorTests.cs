using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary><c>wasm_importtype_vec_*</c>: a vector owning import types.</summary>
[TestClass]
public sealed unsafe class ImporttypeVectorTests : EngineTestBase
{
    private VectorKind Kind => new()
    {
        Name = "wasm_importtype_vec",
        NewEmpty = (delegate*<RawVec*, void>)(delegate*<wasm_importtype_vec_t*, void>)&wasm_importtype_vec_new_empty,
        NewUninitialized = (delegate*<RawVec*, nuint, void>)(delegate*<wasm_importtype_vec_t*, nuint, void>)&wasm_importtype_vec_new_uninitialized,
        New = (delegate*<RawVec*, nuint, void*, void>)(delegate*<wasm_importtype_vec_t*, nuint, wasm_importtype_t**, void>)&wasm_importtype_vec_new,
        Copy = (delegate*<RawVec*, RawVec*, void>)(delegate*<wasm_importtype_vec_t*, wasm_importtype_vec_t*, void>)&wasm_importtype_vec_copy,
        Delete = (delegate*<RawVec*, void>)(delegate*<wasm_importtype_vec_t*, void>)&wasm_importtype_vec_delete,
        ElementSize = (nuint)sizeof(nint),
        MakeElement = MakeImporttype,
        SameContent = TypeSignatures.SameImporttype,
    };

    private int _made;

    private nint MakeImporttype() => (nint)TypeSignatures.Importtype("env", "f" + _made++, wasm_functype_as_externtype(TypeSignatures.Functype(1, 1)));

    [TestMethod]
    [Covers("wasm_importtype_vec_new_empty", CoverageKind.Positive)]
    public void NewEmptyIsEmpty() => VectorContract.NewEmptyIsEmpty(Kind);

    [TestMethod]
    [Covers("wasm_importtype_vec_new_empty", CoverageKind.Negative)]
    public void NewEmptyIgnoresNullOut() => VectorContract.NewEmptyIgnoresNullOut(Kind);

    [TestMethod]
    [Covers("wasm_importtype_vec_new_uninitialized", CoverageKind.Positive)]
    public void NewUninitializedHasZeroedRoom() => VectorContract.NewUninitializedHasRoom(Kind);

    [TestMethod]
    [Covers("wasm_importtype_vec_new_uninitialized", CoverageKind.Negative)]
    public void NewUninitializedRejectsOddArguments() => VectorContract.NewUninitializedRejectsOddArguments(Kind);

    [TestMethod]
    [Covers("wasm_importtype_vec_new", CoverageKind.Positive)]
    public void NewHoldsTheItems() => VectorContract.NewHoldsTheItems(Kind);

    [TestMethod]
    [Covers("wasm_importtype_vec_new", CoverageKind.Negative)]
    public void NewRejectsOddArguments() => VectorContract.NewRejectsOddArguments(Kind);

    [TestMethod]
    [Covers("wasm_importtype_vec_copy", CoverageKind.Positive)]
    public void CopyIsDeep() => VectorContract.CopyIsDeep(Kind);

    [TestMethod]
    [Covers("wasm_importtype_vec_copy", CoverageKind.Negative)]
    public void CopyRejectsOddArguments() => VectorContract.CopyRejectsOddArguments(Kind, nullSourceEmptiesOut: true);

    [TestMethod]
    [Covers("wasm_importtype_vec_delete", CoverageKind.Positive)]
    public void DeleteReleasesEverything() => VectorContract.DeleteReleases(Kind);

    [TestMethod]
    [Covers("wasm_importtype_vec_delete", CoverageKind.Negative)]
    public void DeleteIgnoresNullAndDeletedVectors() => VectorContract.DeleteIgnoresNullAndDeleted(Kind);
}
