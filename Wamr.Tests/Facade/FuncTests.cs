using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary><see cref="Func"/> exported by wasm: checked calls, typed calls without allocation, traps with frames.</summary>
[TestClass]
public sealed class FuncTests : FacadeTest
{
    [TestMethod]
    public void CallPassesEveryKindAndSizesTheResults()
    {
        Instance instance = Instantiate("arith");
        Assert.AreEqual(Val.I32(5), instance.GetFunction("add")!.Call(2, 3)[0]);
        Assert.AreEqual(Val.I64(1L << 40), instance.GetFunction("add64")!.Call(1L << 39, 1L << 39)[0]);
        Assert.AreEqual(Val.F32(3f), instance.GetFunction("mul32")!.Call(1.5f, 2f)[0]);
        Assert.AreEqual(Val.F64(0.5), instance.GetFunction("mul64")!.Call(0.25, 2.0)[0]);
        Assert.AreEqual(Val.F64(10.5), instance.GetFunction("mix")!.Call(1, 2L, 3.5f, 4.0)[0]);
        Assert.AreEqual(Val.I64(21), instance.GetFunction("sum6")!.Call(1, 2, 3, 4, 5, 6)[0]);
        Assert.AreEqual(0, instance.GetFunction("nothing")!.Call().Length);
        Val[] swapped = instance.GetFunction("swap")!.Call(7, 8L);
        CollectionAssert.AreEqual(new[] { Val.I64(8), Val.I32(7) }, swapped);

        Val[] buffer = new Val[3];
        instance.GetFunction("answer")!.Call([], buffer);
        Assert.AreEqual(Val.I32(42), buffer[0]);
    }

    [TestMethod]
    public void FunctionDescribesItself()
    {
        Func add = Instantiate("arith").GetFunction("add")!;
        Assert.AreEqual(2, add.ParameterCount);
        Assert.AreEqual(1, add.ResultCount);
        Assert.AreEqual(ExternKind.Func, add.Kind);
        Assert.IsFalse(add.IsHostFunction);
        Assert.AreEqual("add", add.Name);
        Assert.AreEqual(FuncType.Of([ValKind.I32, ValKind.I32], [ValKind.I32]), add.Type);
        Assert.AreSame(add.Type, ((Extern)add).Type);
        Assert.AreEqual("\"add\" (func (param i32 i32) (result i32))", add.ToString());
    }

    [TestMethod]
    public void WrongArityKindOrResultSpaceIsRefusedBeforeWamrIsCalled()
    {
        Func add = Instantiate("arith").GetFunction("add")!;
        ArgumentException arity = Assert.ThrowsExactly<ArgumentException>(() => add.Call(1));
        StringAssert.Contains(arity.Message, "takes 2 argument(s), not 1");
        Assert.ThrowsExactly<ArgumentException>(() => add.Call(1, 2, 3));
        ArgumentException kind = Assert.ThrowsExactly<ArgumentException>(() => add.Call(1, 2L));
        StringAssert.Contains(kind.Message, "Argument 1");
        StringAssert.Contains(kind.Message, "must be i32, not (i64.const 2)");
        Assert.ThrowsExactly<ArgumentException>(() => add.Call(new Val[] { 1, 2 }, Span<Val>.Empty));
        Assert.ThrowsExactly<ArgumentNullException>(() => add.Call(null!));
        Assert.ThrowsExactly<ArgumentException>(() => add.Call(Val.ExternRef(null), 1));
    }

    [TestMethod]
    public void ReferencesCrossCallsThroughTheExtension()
    {
        // wasm_func_call crashes on references; with the engine extension the façade calls wasm_runtime_call_wasm instead
        // (ReferenceCallTests has the details).
        Instance instance = Instantiate("table");
        Assert.AreEqual(1, instance.GetFunction("take_ref")!.Call(Val.FuncRef(null))[0].AsI32());
        Assert.AreEqual(Val.ExternRef(null), instance.GetFunction("give_ref")!.Call()[0]);
        Assert.ThrowsExactly<InvalidOperationException>(() => instance.GetFunction("give_ref")!.AsFunc<int>());
    }

