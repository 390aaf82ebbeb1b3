using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary><c>wasm_val_t</c>: <c>wasm_val_copy</c> and <c>wasm_val_delete</c>.</summary>
[TestClass]
public sealed unsafe class ValTests : ProceduralTest
{
    [TestMethod]
    [Covers("wasm_val_copy", CoverageKind.Positive)]
    public void CopyCopiesTheKindAndTheWholePayload()
    {
        foreach (wasm_val_t value in new[] { I32(-7), I64(long.MinValue), F32(1.5f), F64(-0.25) })
        {
            wasm_val_t source = value;
            wasm_val_t copy = I64(0x0123456789ABCDEF);
            wasm_val_copy(&copy, &source);
            Assert.AreEqual(source.kind, copy.kind);
            Assert.AreEqual(source.of.i64, copy.of.i64);
        }

        // A reference value: WAMR copies the struct, so the copy holds the same wasm_ref_t pointer
        // (it does not copy the reference as wasm.h intends).
        wasm_foreign_t* foreign = wasm_foreign_new(Store);
        wasm_ref_t* reference = wasm_foreign_as_ref(foreign);
        wasm_val_t refValue = default;
        refValue.kind = WASM_ANYREF;
        refValue.of.@ref = reference;
        wasm_val_t refCopy = default;
        wasm_val_copy(&refCopy, &refValue);
        Assert.AreEqual(WASM_ANYREF, refCopy.kind);
        Assert.IsTrue(refCopy.of.@ref == reference);
        wasm_ref_delete(reference);
    }

    [TestMethod]
    [Covers("wasm_val_copy", CoverageKind.Negative)]
    public void CopyWithNullIsIgnored()
    {
        wasm_val_t value = I32(42);
        wasm_val_copy(null, &value);
        Assert.AreEqual(42, value.of.i32);

        wasm_val_t untouched = F64(2.5);
        wasm_val_copy(&untouched, null);
        Assert.AreEqual(WASM_F64, untouched.kind);
        Assert.AreEqual(2.5, untouched.of.f64);
    }

    [TestMethod]
    [Covers("wasm_val_delete", CoverageKind.Positive)]
    public void DeleteFreesTheValueWithTheRuntimeAllocator()
    {
        // WAMR 1.1.2's wasm_val_delete frees the wasm_val_t itself with the runtime allocator (wasm.h has it
        // release the reference the value holds). So it may only be given a value that allocator made:
        // a wasm_val_t on the stack or in managed memory must never be passed to it.
        var value = (wasm_val_t*)WamrApi.wasm_runtime_malloc((uint)sizeof(wasm_val_t));
        Assert.IsTrue(value != null);
        *value = I32(1);
        long live = CountingAllocator.Live;

        wasm_val_delete(value);

        Assert.AreEqual(live - 1, CountingAllocator.Live);
        Assert.IsTrue(CountingAllocator.LastFreed == value);
    }

    [TestMethod]
    [Covers("wasm_val_delete", CoverageKind.Negative)]
    public void DeleteOfNullIsIgnored()
    {
        long live = CountingAllocator.Live;
        wasm_val_delete(null);
        Assert.AreEqual(live, CountingAllocator.Live);
    }
}
