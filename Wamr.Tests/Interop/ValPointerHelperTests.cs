using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop;

/// <summary>
/// <c>wasm_val_init_ptr</c> and <c>wasm_val_ptr</c>, translated from wasm_c_api.h after its pointer-size <c>#if</c>
/// (this build: 64-bit, so an <c>i64</c> value). In C both crash on a null <c>wasm_val_t*</c> (checked in a forked C
/// process); the helpers throw <see cref="ArgumentNullException"/>. The round trip goes through WAMR's own
/// <c>wasm_val_copy</c>.
/// </summary>
[TestClass]
public sealed unsafe class ValPointerHelperTests : EngineTestBase
{
    [TestMethod]
    [Covers("wasm_val_init_ptr", CoverageKind.Positive)]
    public void ValInitPtrStoresThePointerAsAPointerSizedInteger()
    {
        int target = 42;
        wasm_val_t value;
        wasm_val_init_ptr(&value, &target);
        Assert.AreEqual(sizeof(nint) == 8 ? WASM_I64 : WASM_I32, value.kind);
        Assert.AreEqual((long)(nint)(&target), sizeof(nint) == 8 ? value.of.i64 : value.of.i32);

        wasm_val_t copy;
        wasm_val_copy(&copy, &value);
        Assert.AreEqual(value.kind, copy.kind);
        Assert.AreEqual(value.of.i64, copy.of.i64);
    }

    [TestMethod]
    [Covers("wasm_val_init_ptr", CoverageKind.Negative)]
    public void ValInitPtrRejectsANullValAndStoresANullPointerAsZero()
    {
        ArgumentNullException e = Assert.ThrowsExactly<ArgumentNullException>(() => wasm_val_init_ptr(null, (void*)1));
        Assert.AreEqual("out", e.ParamName);

        wasm_val_t value = WASM_I32_VAL(7);
        wasm_val_init_ptr(&value, null);
        Assert.AreEqual(WASM_I64, value.kind);
        Assert.AreEqual(0L, value.of.i64);
    }

    [TestMethod]
    [Covers("wasm_val_ptr", CoverageKind.Positive)]
    public void ValPtrReadsBackThePointer()
    {
        byte[] buffer = new byte[4];
        fixed (byte* p = buffer)
        {
            wasm_val_t value;
            wasm_val_init_ptr(&value, p);
            wasm_val_t copy;
            wasm_val_copy(&copy, &value);
            Assert.IsTrue(wasm_val_ptr(&copy) == p);
            *(byte*)wasm_val_ptr(&copy) = 9;
        }

        Assert.AreEqual(9, buffer[0]);
    }

    [TestMethod]
    [Covers("wasm_val_ptr", CoverageKind.Negative)]
    public void ValPtrRejectsANullValAndReadsOtherKindsAsC()
    {
        ArgumentNullException e = Assert.ThrowsExactly<ArgumentNullException>(() => wasm_val_ptr(null));
        Assert.AreEqual("val", e.ParamName);

        // C reads the i64 member whatever the kind says: an f64's bits come back as the address.
        wasm_val_t f = WASM_F64_VAL(1.0);
        Assert.AreEqual(BitConverter.DoubleToInt64Bits(1.0), (long)(nint)wasm_val_ptr(&f));
    }
}