    [TestMethod]
    public void TypedDelegatesCallWithTheRightKinds()
    {
        Instance instance = Instantiate("arith");
        Assert.AreEqual(5, instance.GetFunction<int, int, int>("add")!(2, 3));
        Assert.AreEqual(3L, instance.GetFunction<long, long, long>("add64")!(1, 2));
        Assert.AreEqual(6f, instance.GetFunction<float, float, float>("mul32")!(2f, 3f));
        Assert.AreEqual(6.0, instance.GetFunction<double, double, double>("mul64")!(2, 3));
        Assert.AreEqual(10.5, instance.GetFunction<int, long, float, double, double>("mix")!(1, 2, 3.5f, 4.0));
        Assert.AreEqual(21L, instance.GetFunction<int, int, int, int, int, int, long>("sum6")!(1, 2, 3, 4, 5, 6));
        Assert.AreEqual(42, instance.GetFunction<int>("answer")!());
        instance.GetAction("nothing")!();
        instance.GetAction<int>("bump")!(5);
        Assert.AreEqual(5, instance.GetFunction("count")!.AsFunc<int>()());
        instance.GetFunction("bump")!.AsAction<int>()(1);
        Assert.AreEqual(6, instance.GetFunction<int>("count")!());
    }

    [TestMethod]
    public void TypedDelegatesOfTheWrongSignatureAreRefused()
    {
        Func add = Instantiate("arith").GetFunction("add")!;
        InvalidOperationException e = Assert.ThrowsExactly<InvalidOperationException>(() => add.AsFunc<long, long, long>());
        StringAssert.Contains(e.Message, "(func (param i64 i64) (result i64))");
        Assert.ThrowsExactly<InvalidOperationException>(() => add.AsFunc<int, int>());
        Assert.ThrowsExactly<InvalidOperationException>(() => add.AsAction<int, int>());
        Assert.ThrowsExactly<NotSupportedException>(() => add.AsFunc<int, int, string>());
        Assert.ThrowsExactly<NotSupportedException>(() => add.AsFunc<short, int, int>());
    }

    [TestMethod]
    public void TypedDelegatesOfEveryArityPassEachArgumentInItsPlace()
    {
        // fN(1, 2, 3, 4, 5, 6) = 1 + 10*2 + 100*3 + ...: a swapped or misread argument changes a digit.
        Instance instance = Instantiate("arity");
        Assert.AreEqual(7.0, instance.GetFunction<double>("f0")!());
        Assert.AreEqual(1.0, instance.GetFunction<int, double>("f1")!(1));
        Assert.AreEqual(21.0, instance.GetFunction<int, long, double>("f2")!(1, 2));
        Assert.AreEqual(321.0, instance.GetFunction<int, long, float, double>("f3")!(1, 2, 3f));
        Assert.AreEqual(4321.0, instance.GetFunction<int, long, float, double, double>("f4")!(1, 2, 3f, 4.0));
        Assert.AreEqual(54321.0, instance.GetFunction<int, long, float, double, int, double>("f5")!(1, 2, 3f, 4.0, 5));
        Assert.AreEqual(654321.0, instance.GetFunction<int, long, float, double, int, long, double>("f6")!(1, 2, 3f, 4.0, 5, 6));

        Func<double> last = instance.GetFunction<double>("last")!;
        instance.GetAction("a0")!();
        Assert.AreEqual(7.0, last());
        instance.GetAction<int>("a1")!(1);
        Assert.AreEqual(1.0, last());
        instance.GetAction<int, long>("a2")!(1, 2);
        Assert.AreEqual(21.0, last());
        instance.GetAction<int, long, float>("a3")!(1, 2, 3f);
        Assert.AreEqual(321.0, last());
        instance.GetAction<int, long, float, double>("a4")!(1, 2, 3f, 4.0);
        Assert.AreEqual(4321.0, last());
        instance.GetAction<int, long, float, double, int>("a5")!(1, 2, 3f, 4.0, 5);
        Assert.AreEqual(54321.0, last());
        instance.GetAction<int, long, float, double, int, long>("a6")!(1, 2, 3f, 4.0, 5, 6);
        Assert.AreEqual(654321.0, last());
    }

