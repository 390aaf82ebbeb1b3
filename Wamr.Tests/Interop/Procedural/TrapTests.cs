using System;
using System.Text;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;
using Wamr.Tests.Coverage;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// <c>wasm_trap_t</c>: traps made by the host (<c>wasm_trap_new</c>) and by wasm (<c>trap.wasm</c>'s
/// <c>outer</c> traps three calls deep), and the WASM_DECLARE_REF(trap) functions libiwasm does not export.
/// </summary>
[TestClass]
public sealed unsafe class TrapTests : ProceduralTest
{
    private wasm_trap_t* WasmTrap(out wasm_instance_t* instance)
    {
        instance = Instantiate("trap");
        using wasm_extern_vec_t exports = Exports(instance);
        wasm_val_vec_t none = default;
        wasm_trap_t* trap = wasm_func_call(wasm_extern_as_func(exports[1]), &none, &none);
        Assert.IsTrue(trap != null);
        return trap;
    }

    private wasm_trap_t* HostTrap(string text)
    {
        using wasm_message_t message = wasm_byte_vec_t.Create(Encoding.UTF8.GetBytes(text + "\0"));
        return wasm_trap_new(Store, &message);
    }

    [TestMethod]
    [Covers("wasm_trap_new", CoverageKind.Positive)]
    public void NewCopiesTheMessage()
    {
        wasm_message_t message = wasm_byte_vec_t.Create("boom\0"u8);
        wasm_trap_t* trap = wasm_trap_new(Store, &message);
        message.Dispose();

        Assert.IsTrue(trap != null);
        wasm_message_t copy = default;
        wasm_trap_message(trap, &copy);
        CollectionAssert.AreEqual("boom\0"u8.ToArray(), copy.AsSpan().ToArray());
        wasm_byte_vec_delete(&copy);
        wasm_trap_delete(trap);
    }

    [TestMethod]
    [Covers("wasm_trap_new", CoverageKind.Negative)]
    public void NewWithoutAStoreIsNullAndWithoutAMessageHasAnEmptyOne()
    {
        using wasm_message_t message = wasm_byte_vec_t.Create("x\0"u8);
        Assert.IsTrue(wasm_trap_new(null, &message) == null);

        wasm_trap_t* trap = wasm_trap_new(Store, null);
        Assert.IsTrue(trap != null);
        wasm_message_t copy = default;
        wasm_trap_message(trap, &copy);
        Assert.AreEqual(0, copy.Length);
        Assert.IsTrue(copy.data == null);
        wasm_trap_delete(trap);
    }

    [TestMethod]
    [Covers("wasm_trap_message", CoverageKind.Positive)]
    public void MessageOfAWasmTrapIsNulTerminated()
    {
        wasm_trap_t* trap = WasmTrap(out _);
        wasm_message_t message = default;
        wasm_trap_message(trap, &message);
        // WAMR stores its trap messages with their terminating NUL, which the size counts.
        CollectionAssert.AreEqual("Exception: unreachable\0"u8.ToArray(), message.AsSpan().ToArray());
        wasm_byte_vec_delete(&message);
        wasm_trap_delete(trap);
    }

    [TestMethod]
    [Covers("wasm_trap_message", CoverageKind.Negative)]
    public void MessageOfNullLeavesTheOutputAloneAndANullOutputIsIgnored()
    {
        wasm_message_t untouched = default;
        untouched.size = 3;
        wasm_trap_message(null, &untouched);
        Assert.AreEqual(3UL, (ulong)untouched.size);
        Assert.IsTrue(untouched.data == null);

        wasm_trap_t* trap = HostTrap("x");
        long live = CountingAllocator.Live;
        wasm_trap_message(trap, null);
        Assert.AreEqual(live, CountingAllocator.Live);
        wasm_trap_delete(trap);
    }

    [TestMethod]
    [Covers("wasm_trap_origin", CoverageKind.Positive)]
    public void OriginIsACopyOfTheInnermostFrame()
    {
        wasm_trap_t* trap = WasmTrap(out wasm_instance_t* instance);
        wasm_frame_t* origin = wasm_trap_origin(trap);
        wasm_trap_delete(trap);

        // The origin is the caller's own frame: it outlives the trap.
        Assert.IsTrue(origin != null);
        Assert.AreEqual(0u, wasm_frame_func_index(origin));
        Assert.IsTrue(wasm_frame_instance(origin) == instance);
        wasm_frame_delete(origin);
    }

    [TestMethod]
    [Covers("wasm_trap_origin", CoverageKind.Negative)]
    public void OriginOfNullOrOfAHostTrapIsNull()
    {
        Assert.IsTrue(wasm_trap_origin(null) == null);
        wasm_trap_t* trap = HostTrap("no frames");
        Assert.IsTrue(wasm_trap_origin(trap) == null);
        wasm_trap_delete(trap);
    }

    [TestMethod]
    [Covers("wasm_trap_trace", CoverageKind.Positive)]
    public void TraceListsEveryFrameInnermostFirst()
    {
        wasm_trap_t* trap = WasmTrap(out wasm_instance_t* instance);
        wasm_frame_vec_t trace = default;
        wasm_trap_trace(trap, &trace);

        Assert.AreEqual(3, trace.Length);
        for (int i = 0; i < 3; i++)
        {
            Assert.AreEqual((uint)i, wasm_frame_func_index(trace[i]));
            Assert.IsTrue(wasm_frame_instance(trace[i]) == instance);
        }

        trace.Dispose();
        wasm_trap_delete(trap);
    }

