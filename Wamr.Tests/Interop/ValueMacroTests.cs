using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop;

/// <summary>
/// The value macros of wasm_c_api.h (<c>WASM_I32_VAL</c> … <c>WASM_INIT_VAL</c>), translated from their designated
/// initializers into methods and a property returning <see cref="wasm_val_t"/>. Values cross libiwasm through
/// <c>wasm_func_call</c> (helpers.wasm echoes each number kind) and <c>wasm_val_copy</c>; references cannot cross
/// <c>wasm_func_call</c> (WAMR crashes), so they go through <c>wasm_val_copy</c> only.
/// </summary>
[TestClass]
public sealed unsafe class ValueMacroTests : EngineTestBase
{
    private wasm_val_t Echo(string function, wasm_val_t argument)
    {
        using TestModule module = TestModule.Instantiate(Store, "helpers", WASM_EMPTY_VEC);
        Span<wasm_val_t> args = stackalloc wasm_val_t[1] { argument };
        Span<wasm_val_t> results = stackalloc wasm_val_t[1] { WASM_INIT_VAL };
        wasm_val_vec_t a = WASM_ARRAY_VEC(args), r = WASM_ARRAY_VEC(results);
        wasm_trap_t* trap = wasm_func_call(module.Func(function), &a, &r);
        Assert.IsTrue(trap == null, $"{function} trapped");
        return results[0];
    }

    private static wasm_val_t Copy(wasm_val_t value)
    {
        wasm_val_t copy;
        wasm_val_copy(&copy, &value);
        return copy;
    }

    [TestMethod]
    [Covers("WASM_I32_VAL", CoverageKind.Positive)]
    public void I32ValCrossesWasm()
    {
        wasm_val_t v = WASM_I32_VAL(1234);
        Assert.AreEqual(WASM_I32, v.kind);
        wasm_val_t echoed = Echo("echo_i32", v);
        Assert.AreEqual(WASM_I32, echoed.kind);
        Assert.AreEqual(1234, echoed.of.i32);
    }

    [TestMethod]
    [Covers("WASM_I32_VAL", CoverageKind.Negative)]
    public void I32ValKeepsTheExtremes()
    {
        Assert.AreEqual(int.MinValue, Echo("echo_i32", WASM_I32_VAL(int.MinValue)).of.i32);
        Assert.AreEqual(int.MaxValue, Echo("echo_i32", WASM_I32_VAL(int.MaxValue)).of.i32);
        Assert.AreEqual(-1, Copy(WASM_I32_VAL(-1)).of.i32);
    }

    [TestMethod]
    [Covers("WASM_I64_VAL", CoverageKind.Positive)]
    public void I64ValCrossesWasm()
    {
        wasm_val_t echoed = Echo("echo_i64", WASM_I64_VAL(1L << 40));
        Assert.AreEqual(WASM_I64, echoed.kind);
        Assert.AreEqual(1L << 40, echoed.of.i64);
    }

    [TestMethod]
    [Covers("WASM_I64_VAL", CoverageKind.Negative)]
    public void I64ValKeepsTheExtremes()
    {
        Assert.AreEqual(long.MinValue, Echo("echo_i64", WASM_I64_VAL(long.MinValue)).of.i64);
        Assert.AreEqual(long.MaxValue, Echo("echo_i64", WASM_I64_VAL(long.MaxValue)).of.i64);
    }

    [TestMethod]
    [Covers("WASM_F32_VAL", CoverageKind.Positive)]
    public void F32ValCrossesWasm()
    {
        wasm_val_t echoed = Echo("echo_f32", WASM_F32_VAL(3.25f));
        Assert.AreEqual(WASM_F32, echoed.kind);
        Assert.AreEqual(3.25f, echoed.of.f32);
    }

    [TestMethod]
    [Covers("WASM_F32_VAL", CoverageKind.Negative)]
    public void F32ValKeepsSpecialValuesBitForBit()
    {
        float nan = BitConverter.Int32BitsToSingle(0x7FC0_1234);
        Assert.AreEqual(0x7FC0_1234, BitConverter.SingleToInt32Bits(Echo("echo_f32", WASM_F32_VAL(nan)).of.f32));
        Assert.AreEqual(BitConverter.SingleToInt32Bits(-0.0f), BitConverter.SingleToInt32Bits(Echo("echo_f32", WASM_F32_VAL(-0.0f)).of.f32));
        Assert.AreEqual(float.NegativeInfinity, Echo("echo_f32", WASM_F32_VAL(float.NegativeInfinity)).of.f32);
    }