    [TestMethod]
    public void AsFuncAndAsActionOfEveryArityCallTheFunction()
    {
        Instance instance = Instantiate("arity");
        Func f(string name) => instance.GetFunction(name)!;
        Assert.AreEqual(7.0, f("f0").AsFunc<double>()());
        Assert.AreEqual(-3.0, f("f1").AsFunc<int, double>()(-3));
        Assert.AreEqual(-9.0, f("f2").AsFunc<int, long, double>()(1, -1));
        Assert.AreEqual(150.0, f("f3").AsFunc<int, long, float, double>()(0, 0, 1.5f));
        Assert.AreEqual(-2500.0, f("f4").AsFunc<int, long, float, double, double>()(0, 0, 0, -2.5));
        Assert.AreEqual(-10_000.0, f("f5").AsFunc<int, long, float, double, int, double>()(0, 0, 0, 0, -1));
        Assert.AreEqual(1e5 * (1L << 40), f("f6").AsFunc<int, long, float, double, int, long, double>()(0, 0, 0, 0, 0, 1L << 40));

        Func<double> last = f("last").AsFunc<double>();
        f("a0").AsAction()();
        Assert.AreEqual(7.0, last());
        f("a1").AsAction<int>()(int.MinValue);
        Assert.AreEqual((double)int.MinValue, last());
        f("a2").AsAction<int, long>()(0, 4);
        Assert.AreEqual(40.0, last());
        f("a3").AsAction<int, long, float>()(0, 0, 0.5f);
        Assert.AreEqual(50.0, last());
        f("a4").AsAction<int, long, float, double>()(0, 0, 0, 0.25);
        Assert.AreEqual(250.0, last());
        f("a5").AsAction<int, long, float, double, int>()(0, 0, 0, 0, 3);
        Assert.AreEqual(30_000.0, last());
        f("a6").AsAction<int, long, float, double, int, long>()(1, 0, 0, 0, 0, 2);
        Assert.AreEqual(200_001.0, last());
    }

    [TestMethod]
    public void TypedDelegatesOfEveryArityRefuseAnotherSignature()
    {
        Instance instance = Instantiate("arity");
        Func f(string name) => instance.GetFunction(name)!;
        // Parameters in another order, a result the function does not have, or none where it has one.
        Assert.ThrowsExactly<InvalidOperationException>(() => f("f0").AsFunc<int>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("f0").AsAction());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("f1").AsFunc<long, double>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("f1").AsAction<int>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("f2").AsFunc<long, int, double>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("f2").AsAction<int, long>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("f3").AsFunc<int, long, double, double>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("f3").AsAction<int, long, float>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("f4").AsFunc<int, long, float, float, double>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("f4").AsAction<int, long, float, double>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("f5").AsFunc<int, long, float, double, long, double>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("f5").AsAction<int, long, float, double, int>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("f6").AsFunc<int, long, float, double, int, long, float>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("f6").AsAction<int, long, float, double, int, long>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("a3").AsFunc<int, long, float, double>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("a4").AsFunc<int, long, float, double, double>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("a5").AsFunc<int, long, float, double, int, double>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("a6").AsFunc<int, long, float, double, int, long, double>());
        Assert.ThrowsExactly<InvalidOperationException>(() => f("a6").AsAction<int, long, float, double, int>());
        // Through the instance: the same checks, null for a missing name, ArgumentNullException for no name.
        Assert.ThrowsExactly<InvalidOperationException>(() => instance.GetAction<int, long, int>("a3"));
        Assert.ThrowsExactly<InvalidOperationException>(() => instance.GetFunction<int, long, float, float, double>("f4"));
        Assert.ThrowsExactly<InvalidOperationException>(() => instance.GetAction<int, long, float, double, long>("a5"));
        Assert.ThrowsExactly<InvalidOperationException>(() => instance.GetFunction<int, long, float, double, int, int, double>("f6"));
        Assert.IsNull(instance.GetAction<int, long, float>("missing"));
        Assert.IsNull(instance.GetFunction<int, long, float, double, int, long, double>("missing"));
        Assert.ThrowsExactly<ArgumentNullException>(() => instance.GetAction<int, long, float, double>(null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => instance.GetFunction<int, long, float, double, int, double>(null!));
        // A type argument with no WebAssembly value type.
        Assert.ThrowsExactly<NotSupportedException>(() => f("f3").AsFunc<int, long, decimal, double>());
        Assert.ThrowsExactly<NotSupportedException>(() => f("a6").AsAction<int, long, float, double, int, ulong>());
    }

