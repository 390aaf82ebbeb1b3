using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary><c>wasm_frame_vec_*</c>: a vector owning the frames of a trap (from <c>Modules/frames.wasm</c>).</summary>
[TestClass]
public sealed unsafe class FrameVectorTests : EngineTestBase
{
    private wasm_module_t* _module;
    private wasm_func_t* _outer;
    private wasm_extern_vec_t _exports;

    private VectorKind Kind => new()
    {
        Name = "wasm_frame_vec",
        NewEmpty = (delegate*<RawVec*, void>)(delegate*<wasm_frame_vec_t*, void>)&wasm_frame_vec_new_empty,
        NewUninitialized = (delegate*<RawVec*, nuint, void>)(delegate*<wasm_frame_vec_t*, nuint, void>)&wasm_frame_vec_new_uninitialized,
        New = (delegate*<RawVec*, nuint, void*, void>)(delegate*<wasm_frame_vec_t*, nuint, wasm_frame_t**, void>)&wasm_frame_vec_new,
        Copy = (delegate*<RawVec*, RawVec*, void>)(delegate*<wasm_frame_vec_t*, wasm_frame_vec_t*, void>)&wasm_frame_vec_copy,
        Delete = (delegate*<RawVec*, void>)(delegate*<wasm_frame_vec_t*, void>)&wasm_frame_vec_delete,
        ElementSize = (nuint)sizeof(nint),
        MakeElement = MakeFrame,
        SameContent = SameFrame,
    };

    [TestInitialize]
    public void InstantiateFramesModule()
    {
        _module = TestModules.Load(Store, "Interop/Procedural/Modules/frames.wasm");
        _exports = TestModules.Exports(TestModules.Instantiate(Store, _module));
        _outer = wasm_extern_as_func(_exports[1]);
    }

    [TestCleanup]
    public void DeleteFramesModule()
    {
        _exports.Dispose();
        wasm_module_delete(_module);
    }

    /// <summary>A new frame: the innermost frame of a fresh trap of "outer" (calls "inner", which traps).</summary>
    private nint MakeFrame()
    {
        wasm_val_vec_t none = default;
        wasm_trap_t* trap = wasm_func_call(_outer, &none, &none);
        Assert.IsTrue(trap != null, "outer must trap");
        wasm_frame_t* frame = wasm_trap_origin(trap);
        wasm_trap_delete(trap);
        return (nint)frame;
    }

    private static bool SameFrame(nint a, nint b)
    {
        var x = (wasm_frame_t*)a;
        var y = (wasm_frame_t*)b;
        return wasm_frame_instance(x) == wasm_frame_instance(y)
            && wasm_frame_func_index(x) == wasm_frame_func_index(y)
            && wasm_frame_func_offset(x) == wasm_frame_func_offset(y)
            && wasm_frame_module_offset(x) == wasm_frame_module_offset(y);
    }

    [TestMethod]
    [Covers("wasm_frame_vec_new_empty", CoverageKind.Positive)]
    public void NewEmptyIsEmpty() => VectorContract.NewEmptyIsEmpty(Kind);

    [TestMethod]
    [Covers("wasm_frame_vec_new_empty", CoverageKind.Negative)]
    public void NewEmptyIgnoresNullOut() => VectorContract.NewEmptyIgnoresNullOut(Kind);

    [TestMethod]
    [Covers("wasm_frame_vec_new_uninitialized", CoverageKind.Positive)]
    public void NewUninitializedHasZeroedRoom() => VectorContract.NewUninitializedHasRoom(Kind);

    [TestMethod]
    [Covers("wasm_frame_vec_new_uninitialized", CoverageKind.Negative)]
    public void NewUninitializedRejectsOddArguments() => VectorContract.NewUninitializedRejectsOddArguments(Kind);

    [TestMethod]
    [Covers("wasm_frame_vec_new", CoverageKind.Positive)]
    public void NewHoldsTheItems() => VectorContract.NewHoldsTheItems(Kind);

    [TestMethod]
    [Covers("wasm_frame_vec_new", CoverageKind.Negative)]
    public void NewRejectsOddArguments() => VectorContract.NewRejectsOddArguments(Kind);

    [TestMethod]
    [Covers("wasm_frame_vec_copy", CoverageKind.Positive)]
    public void CopyIsDeep() => VectorContract.CopyIsDeep(Kind);

    [TestMethod]
    [Covers("wasm_frame_vec_copy", CoverageKind.Negative)]
    public void CopyRejectsOddArguments() => VectorContract.CopyRejectsOddArguments(Kind, nullSourceEmptiesOut: true);

    [TestMethod]
    [Covers("wasm_frame_vec_delete", CoverageKind.Positive)]
    public void DeleteReleasesEverything() => VectorContract.DeleteReleases(Kind);

    [TestMethod]
    [Covers("wasm_frame_vec_delete", CoverageKind.Negative)]
    public void DeleteIgnoresNullAndDeletedVectors() => VectorContract.DeleteIgnoresNullAndDeleted(Kind);
}
