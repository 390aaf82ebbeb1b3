using System;
using System.Buffers;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>
/// Untyped host functions called from wasm across every buffer the façade keeps their values in (none, the small and
/// the larger stack buffer, a rented array), results a callback leaves unwritten, and the allocation-free hot path.
/// </summary>
[TestClass]
public sealed class UntypedHostCallTests : FacadeTest
{
    private static readonly ValKind[] WideParameters =
        [ValKind.I32, ValKind.I64, ValKind.F32, ValKind.F64, ValKind.I32, ValKind.I64, ValKind.F32, ValKind.F64, ValKind.I32];

    private static readonly ValKind[] MidParameters = [ValKind.I32, ValKind.I64, ValKind.F32, ValKind.F64, ValKind.I32];

    private int _ticks;
    private int _unsetCalls;
    private bool _wideWritesWrongKind;

    private Instance Instantiate(HostCallback? pair = null)
    {
        // Each wide/mid result weights the arguments by position (a1 + 10*a2 + 100*a3 ...), so order mistakes show.
        static double Weighted(ReadOnlySpan<Val> a)
        {
            double total = 0;
            double weight = 1;
            foreach (Val v in a)
            {
                total += weight * v.Kind switch
                {
                    ValKind.I32 => v.AsI32(),
                    ValKind.I64 => v.AsI64(),
                    ValKind.F32 => v.AsF32(),
                    _ => v.AsF64(),
                };
                weight *= 10;
            }

            return total;
        }

        // The unset_* callbacks write their result on the first call only: the second must see the kind's zero.
        HostCallback writeOnce(Val value) => (_, r) =>
        {
            if (_unsetCalls++ % 2 == 0)
            {
                r[0] = value;
            }
        };

        var linker = new Linker()
            .Define("env", "wide", Func.FromCallback(Store, FuncType.Of(WideParameters, [ValKind.F64]), (a, r) => r[0] = _wideWritesWrongKind ? Val.I32(1) : Val.F64(Weighted(a))))
            .Define("env", "wide_i32", Func.FromCallback(Store, FuncType.Of(Enumerable.Repeat(ValKind.I32, 9).ToArray(), [ValKind.I32]), (_, _) => { }))
            .Define("env", "mid", Func.FromCallback(Store, FuncType.Of(MidParameters, [ValKind.F64]), (a, r) => r[0] = Weighted(a)))
            .Define("env", "unset_i32", Func.FromCallback(Store, FuncType.Of([], [ValKind.I32]), writeOnce(7)))
            .Define("env", "unset_i64", Func.FromCallback(Store, FuncType.Of([], [ValKind.I64]), writeOnce(7L)))
            .Define("env", "unset_f32", Func.FromCallback(Store, FuncType.Of([], [ValKind.F32]), writeOnce(7f)))
            .Define("env", "unset_f64", Func.FromCallback(Store, FuncType.Of([], [ValKind.F64]), writeOnce(7.0)))
            .Define("env", "pair", Func.FromCallback(Store, FuncType.Of([ValKind.I32, ValKind.I32], [ValKind.I32]), pair ?? ((a, r) => r[0] = a[0].AsI32() + a[1].AsI32())))
            .Define("env", "tick", Func.FromCallback(Store, FuncType.Of([], []), (a, r) =>
            {
                Assert.AreEqual(0, a.Length);
                Assert.AreEqual(0, r.Length);
                _ticks++;
            }));
        return linker.Instantiate(Store, Load("untyped_host"));
    }

