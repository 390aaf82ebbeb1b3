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
    public void TypedHostFunctionsOfEveryArityAndKindAreCalledFromWasm()
    {
        // Each host function weights its arguments by position (p1 + 10*p2 + 100*p3 + ...), as arity.wat does.
        double stored = 0;
        var linker = new Linker()
            .Define("env", "h0", Func.FromCallback(Store, () => 7.0))
            .Define("env", "g0", Func.FromCallback(Store, () => { stored = 7; }))
            .Define("env", "h1", Func.FromCallback(Store, (int a) => (double)a))
            .Define("env", "g1", Func.FromCallback(Store, (int a) => { stored = a; }))
            .Define("env", "h2", Func.FromCallback(Store, (int a, long b) => a + (10.0 * b)))
            .Define("env", "g2", Func.FromCallback(Store, (int a, long b) => { stored = a + (10.0 * b); }))
            .Define("env", "h3", Func.FromCallback(Store, (int a, long b, float c) => a + (10.0 * b) + (100.0 * c)))
            .Define("env", "g3", Func.FromCallback(Store, (int a, long b, float c) => { stored = a + (10.0 * b) + (100.0 * c); }))
            .Define("env", "h4", Func.FromCallback(Store, (int a, long b, float c, double d) => a + (10.0 * b) + (100.0 * c) + (1000 * d)))
            .Define("env", "g4", Func.FromCallback(Store, (int a, long b, float c, double d) => { stored = a + (10.0 * b) + (100.0 * c) + (1000 * d); }))
            .Define("env", "h5", Func.FromCallback(Store, (int a, long b, float c, double d, int e) => a + (10.0 * b) + (100.0 * c) + (1000 * d) + (10_000.0 * e)))
            .Define("env", "g5", Func.FromCallback(Store, (int a, long b, float c, double d, int e) => { stored = a + (10.0 * b) + (100.0 * c) + (1000 * d) + (10_000.0 * e); }))
            .Define("env", "h6", Func.FromCallback(Store, (int a, long b, float c, double d, int e, long f) => a + (10.0 * b) + (100.0 * c) + (1000 * d) + (10_000.0 * e) + (100_000.0 * f)))
            .Define("env", "g6", Func.FromCallback(Store, (int a, long b, float c, double d, int e, long f) => { stored = a + (10.0 * b) + (100.0 * c) + (1000 * d) + (10_000.0 * e) + (100_000.0 * f); }));
        Instance instance = linker.Instantiate(Store, Load("arity_host"));

        Assert.AreEqual(7.0, instance.GetFunction<double>("call_h0")!());
        Assert.AreEqual(1.0, instance.GetFunction<int, double>("call_h1")!(1));
        Assert.AreEqual(21.0, instance.GetFunction<int, long, double>("call_h2")!(1, 2));
        Assert.AreEqual(321.0, instance.GetFunction<int, long, float, double>("call_h3")!(1, 2, 3f));
        Assert.AreEqual(4321.0, instance.GetFunction<int, long, float, double, double>("call_h4")!(1, 2, 3f, 4.0));
        Assert.AreEqual(54321.0, instance.GetFunction<int, long, float, double, int, double>("call_h5")!(1, 2, 3f, 4.0, 5));
        Assert.AreEqual(654321.0, instance.GetFunction<int, long, float, double, int, long, double>("call_h6")!(1, 2, 3f, 4.0, 5, 6));

        instance.GetAction("call_g0")!();
        Assert.AreEqual(7.0, stored);
        instance.GetAction<int>("call_g1")!(1);
        Assert.AreEqual(1.0, stored);
        instance.GetAction<int, long>("call_g2")!(1, 2);
        Assert.AreEqual(21.0, stored);
        instance.GetAction<int, long, float>("call_g3")!(1, 2, 3f);
        Assert.AreEqual(321.0, stored);
        instance.GetAction<int, long, float, double>("call_g4")!(1, 2, 3f, 4.0);
        Assert.AreEqual(4321.0, stored);
        instance.GetAction<int, long, float, double, int>("call_g5")!(1, 2, 3f, 4.0, 5);
        Assert.AreEqual(54321.0, stored);
        instance.GetAction<int, long, float, double, int, long>("call_g6")!(1, 2, 3f, 4.0, 5, 6);
        Assert.AreEqual(654321.0, stored);

        // The same host functions as typed delegates from .NET (the host path of AsFunc/AsAction).
        Func h(string name) => (Func)linker.Get("env", name)!;
        Assert.AreEqual(321.0, h("h3").AsFunc<int, long, float, double>()(1, 2, 3f));
        Assert.AreEqual(4321.0, h("h4").AsFunc<int, long, float, double, double>()(1, 2, 3f, 4.0));
        Assert.AreEqual(54321.0, h("h5").AsFunc<int, long, float, double, int, double>()(1, 2, 3f, 4.0, 5));
        Assert.AreEqual(654321.0, h("h6").AsFunc<int, long, float, double, int, long, double>()(1, 2, 3f, 4.0, 5, 6));
        h("g3").AsAction<int, long, float>()(3, 0, 0);
        Assert.AreEqual(3.0, stored);
        h("g4").AsAction<int, long, float, double>()(4, 0, 0, 0);
        Assert.AreEqual(4.0, stored);
        h("g5").AsAction<int, long, float, double, int>()(5, 0, 0, 0, 0);
        Assert.AreEqual(5.0, stored);
        h("g6").AsAction<int, long, float, double, int, long>()(6, 0, 0, 0, 0, 0);
        Assert.AreEqual(6.0, stored);
        Assert.ThrowsExactly<InvalidOperationException>(() => h("g6").AsAction<int, long, float, double, int, int>());
        Assert.ThrowsExactly<InvalidOperationException>(() => h("h5").AsFunc<int, long, float, double, int, float>());
    }

    [TestMethod]
    public void EveryFromCallbackOverloadRefusesNullsAndADisposedStore()
    {
        var disposed = new Store(Engine);
        disposed.Dispose();
        foreach (Store? store in new[] { null, disposed })
        {
            Type expected = store is null ? typeof(ArgumentNullException) : typeof(ObjectDisposedException);
            Action[] calls =
            [
                () => Func.FromCallback(store!, () => 1),
                () => Func.FromCallback(store!, () => { }),
                () => Func.FromCallback(store!, (int a) => a),
                () => Func.FromCallback(store!, (int a) => { }),
                () => Func.FromCallback(store!, (int a, int b) => a),
                () => Func.FromCallback(store!, (int a, int b) => { }),
                () => Func.FromCallback(store!, (int a, int b, int c) => a),
                () => Func.FromCallback(store!, (int a, int b, int c) => { }),
                () => Func.FromCallback(store!, (int a, int b, int c, int d) => a),
                () => Func.FromCallback(store!, (int a, int b, int c, int d) => { }),
                () => Func.FromCallback(store!, (int a, int b, int c, int d, int e) => a),
                () => Func.FromCallback(store!, (int a, int b, int c, int d, int e) => { }),
                () => Func.FromCallback(store!, (int a, int b, int c, int d, int e, int f) => a),
                () => Func.FromCallback(store!, (int a, int b, int c, int d, int e, int f) => { }),
                () => Func.FromCallback(store!, FuncType.Of([], []), (a, r) => { }),
            ];
            foreach (Action call in calls)
            {
                Exception e = Assert.Throws<Exception>(call);
                Assert.AreEqual(expected, e.GetType(), e.ToString());
                if (e is ArgumentNullException nullArgument)
                {
                    Assert.AreEqual("store", nullArgument.ParamName);
                }
            }
        }

        Action[] nullCallbacks =
        [
            () => Func.FromCallback(Store, (Action)null!),
            () => Func.FromCallback(Store, (Func<int, int>)null!),
            () => Func.FromCallback(Store, (Action<int>)null!),
            () => Func.FromCallback(Store, (Func<int, int, int>)null!),
            () => Func.FromCallback(Store, (Action<int, int>)null!),
            () => Func.FromCallback(Store, (Func<int, int, int, int>)null!),
            () => Func.FromCallback(Store, (Action<int, int, int>)null!),
            () => Func.FromCallback(Store, (Func<int, int, int, int, int>)null!),
            () => Func.FromCallback(Store, (Action<int, int, int, int>)null!),
            () => Func.FromCallback(Store, (Func<int, int, int, int, int, int>)null!),
            () => Func.FromCallback(Store, (Action<int, int, int, int, int>)null!),
            () => Func.FromCallback(Store, (Func<int, int, int, int, int, int, int>)null!),
            () => Func.FromCallback(Store, (Action<int, int, int, int, int, int>)null!),
            () => Func.FromCallback(Store, FuncType.Of([], []), null!),
        ];
        foreach (Action call in nullCallbacks)
        {
            Assert.AreEqual("callback", Assert.ThrowsExactly<ArgumentNullException>(call).ParamName);
        }

        Assert.AreEqual("type", Assert.ThrowsExactly<ArgumentNullException>(() => Func.FromCallback(Store, null!, (a, r) => { })).ParamName);
        Assert.ThrowsExactly<NotSupportedException>(() => Func.FromCallback(Store, (int a, int b, int c, int d, int e, short f) => { }));
        Assert.ThrowsExactly<NotSupportedException>(() => Func.FromCallback(Store, (int a, int b, int c) => 'x'));
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
            () => Func.FromCallback(Store, FuncType.Of([ValKind.FuncRef], []), (a, r) => { }));
        StringAssert.Contains(refs.Message, "cannot pass a funcref to or from a host function");
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
