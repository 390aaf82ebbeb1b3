using System;
using System.Collections.Generic;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>Host functions from C# delegates: typed and untyped, exceptions as traps, re-entry, refusals.</summary>
[TestClass]
public sealed class HostFunctionTests : FacadeTest
{
    private readonly List<long> _recorded = new();

    private Instance InstantiateHost(Action? fail = null, Func<int, int>? reenter = null)
    {
        var linker = new Linker()
            .Define("env", "add", Func.FromCallback(Store, (int a, int b) => a + b))
            .Define("env", "scale", Func.FromCallback(Store, (double x) => x * 2.5))
            .Define("env", "record", Func.FromCallback(Store, (long x) => _recorded.Add(x)))
            .Define("env", "fail", Func.FromCallback(Store, fail ?? (() => { })))
            .Define("env", "reenter", Func.FromCallback(Store, reenter ?? (x => x)));
        return linker.Instantiate(Store, Load("host"));
    }

    [TestMethod]
    public void TypedHostFunctionsAreCalledFromWasm()
    {
        Instance instance = InstantiateHost();
        Assert.AreEqual(7, instance.GetFunction<int, int, int>("call_add")!(3, 4));
        Assert.AreEqual(5.0, instance.GetFunction<double, double>("call_scale")!(2.0));
        instance.GetAction<long>("call_record")!(long.MaxValue);
        CollectionAssert.AreEqual(new[] { long.MaxValue }, _recorded);
        Assert.AreEqual(4950, instance.GetFunction<int, int>("add_many")!(100));
    }

    [TestMethod]
    public void UntypedHostFunctionsReadAndWriteVals()
    {
        var seen = new List<Val>();
        Func add = Func.FromCallback(Store, FuncType.Of([ValKind.I32, ValKind.I32], [ValKind.I32]), (args, results) =>
        {
            seen.AddRange(args.ToArray());
            results[0] = args[0].AsI32() * args[1].AsI32();
        });
        var linker = new Linker()
            .Define("env", "add", add)
            .Define("env", "scale", Func.FromCallback(Store, FuncType.Of([ValKind.F64], [ValKind.F64]), (a, r) => r[0] = a[0].AsF64() + 1))
            .Define("env", "record", Func.FromCallback(Store, FuncType.Of([ValKind.I64], []), (a, r) => _recorded.Add(a[0].AsI64())))
            .Define("env", "fail", Func.FromCallback(Store, FuncType.Of([], []), (a, r) => { }))
            .Define("env", "reenter", Func.FromCallback(Store, FuncType.Of([ValKind.I32], [ValKind.I32]), (a, r) => r[0] = a[0]));
        Instance instance = linker.Instantiate(Store, Load("host"));
        Assert.AreEqual(12, instance.GetFunction<int, int, int>("call_add")!(3, 4));
        Assert.AreEqual(3.5, instance.GetFunction<double, double>("call_scale")!(2.5));
        CollectionAssert.AreEqual(new[] { Val.I32(3), Val.I32(4) }, seen);
        Assert.IsTrue(add.IsHostFunction);
        Assert.IsNull(add.Instance);
        StringAssert.StartsWith(add.ToString(), "host (func");
    }

    [TestMethod]
    public void AnExceptionInACallbackBecomesATrapCarryingIt()
    {
        var thrown = new InvalidOperationException("no such record");
        Instance instance = InstantiateHost(fail: () => throw thrown);
        TrapException trap = Assert.ThrowsExactly<TrapException>(() => instance.GetAction("call_fail")!());
        Assert.AreSame(thrown, trap.InnerException);
        StringAssert.Contains(trap.TrapMessage, "InvalidOperationException: no such record");
        Assert.AreEqual("call_fail", trap.Frames[^1].ExportName);
        // The untyped path attaches it the same way, and the instance remains usable.
        TrapException again = Assert.ThrowsExactly<TrapException>(() => instance.GetFunction("call_fail")!.Call());
        Assert.AreSame(thrown, again.InnerException);
        Assert.AreEqual(7, instance.GetFunction<int, int, int>("call_add")!(3, 4));
    }

    [TestMethod]
    public void ACallbackWritingAResultOfTheWrongKindTraps()
    {
        Func bad = Func.FromCallback(Store, FuncType.Of([], [ValKind.I32]), (a, r) => r[0] = 1.5);
        TrapException trap = Assert.ThrowsExactly<TrapException>(() => bad.Call());
        Assert.IsInstanceOfType<InvalidOperationException>(trap.InnerException);
        StringAssert.Contains(trap.InnerException!.Message, "needs i32");
    }

    [TestMethod]
    public void CallbacksMayCallBackIntoWasm()
    {
        Instance instance = null!;
        instance = InstantiateHost(reenter: x => x > 0 ? instance.GetFunction<int, int>("call_reenter")!(x - 1) + 1 : instance.GetFunction<int, int>("double")!(100));
        Assert.AreEqual(210, instance.GetFunction<int, int>("call_reenter")!(10));
    }

