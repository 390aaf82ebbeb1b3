using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>
/// The typed fast path (<c>wasm_runtime_call_wasm</c> on the instance's exec env singleton, through the engine extension)
/// and how it lives beside the C API's path: imports keep <c>wasm_func_call</c>, and an exception that path leaves in an
/// instance does not poison later fast calls. Modules: <c>arith</c>, <c>forward</c>.
/// </summary>
[TestClass]
public sealed class FastCallTests : FacadeTest
{
    [TestMethod]
    public void TypedDelegatesOfInstanceFunctionsUseTheEngineEntry()
    {
        Instance arith = Instantiate("arith");
        Func<int, int, int> add = arith.GetFunction<int, int, int>("add")!;
        Assert.AreEqual("FastTypedCall", add.Target!.GetType().Name);
        Assert.AreEqual(5, add(2, 3));
        Assert.AreEqual("FastTypedCall", arith.GetAction("nothing")!.Target!.GetType().Name);
    }

    [TestMethod]
    public void AReexportedImportKeepsTheCApiPath()
    {
        Instance arith = Instantiate("arith");
        Instance forward = new Linker().Define("math", "div", arith.GetFunction("div")!).Instantiate(Store, Load("forward"));
        Func<int, int, int> again = forward.GetFunction<int, int, int>("div_again")!;
        Assert.AreEqual("TypedCall", again.Target!.GetType().Name, "the runtime has no function instance of an import to call directly");
        Assert.AreEqual(3, again(9, 3));
        Assert.AreEqual(3, forward.GetFunction("div_again")!.Call(9, 3)[0].AsI32());
        // The forwarding host function hands WAMR's trap back to WAMR, which prefixes "Exception: " once more.
        StringAssert.EndsWith(Assert.ThrowsExactly<TrapException>(() => again(1, 0)).TrapMessage, "integer divide by zero");
    }

    [TestMethod]
    public void ATrapLeftInACalleeByTheCApiDoesNotFailLaterFastCalls()
    {
        Instance arith = Instantiate("arith");
        Instance forward = new Linker().Define("math", "div", arith.GetFunction("div")!).Instantiate(Store, Load("forward"));
        Func<int, int, int> divide = forward.GetFunction<int, int, int>("divide")!;
        Func<int, int, int> div = arith.GetFunction<int, int, int>("div")!;

        // forward -> forwarding host function -> wasm_func_call(arith's div) traps: wasm_func_call leaves the exception
        // set in arith's instance, where wasm_runtime_call_wasm would report it again.
        StringAssert.EndsWith(Assert.ThrowsExactly<TrapException>(() => divide(1, 0)).TrapMessage, "integer divide by zero");
        Assert.AreEqual(2, div(6, 3));
        Assert.AreEqual(4, divide(8, 2));
    }

    [TestMethod]
    public void TrapsAndCallsAlternateWithoutLeftovers()
    {
        Instance arith = Instantiate("arith");
        Func<int, int, int> div = arith.GetFunction<int, int, int>("div")!;
        Func untyped = arith.GetFunction("div")!;
        for (int i = 1; i <= 200; i++)
        {
            TrapException trap = Assert.ThrowsExactly<TrapException>(() => div(i, 0));
            Assert.AreEqual("integer divide by zero", trap.TrapMessage);
            Assert.IsNotNull(trap.Trap.Origin, "the fast path's trap carries WAMR's frames");
            Assert.AreEqual(i, div(i * 3, 3));
            Assert.AreEqual("integer overflow", Assert.ThrowsExactly<TrapException>(() => untyped.Call(int.MinValue, -1)).TrapMessage);
            Assert.AreEqual(i, untyped.Call(i * 5, 5)[0].AsI32());
        }
    }

    [TestMethod]
    public void UntypedCallsOfEveryNumericKindGoThroughTheEngineEntry()
    {
        Instance arith = Instantiate("arith");
        Assert.AreEqual(Val.F64(10.5), arith.GetFunction("mix")!.Call(1, 2L, 3.5f, 4.0)[0]);
        Val[] swapped = arith.GetFunction("swap")!.Call(7, 8_000_000_000L);
        Assert.AreEqual(Val.I64(8_000_000_000L), swapped[0]);
        Assert.AreEqual(Val.I32(7), swapped[1]);
        Assert.AreEqual(Val.I64(21), arith.GetFunction("sum6")!.Call(1, 2, 3, 4, 5, 6)[0]);
        Assert.AreEqual(0, arith.GetFunction("nothing")!.Call().Length);
    }
}
