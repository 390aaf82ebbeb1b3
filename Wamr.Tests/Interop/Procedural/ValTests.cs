using System;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;
using Wamr.Tests.Interop.Safety;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// <c>wasm_val_copy</c> and <c>wasm_val_delete</c>. Unlike the upstream C API, WAMR's <c>wasm_val_delete</c> frees the
/// <c>wasm_val_t</c> itself: only a value WAMR's allocator made may be deleted (one on the stack or in managed memory
/// aborts the process — a hazard the NULL probe measures, never done here).
/// </summary>
[TestClass]
public sealed unsafe class ValTests : EngineTestBase
{
    [TestMethod]
    [Covers("wasm_val_copy", CoverageKind.Positive)]
    public void CopyCopiesEveryNumericValueBitForBit()
    {
        wasm_val_t[] values = new wasm_val_t[4];
        values[0].kind = WASM_I32;
        values[0].of.i32 = int.MinValue;
        values[1].kind = WASM_I64;
        values[1].of.i64 = 0x0123_4567_89AB_CDEF;
        values[2].kind = WASM_F32;
        values[2].of.f32 = BitConverter.Int32BitsToSingle(0x7FA0_0001); // a signalling NaN with a payload
        values[3].kind = WASM_F64;
        values[3].of.f64 = -0.0;
        foreach (wasm_val_t value in values)
        {
            wasm_val_t source = value, copy = default;
            wasm_val_copy(&copy, &source);
            Assert.AreEqual(source.kind, copy.kind);
            Assert.AreEqual(source.of.i64, copy.of.i64, $"the bits of the {source.kind} value");
        }
    }

    [TestMethod]
    [Covers("wasm_val_copy", CoverageKind.Negative)]
    public void CopyIgnoresNullAndCopiesANullReference()
    {
        wasm_val_t source = new() { kind = WASM_I32 };
        source.of.i32 = 7;
        wasm_val_t untouched = new() { kind = WASM_F64 };
        untouched.of.f64 = 1.5;

        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_val_copy", "out"));
        wasm_val_copy(null, &source);
        Assert.AreEqual(7, source.of.i32);

        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_val_copy", "arg1"));
        wasm_val_copy(&untouched, null);
        Assert.AreEqual(WASM_F64, untouched.kind, "out is left as it was");
        Assert.AreEqual(1.5, untouched.of.f64);

        // WASM_INIT_VAL: an anyref holding NULL is copied as it is.
        Assert.AreEqual("kind=128 ref=NULL", NullProbe.AssertOddIsSafe("wasm_val_copy", "WASM_INIT_VAL"));
        wasm_val_t nullRef = new() { kind = WASM_ANYREF }, copy = default;
        wasm_val_copy(&copy, &nullRef);
        Assert.AreEqual(WASM_ANYREF, copy.kind);
        Assert.IsTrue(copy.of.@ref == null);
    }

    [TestMethod]
    [Covers("wasm_val_delete", CoverageKind.Positive)]
    public void DeleteFreesAValueWamrAllocated()
    {
        var value = (wasm_val_t*)WamrApi.wasm_runtime_malloc((uint)sizeof(wasm_val_t));
        Assert.IsTrue(value != null);
        value->kind = WASM_I64;
        value->of.i64 = 42;
        NativeHeap.Watched watched = NativeHeap.Watch(value, "wasm_val_t");
        wasm_val_delete(value);
        watched.AssertReleased();
        Assert.AreEqual("signal", NullProbe.Results.Single(r => r.Function == "wasm_val_delete" && r.IsHazard).Outcome, "a value WAMR did not allocate must never be deleted");
    }

    [TestMethod]
    [Covers("wasm_val_delete", CoverageKind.Negative)]
    public void DeleteOfNullDoesNothing()
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe("wasm_val_delete", "v"));
        wasm_val_delete(null);
    }
}