    [TestMethod]
    [Covers("WASM_F64_VAL", CoverageKind.Positive)]
    public void F64ValCrossesWasm()
    {
        wasm_val_t echoed = Echo("echo_f64", WASM_F64_VAL(-2.5e300));
        Assert.AreEqual(WASM_F64, echoed.kind);
        Assert.AreEqual(-2.5e300, echoed.of.f64);
    }

    [TestMethod]
    [Covers("WASM_F64_VAL", CoverageKind.Negative)]
    public void F64ValKeepsSpecialValuesBitForBit()
    {
        double nan = BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_ABCD);
        Assert.AreEqual(0x7FF8_0000_0000_ABCD, BitConverter.DoubleToInt64Bits(Echo("echo_f64", WASM_F64_VAL(nan)).of.f64));
        Assert.AreEqual(double.Epsilon, Echo("echo_f64", WASM_F64_VAL(double.Epsilon)).of.f64);
    }

    [TestMethod]
    [Covers("WASM_REF_VAL", CoverageKind.Positive)]
    public void RefValHoldsAReferenceWamrCopies()
    {
        wasm_foreign_t* foreign = wasm_foreign_new(Store);
        wasm_ref_t* reference = wasm_foreign_as_ref(foreign);
        Assert.IsTrue(reference != null);

        wasm_val_t v = WASM_REF_VAL(reference);
        Assert.AreEqual(WASM_ANYREF, v.kind);
        wasm_val_t copy = Copy(v);
        Assert.AreEqual(WASM_ANYREF, copy.kind);
        Assert.IsTrue(copy.of.@ref == reference);
        wasm_foreign_delete(foreign);
    }

    [TestMethod]
    [Covers("WASM_REF_VAL", CoverageKind.Negative)]
    public void RefValOfNullIsANullReference()
    {
        wasm_val_t copy = Copy(WASM_REF_VAL(null));
        Assert.AreEqual(WASM_ANYREF, copy.kind);
        Assert.IsTrue(copy.of.@ref == null);
    }

    [TestMethod]
    [Covers("WASM_INIT_VAL", CoverageKind.Positive)]
    public void InitValIsAResultSlotWasmFills()
    {
        wasm_val_t init = WASM_INIT_VAL;
        Assert.AreEqual(WASM_ANYREF, init.kind);
        Assert.IsTrue(init.of.@ref == null);

        using TestModule module = TestModule.Instantiate(Store, "helpers", WASM_EMPTY_VEC);
        Span<wasm_val_t> args = stackalloc wasm_val_t[] { WASM_I32_VAL(1), WASM_I64_VAL(2), WASM_F32_VAL(3.5f), WASM_F64_VAL(4.25) };
        Span<wasm_val_t> results = stackalloc wasm_val_t[] { WASM_INIT_VAL };
        wasm_val_vec_t a = WASM_ARRAY_VEC(args), r = WASM_ARRAY_VEC(results);
        Assert.IsTrue(wasm_func_call(module.Func("sum"), &a, &r) == null);
        Assert.AreEqual(WASM_F64, results[0].kind);
        Assert.AreEqual(10.75, results[0].of.f64);
    }

    [TestMethod]
    [Covers("WASM_INIT_VAL", CoverageKind.Negative)]
    public void InitValIsAFreshValueEachTime()
    {
        // A macro expands anew at each use: changing one value does not change the next.
        wasm_val_t first = WASM_INIT_VAL;
        first.kind = WASM_I32;
        first.of.i32 = 5;
        wasm_val_t second = WASM_INIT_VAL;
        Assert.AreEqual(WASM_ANYREF, second.kind);
        Assert.IsTrue(second.of.@ref == null);
        Assert.AreEqual(WASM_ANYREF, Copy(second).kind);
    }
}