    [TestMethod]
    public void AnExceptionDeepInReentryReachesTheOutermostCaller()
    {
        var thrown = new ArgumentException("deep");
        Instance instance = null!;
        instance = InstantiateHost(
            fail: () => throw thrown,
            reenter: x =>
            {
                instance.GetAction("call_fail")!();
                return x;
            });
        TrapException outer = Assert.ThrowsExactly<TrapException>(() => instance.GetFunction<int, int>("call_reenter")!(1));
        TrapException inner = (TrapException)outer.InnerException!;
        Assert.AreSame(thrown, inner.InnerException);
    }

    [TestMethod]
    public void HostFunctionsCanBeCalledDirectlyFromDotNet()
    {
        Func add = Func.FromCallback(Store, (int a, int b) => a - b);
        Assert.AreEqual(Val.I32(-1), add.Call(1, 2)[0]);
        Assert.AreEqual(-1, add.AsFunc<int, int, int>()(1, 2));
        var boom = new FormatException("x");
        Func failing = Func.FromCallback(Store, () => throw boom);
        Assert.AreSame(boom, Assert.ThrowsExactly<TrapException>(() => failing.Call()).InnerException);
        Assert.AreSame(boom, Assert.ThrowsExactly<TrapException>(() => failing.AsAction()()).InnerException);
        Assert.ThrowsExactly<ArgumentException>(() => add.Call(1));
    }

    [TestMethod]
    public void TypedHostCallbacksAllocateNothing()
    {
        Instance instance = InstantiateHost();
        Func<int, int> addMany = instance.GetFunction<int, int>("add_many")!;
        Assert.AreEqual(4950, addMany(100));
        long before = GC.GetAllocatedBytesForCurrentThread();
        int total = addMany(10_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.AreEqual(49_995_000, total);
        Assert.AreEqual(0L, allocated, "10,000 wasm → host calls through the trampoline must not allocate");
    }

    [TestMethod]
    public void SignaturesWamrCannotCarryAreRefused()
    {
        NotSupportedException refs = Assert.ThrowsExactly<NotSupportedException>(
            () => Func.FromCallback(Store, FuncType.Of([ValKind.ExternRef], []), (a, r) => { }));
        StringAssert.Contains(refs.Message, "funcref or externref");
        NotSupportedException multi = Assert.ThrowsExactly<NotSupportedException>(
            () => Func.FromCallback(Store, FuncType.Of([], [ValKind.I32, ValKind.I32]), (a, r) => { }));
        StringAssert.Contains(multi.Message, "more than one result");
        Assert.ThrowsExactly<NotSupportedException>(() => Func.FromCallback(Store, (string s) => 1));
        Assert.ThrowsExactly<ArgumentNullException>(() => Func.FromCallback(Store, (Func<int>)null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => Func.FromCallback(null!, () => 1));
        Assert.ThrowsExactly<ArgumentNullException>(() => Func.FromCallback(Store, null!, (a, r) => { }));
    }

    [TestMethod]
    public void EveryArityOfTypedCallbacksWorks()
    {
        int sum = 0;
        Func[] functions =
        [
            Func.FromCallback(Store, () => 1),
            Func.FromCallback(Store, (int a) => a),
            Func.FromCallback(Store, (int a, int b) => a + b),
            Func.FromCallback(Store, (int a, int b, int c) => a + b + c),
            Func.FromCallback(Store, (int a, int b, int c, int d) => a + b + c + d),
            Func.FromCallback(Store, (int a, int b, int c, int d, int e) => a + b + c + d + e),
            Func.FromCallback(Store, (int a, int b, int c, int d, int e, int f) => a + b + c + d + e + f),
            Func.FromCallback(Store, () => { sum += 1; }),
            Func.FromCallback(Store, (int a) => { sum += a; }),
            Func.FromCallback(Store, (int a, int b) => { sum += a + b; }),
            Func.FromCallback(Store, (int a, int b, int c) => { sum += a + b + c; }),
            Func.FromCallback(Store, (int a, int b, int c, int d) => { sum += a + b + c + d; }),
            Func.FromCallback(Store, (int a, int b, int c, int d, int e) => { sum += a + b + c + d + e; }),
            Func.FromCallback(Store, (int a, int b, int c, int d, int e, int f) => { sum += a + b + c + d + e + f; }),
        ];
        for (int arity = 0; arity <= 6; arity++)
        {
            Val[] args = new Val[arity];
            Array.Fill(args, Val.I32(1));
            Assert.AreEqual(arity == 0 ? 1 : arity, functions[arity].Call(args)[0].AsI32());
            Assert.AreEqual(0, functions[7 + arity].Call(args).Length);
        }

        Assert.AreEqual(1 + 21, sum);
    }
}