    [TestMethod]
    [Covers("wasm_trap_trace", CoverageKind.Negative)]
    public void TraceOfNullLeavesTheOutputAloneAndAHostTrapHasNoFrames()
    {
        wasm_frame_vec_t untouched = default;
        untouched.size = 2;
        wasm_trap_trace(null, &untouched);
        Assert.AreEqual(2UL, (ulong)untouched.size);

        wasm_trap_t* trap = HostTrap("no frames");
        wasm_frame_vec_t trace = default;
        trace.size = 9;
        wasm_trap_trace(trap, &trace);
        Assert.AreEqual(0, trace.Length);
        Assert.IsTrue(trace.data == null);
        wasm_trap_trace(trap, null);
        wasm_trap_delete(trap);
    }

    [TestMethod]
    [Covers("wasm_trap_delete", CoverageKind.Positive)]
    public void DeleteFreesTheTrapAndItsMessage()
    {
        using wasm_message_t message = wasm_byte_vec_t.Create("gone\0"u8);
        long before = CountingAllocator.Live;
        wasm_trap_t* trap = wasm_trap_new(Store, &message);
        Assert.IsGreaterThan(before, CountingAllocator.Live);

        wasm_trap_delete(trap);

        Assert.AreEqual(before, CountingAllocator.Live);
    }

    [TestMethod]
    [Covers("wasm_trap_delete", CoverageKind.Negative)]
    public void DeleteOfNullIsIgnored()
    {
        long live = CountingAllocator.Live;
        wasm_trap_delete(null);
        Assert.AreEqual(live, CountingAllocator.Live);
    }

    // WASM_DECLARE_REF(trap): declared by wasm_c_api.h, not implemented by WAMR 1.1.2. Calling one throws a
    // clear EntryPointNotFoundException before anything reaches native code, whatever the arguments.
#pragma warning disable WAMR001 // the bindings of functions libiwasm lacks: calling them is what these tests check

    [TestMethod]
    [Covers("wasm_trap_copy", CoverageKind.Positive)]
    [Covers("wasm_trap_copy", CoverageKind.Negative)]
    public void CopyIsNotExported() => WithHostTrap(t => NotExported.AssertClearError("wasm_trap_copy", () => wasm_trap_copy((wasm_trap_t*)t)));

    [TestMethod]
    [Covers("wasm_trap_same", CoverageKind.Positive)]
    [Covers("wasm_trap_same", CoverageKind.Negative)]
    public void SameIsNotExported() => WithHostTrap(t => NotExported.AssertClearError("wasm_trap_same", () => wasm_trap_same((wasm_trap_t*)t, (wasm_trap_t*)t)));

    [TestMethod]
    [Covers("wasm_trap_get_host_info", CoverageKind.Positive)]
    [Covers("wasm_trap_get_host_info", CoverageKind.Negative)]
    public void GetHostInfoIsNotExported() =>
        WithHostTrap(t => NotExported.AssertClearError("wasm_trap_get_host_info", () => wasm_trap_get_host_info((wasm_trap_t*)t)));

    [TestMethod]
    [Covers("wasm_trap_set_host_info", CoverageKind.Positive)]
    [Covers("wasm_trap_set_host_info", CoverageKind.Negative)]
    public void SetHostInfoIsNotExported() =>
        WithHostTrap(t => NotExported.AssertClearError("wasm_trap_set_host_info", () => wasm_trap_set_host_info((wasm_trap_t*)t, (void*)t)));

    [TestMethod]
    [Covers("wasm_trap_set_host_info_with_finalizer", CoverageKind.Positive)]
    [Covers("wasm_trap_set_host_info_with_finalizer", CoverageKind.Negative)]
    public void SetHostInfoWithFinalizerIsNotExported() =>
        WithHostTrap(t => NotExported.AssertClearError("wasm_trap_set_host_info_with_finalizer",
            () => wasm_trap_set_host_info_with_finalizer((wasm_trap_t*)t, (void*)t, CountingFinalizer)));

    [TestMethod]
    [Covers("wasm_trap_as_ref", CoverageKind.Positive)]
    [Covers("wasm_trap_as_ref", CoverageKind.Negative)]
    public void AsRefIsNotExported() => WithHostTrap(t => NotExported.AssertClearError("wasm_trap_as_ref", () => wasm_trap_as_ref((wasm_trap_t*)t)));

    [TestMethod]
    [Covers("wasm_trap_as_ref_const", CoverageKind.Positive)]
    [Covers("wasm_trap_as_ref_const", CoverageKind.Negative)]
    public void AsRefConstIsNotExported() =>
        WithHostTrap(t => NotExported.AssertClearError("wasm_trap_as_ref_const", () => wasm_trap_as_ref_const((wasm_trap_t*)t)));

    [TestMethod]
    [Covers("wasm_ref_as_trap", CoverageKind.Positive)]
    [Covers("wasm_ref_as_trap", CoverageKind.Negative)]
    public void RefAsTrapIsNotExported() => WithForeignRef(r => NotExported.AssertClearError("wasm_ref_as_trap", () => wasm_ref_as_trap((wasm_ref_t*)r)));

    [TestMethod]
    [Covers("wasm_ref_as_trap_const", CoverageKind.Positive)]
    [Covers("wasm_ref_as_trap_const", CoverageKind.Negative)]
    public void RefAsTrapConstIsNotExported() =>
        WithForeignRef(r => NotExported.AssertClearError("wasm_ref_as_trap_const", () => wasm_ref_as_trap_const((wasm_ref_t*)r)));

#pragma warning restore WAMR001

    private void WithHostTrap(Action<nint> test)
    {
        wasm_trap_t* trap = HostTrap("unused");
        test((nint)trap);
        wasm_trap_delete(trap);
    }

    private void WithForeignRef(Action<nint> test)
    {
        wasm_ref_t* reference = wasm_foreign_as_ref(wasm_foreign_new(Store));
        test((nint)reference);
        wasm_ref_delete(reference);
    }
}