    [TestMethod]
    public void ValuesCrossEveryBufferSize()
    {
        Instance instance = Instantiate();
        Func wide = instance.GetFunction("call_wide")!;
        Val[] wideResult = wide.Call(1, 2L, 3f, 4.0, 5, 6L, 7f, 8.0, 9);
        Assert.AreEqual(987_654_321.0, wideResult[0].AsF64());
        Assert.AreEqual(54_321.0, instance.GetFunction<int, long, float, double, int, double>("call_mid")!(1, 2, 3f, 4.0, 5));
        Assert.AreEqual(2 * (0 + 1 + 2 + 3), instance.GetFunction<int, int>("loop")!(4));
        Assert.AreEqual(4, _ticks);

        // The rented array of a 10-value call is cleared between calls: a second call sees its own arguments only.
        Assert.AreEqual(111_111_111.0, wide.Call(1, 1L, 1f, 1.0, 1, 1L, 1f, 1.0, 1)[0].AsF64());
    }

    [TestMethod]
    public void AResultTheCallbackDoesNotWriteIsTheZeroOfItsKind()
    {
        Instance instance = Instantiate();
        foreach ((string name, Val written, Val zero) in new[]
        {
            ("call_unset_i32", Val.I32(7), Val.I32(0)),
            ("call_unset_i64", Val.I64(7), Val.I64(0)),
            ("call_unset_f32", Val.F32(7), Val.F32(0)),
            ("call_unset_f64", Val.F64(7), Val.F64(0)),
        })
        {
            Func call = instance.GetFunction(name)!;
            Assert.AreEqual(written, call.Call()[0], name + ", first call");
            Assert.AreEqual(zero, call.Call()[0], name + ", second call (nothing written)");
        }

        // Called directly from .NET, a results span holding a stale value is reset to the kind's zero first.
        Func single = Func.FromCallback(Store, FuncType.Of([], [ValKind.F64]), (_, _) => { });
        Val[] results = [Val.I32(99)];
        single.Call(ReadOnlySpan<Val>.Empty, results);
        Assert.AreEqual(Val.F64(0), results[0]);
    }

    [TestMethod]
    public void ALargeCallDoesNotTrustThePoolToHandOutClearedArrays()
    {
        Instance instance = Instantiate();
        Func wide = instance.GetFunction("call_wide_i32")!;

        // Someone else returns a dirty array of the size a 10-value call rents; the unwritten i32 result must still be
        // (i32.const 0), not the stale value.
        Val[] dirty = ArrayPool<Val>.Shared.Rent(10);
        dirty.AsSpan().Fill(Val.I32(123));
        ArrayPool<Val>.Shared.Return(dirty, clearArray: false);
        Assert.AreEqual(Val.I32(0), wide.Call(1, 2, 3, 4, 5, 6, 7, 8, 9)[0]);
    }

    [TestMethod]
    public void AWrongResultKindInALargeCallTrapsAndReleasesTheBuffer()
    {
        Instance instance = Instantiate();
        _wideWritesWrongKind = true;
        TrapException trap = Assert.ThrowsExactly<TrapException>(() => instance.GetFunction("call_wide")!.Call(1, 2L, 3f, 4.0, 5, 6L, 7f, 8.0, 9));
        Assert.IsInstanceOfType<InvalidOperationException>(trap.InnerException);
        StringAssert.Contains(trap.InnerException!.Message, "needs f64");
        _wideWritesWrongKind = false;
        Assert.AreEqual(987_654_321.0, instance.GetFunction("call_wide")!.Call(1, 2L, 3f, 4.0, 5, 6L, 7f, 8.0, 9)[0].AsF64());
    }

    [TestMethod]
    public void UntypedHostCallsFromWasmAllocateNothing()
    {
        Instance instance = Instantiate(pair: (a, r) => r[0] = a[0].AsI32() ^ a[1].AsI32());
        Func<int, int> loop = instance.GetFunction<int, int>("loop")!;
        Assert.AreEqual(0, loop(10));
        long before = GC.GetAllocatedBytesForCurrentThread();
        int result = loop(10_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.AreEqual(0, result);
        Assert.AreEqual(10_010, _ticks);
        Assert.AreEqual(0L, allocated, "20,000 untyped wasm → host calls must not allocate");
    }
}