    [TestMethod]
    public void TypedDelegatesOfADisposedInstanceOrStoreThrowObjectDisposedException()
    {
        var store = new Store(Engine);
        var instance = new Instance(store, Module.FromFile(store, ModulePath("arity")));
        Func<int, long, float, double> f3 = instance.GetFunction<int, long, float, double>("f3")!;
        Action<int, long, float, double, int, long> a6 = instance.GetAction<int, long, float, double, int, long>("a6")!;
        Func f5 = instance.GetFunction("f5")!;
        instance.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => f3(1, 2, 3));
        Assert.ThrowsExactly<ObjectDisposedException>(() => a6(1, 2, 3, 4, 5, 6));
        Assert.ThrowsExactly<ObjectDisposedException>(() => f5.Call([1, 2L, 3f, 4.0, 5], new Val[1]));
        Assert.ThrowsExactly<ObjectDisposedException>(() => instance.GetAction<int, long, float, double, int>("a5"));
        store.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => f3(1, 2, 3));
    }

    [TestMethod]
    public void TheFunctionKnowsItsStoreAndSharedType()
    {
        Instance instance = Instantiate("arith");
        Extern add = instance.GetExport("add")!;
        Assert.AreSame(Store, add.Store);
        Assert.AreSame(Store, Func.FromCallback(Store, () => { }).Store);
        Assert.AreEqual(ExternKind.Func, add.Kind);
        Assert.AreEqual(FuncType.Of([ValKind.I32, ValKind.I32], [ValKind.I32]), add.Type);
    }

    [TestMethod]
    public void TypedCallsAllocateNothing()
    {
        Instance instance = Instantiate("arith");
        Func<int, int, int> add = instance.GetFunction<int, int, int>("add")!;
        Func<int, long, float, double, double> mix = instance.GetFunction<int, long, float, double, double>("mix")!;
        Action<int> bump = instance.GetAction<int>("bump")!;
        int sum = 0;
        for (int i = 0; i < 100; i++)
        {
            sum = add(sum, 1);
            _ = mix(1, 2, 3, 4);
            bump(1);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            sum = add(sum, 1);
            _ = mix(i, i, i, i);
            bump(1);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.AreEqual(0L, allocated, "typed calls must not allocate");
        Assert.AreEqual(10_100, sum);
    }

    [TestMethod]
    public void TrapsBecomeTrapExceptionsWithFrames()
    {
        Instance instance = Instantiate("trap");
        TrapException e = Assert.ThrowsExactly<TrapException>(() => instance.GetFunction("outer")!.Call());
        Assert.AreEqual("unreachable", e.TrapMessage);
        Assert.AreEqual(3, e.Frames.Count);
        Frame inner = e.Frames[0];
        Assert.AreEqual(0u, inner.FunctionIndex);
        Assert.AreEqual("inner", inner.FunctionName);
        Assert.AreEqual("inner", inner.ExportName);
        Assert.AreSame(instance, inner.Instance);
        Assert.AreEqual("middle", e.Frames[1].FunctionName);
        Assert.IsNull(e.Frames[1].ExportName);
        Assert.AreEqual("outer", e.Frames[2].ExportName);
        Assert.IsNotNull(e.Origin);
        Assert.AreEqual(0u, e.Origin!.FunctionIndex);
        StringAssert.Contains(e.Message, "unreachable");
        StringAssert.Contains(e.Message, "func 1 \"middle\"");
        Assert.IsInstanceOfType<WasmException>(e);
        Assert.IsNull(e.InnerException);
    }

    [TestMethod]
    public void EveryKindOfTrapIsReported()
    {
        Instance trap = Instantiate("trap");
        Instance arith = Instantiate("arith");
        StringAssert.Contains(Assert.ThrowsExactly<TrapException>(() => arith.GetFunction<int, int, int>("div")!(1, 0)).TrapMessage, "integer divide by zero");
        StringAssert.Contains(Assert.ThrowsExactly<TrapException>(() => trap.GetFunction<int>("oob")!()).TrapMessage, "out of bounds memory access");
        StringAssert.Contains(Assert.ThrowsExactly<TrapException>(() => trap.GetFunction<int, int>("recurse")!(1)).TrapMessage, "stack overflow");
        // The instance stays usable after a trap.
        Assert.AreEqual(2, arith.GetFunction<int, int, int>("div")!(4, 2));
    }

    [TestMethod]
    public void TrapExceptionCanBeMadeByHand()
    {
        var e = new TrapException("boom", new InvalidOperationException("x"));
        Assert.AreEqual("boom", e.TrapMessage);
        Assert.AreEqual(0, e.Frames.Count);
        Assert.IsNull(e.Origin);
        Assert.IsInstanceOfType<InvalidOperationException>(e.InnerException);
        Assert.AreEqual("boom", new TrapException("boom").Message);
        Assert.AreEqual("WAMR reported an error.", new WasmException().Message);
        Assert.AreEqual("m", new WasmException("m", null).Message);
        Assert.AreEqual("l", new LinkException("l").Message);
        Assert.AreEqual(0, new LinkException("l", null).Problems.Count);
    }
}
