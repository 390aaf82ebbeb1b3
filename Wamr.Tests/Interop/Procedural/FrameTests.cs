using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// <c>wasm_frame_t</c>: the frames of a trap. <c>trap.wasm</c>'s <c>outer</c> calls <c>middle</c>, which calls
/// <c>inner</c> (function 0), which executes <c>unreachable</c>.
/// </summary>
[TestClass]
public sealed unsafe class FrameTests : ProceduralTest
{
    private wasm_instance_t* _instance;
    private wasm_trap_t* _trap;
    private wasm_frame_vec_t _frames;

    [TestInitialize]
    public void Trap()
    {
        _instance = Instantiate("trap");
        using wasm_extern_vec_t exports = Exports(_instance);
        wasm_val_vec_t none = default;
        _trap = wasm_func_call(wasm_extern_as_func(exports[1]), &none, &none);
        Assert.IsTrue(_trap != null);
        wasm_frame_vec_t frames;
        wasm_trap_trace(_trap, &frames);
        _frames = frames;
        Assert.AreEqual(3, _frames.Length);
    }

    [TestCleanup]
    public void DeleteTrap()
    {
        _frames.Dispose();
        wasm_trap_delete(_trap);
    }

    [TestMethod]
    [Covers("wasm_frame_func_index", CoverageKind.Positive)]
    public void FuncIndexesRunFromTheTrappingFunctionOutwards()
    {
        Assert.AreEqual(0u, wasm_frame_func_index(_frames[0]));
        Assert.AreEqual(1u, wasm_frame_func_index(_frames[1]));
        Assert.AreEqual(2u, wasm_frame_func_index(_frames[2]));
    }

    [TestMethod]
    [Covers("wasm_frame_func_index", CoverageKind.Negative)]
    public void FuncIndexOfNullIsZero() => Assert.AreEqual(0u, wasm_frame_func_index(null));

    [TestMethod]
    [Covers("wasm_frame_func_offset", CoverageKind.Positive)]
    public void FuncOffsetsPointIntoEachFunction()
    {
        foreach (wasm_frame_t* frame in _frames)
        {
            Assert.IsGreaterThan(0UL, (ulong)wasm_frame_func_offset(frame));
        }

        // inner traps at its first instruction; middle and outer stand at their call instruction.
        Assert.AreEqual(wasm_frame_func_offset(_frames[1]), wasm_frame_func_offset(_frames[2]));
    }

    [TestMethod]
    [Covers("wasm_frame_func_offset", CoverageKind.Negative)]
    public void FuncOffsetOfNullIsZero() => Assert.AreEqual(0UL, (ulong)wasm_frame_func_offset(null));

    [TestMethod]
    [Covers("wasm_frame_module_offset", CoverageKind.Positive)]
    public void ModuleOffsetIsNotRecorded()
    {
        // WAMR 1.1.2 fills in the function index and offset of a frame but never its module offset.
        foreach (wasm_frame_t* frame in _frames)
        {
            Assert.AreEqual(0UL, (ulong)wasm_frame_module_offset(frame));
        }
    }

    [TestMethod]
    [Covers("wasm_frame_module_offset", CoverageKind.Negative)]
    public void ModuleOffsetOfNullIsZero() => Assert.AreEqual(0UL, (ulong)wasm_frame_module_offset(null));

    [TestMethod]
    [Covers("wasm_frame_instance", CoverageKind.Positive)]
    public void InstanceIsTheTrappingInstance()
    {
        foreach (wasm_frame_t* frame in _frames)
        {
            Assert.IsTrue(wasm_frame_instance(frame) == _instance);
        }
    }

    [TestMethod]
    [Covers("wasm_frame_instance", CoverageKind.Negative)]
    public void InstanceOfNullIsNull() => Assert.IsTrue(wasm_frame_instance(null) == null);

    [TestMethod]
    [Covers("wasm_frame_copy", CoverageKind.Positive)]
    public void CopyHasTheSameFields()
    {
        wasm_frame_t* frame = _frames[1];
        wasm_frame_t* copy = wasm_frame_copy(frame);
        Assert.IsTrue(copy != null && copy != frame);
        Assert.AreEqual(wasm_frame_func_index(frame), wasm_frame_func_index(copy));
        Assert.AreEqual(wasm_frame_func_offset(frame), wasm_frame_func_offset(copy));
        Assert.AreEqual(wasm_frame_module_offset(frame), wasm_frame_module_offset(copy));
        Assert.IsTrue(wasm_frame_instance(copy) == _instance);
        wasm_frame_delete(copy);
    }

    [TestMethod]
    [Covers("wasm_frame_copy", CoverageKind.Negative)]
    public void CopyOfNullIsNull() => Assert.IsTrue(wasm_frame_copy(null) == null);

    [TestMethod]
    [Covers("wasm_frame_delete", CoverageKind.Positive)]
    public void DeleteFreesTheFrame()
    {
        long before = CountingAllocator.Live;
        wasm_frame_t* copy = wasm_frame_copy(_frames[0]);
        Assert.AreEqual(before + 1, CountingAllocator.Live);

        wasm_frame_delete(copy);

        Assert.AreEqual(before, CountingAllocator.Live);
        Assert.IsTrue(CountingAllocator.LastFreed == copy);
    }

    [TestMethod]
    [Covers("wasm_frame_delete", CoverageKind.Negative)]
    public void DeleteOfNullIsIgnored()
    {
        long live = CountingAllocator.Live;
        wasm_frame_delete(null);
        Assert.AreEqual(live, CountingAllocator.Live);
    }
}
