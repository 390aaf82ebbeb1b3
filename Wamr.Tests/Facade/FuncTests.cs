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
    public void ReferencesCannotCrossWasmFuncCall()
    {
        Instance instance = Instantiate("table");
        NotSupportedException takes = Assert.ThrowsExactly<NotSupportedException>(() => instance.GetFunction("take_ref")!.Call(Val.FuncRef(null)));
        StringAssert.Contains(takes.Message, "funcref or externref");
        Assert.ThrowsExactly<NotSupportedException>(() => instance.GetFunction("give_ref")!.Call());
        Assert.ThrowsExactly<NotSupportedException>(() => instance.GetFunction("give_ref")!.AsFunc<int>());
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
