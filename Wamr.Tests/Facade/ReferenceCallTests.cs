using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>
/// funcref and externref parameters and results crossing calls from .NET: <c>wasm_func_call</c> crashes on them, so the
/// façade calls through the engine extension (<c>wasm_runtime_call_wasm</c> with the runtime's own type). Module:
/// <c>Modules/refs.wat</c>.
/// </summary>
[TestClass]
public sealed class ReferenceCallTests : FacadeTest
{
    [TestMethod]
    public void AFuncrefResultIsTheExportedFuncAndCanBeCalled()
    {
        Instance instance = Instantiate("refs");
        Func get = instance.GetFunction("get")!;
        Func seven = get.Call(0)[0].AsFunc()!;
        Assert.AreSame(instance.GetFunction("seven"), seven);
        Func doubler = get.Call(1)[0].AsFunc()!;
        Assert.AreSame(instance.GetFunction("double"), doubler);
        Assert.AreEqual(42, doubler.AsFunc<int, int>()(21));
        Assert.IsNull(get.Call(3)[0].AsFunc(), "slot 3 is empty");
    }

    [TestMethod]
    public void AFuncrefToAnUnexportedFunctionBecomesAFuncOfTheInstance()
    {
        Instance instance = Instantiate("refs");
        Func hidden = instance.GetFunction("hidden_ref")!.Call()[0].AsFunc()!;
        Assert.AreSame(instance, hidden.Instance);
        Assert.IsFalse(hidden.IsHostFunction);
        Assert.AreEqual(FuncType.Of([], [ValKind.I32]), hidden.Type);
        Assert.AreEqual(99, hidden.Call()[0].AsI32());
        Assert.AreEqual(99, hidden.AsFunc<int>()());

        // The same function again, through a call or a table read, is the same object.
        Assert.AreSame(hidden, instance.GetFunction("hidden_ref")!.Call()[0].AsFunc());
        Assert.AreSame(hidden, instance.GetFunction("get")!.Call(2)[0].AsFunc());
        Assert.AreSame(hidden, instance.GetTable("funcs")!.Get(2).AsFunc());
    }

    [TestMethod]
    public void AFuncrefToAnImportIsCalledThroughTheCApi()
    {
        int calls = 0;
        Func twice = Func.FromCallback(Store, (int x) => { calls++; return x * 2; });
        Instance instance = Instantiate("imported_ref", twice);
        Func imported = instance.GetFunction("get_import")!.Call()[0].AsFunc()!;
        Assert.AreSame(instance, imported.Instance);
        Assert.AreEqual(FuncType.Of([ValKind.I32], [ValKind.I32]), imported.Type);
        Assert.AreEqual(42, imported.AsFunc<int, int>()(21));
        Assert.AreEqual(10, imported.Call(5)[0].AsI32());
        Assert.AreEqual(2, calls);
        Assert.AreSame(imported, instance.GetFunction("get_import")!.Call()[0].AsFunc());
    }

    [TestMethod]
    public void FuncrefParametersReachWasm()
    {
        Instance instance = Instantiate("refs");
        Func callRef = instance.GetFunction("call_ref")!;
        Assert.AreEqual(7, callRef.Call(Val.FuncRef(instance.GetFunction("seven")))[0].AsI32());
        Func hidden = instance.GetFunction("hidden_ref")!.Call()[0].AsFunc()!;
        Assert.AreEqual(99, callRef.Call(Val.FuncRef(hidden))[0].AsI32());
        Assert.AreSame(hidden, instance.GetTable("funcs")!.Get(3).AsFunc(), "call_ref stored its argument in slot 3");

        Func isNull = instance.GetFunction("is_null_func")!;
        Assert.AreEqual(1, isNull.Call(Val.FuncRef(null))[0].AsI32());
        Assert.AreEqual(0, isNull.Call(Val.FuncRef(hidden))[0].AsI32());

        Func pick = instance.GetFunction("pick")!;
        Func seven = instance.GetFunction("seven")!;
        Func doubler = instance.GetFunction("double")!;
        Assert.AreSame(seven, pick.Call(1, Val.FuncRef(seven), Val.FuncRef(doubler))[0].AsFunc());
        Assert.AreSame(doubler, pick.Call(0, Val.FuncRef(seven), Val.FuncRef(doubler))[0].AsFunc());
        Assert.IsNull(pick.Call(0, Val.FuncRef(seven), Val.FuncRef(null))[0].AsFunc());
    }

    [TestMethod]
    public void NullFuncrefResults()
    {
        Instance instance = Instantiate("refs");
        Val result = instance.GetFunction("null_func")!.Call()[0];
        Assert.AreEqual(ValKind.FuncRef, result.Kind);
        Assert.IsTrue(result.IsNull);
    }

    [TestMethod]
    public void ExternrefsRoundTripAsTheSameObject()
    {
        Instance instance = Instantiate("refs");
        Func echo = instance.GetFunction("echo_extern")!;
        var payload = new object();
        Assert.AreSame(payload, echo.Call(Val.ExternRef(payload))[0].AsExternRef());
        Assert.AreEqual("text", echo.Call(Val.ExternRef("text"))[0].AsExternRef());
        Val none = echo.Call(Val.ExternRef(null))[0];
        Assert.AreEqual(ValKind.ExternRef, none.Kind);
        Assert.IsTrue(none.IsNull);

        Func isNull = instance.GetFunction("is_null_extern")!;
        Assert.AreEqual(1, isNull.Call(Val.ExternRef(null))[0].AsI32(), "a null externref is ref.null in wasm");
        Assert.AreEqual(0, isNull.Call(Val.ExternRef(payload))[0].AsI32());
    }

    [TestMethod]
    public void ExternrefsStoredByWasmAreSeenByTablesAndCalls()
    {
        Instance instance = Instantiate("refs");
        var first = new Uri("https://example.org/first");
        instance.GetFunction("keep")!.Call(0, Val.ExternRef(first));
        Assert.AreSame(first, instance.GetTable("things")!.Get(0).AsExternRef());
        Assert.AreSame(first, instance.GetFunction("fetch")!.Call(0)[0].AsExternRef());

        // Set from the host, read by a call.
        var second = new object();
        instance.GetTable("things")!.Set(1, Val.ExternRef(second));
        Assert.AreSame(second, instance.GetFunction("fetch")!.Call(1)[0].AsExternRef());

        // Null stored by wasm reads back as null both ways.
        instance.GetFunction("keep")!.Call(0, Val.ExternRef(null));
        Assert.IsTrue(instance.GetFunction("fetch")!.Call(0)[0].IsNull);
        Assert.IsTrue(instance.GetTable("things")!.Get(0).IsNull);
    }

    [TestMethod]
    public void EveryKindAtOnceLinesUp()
    {
        Instance instance = Instantiate("refs");
        Func mixed = instance.GetFunction("mixed")!;
        var thing = new object();
        Func seven = instance.GetFunction("seven")!;
        Val[] results = mixed.Call(Val.I64(-5_000_000_000), Val.ExternRef(thing), Val.F64(2.5), Val.FuncRef(seven), Val.I32(-3), Val.F32(1.25f));
        Assert.AreEqual(6, results.Length);
        Assert.AreEqual(Val.I32(-3), results[0]);
        Assert.AreSame(thing, results[1].AsExternRef());
        Assert.AreEqual(Val.I64(-5_000_000_000), results[2]);
        Assert.AreSame(seven, results[3].AsFunc());
        Assert.AreEqual(Val.F64(2.5), results[4]);
        Assert.AreEqual(Val.F32(1.25f), results[5]);

        Val[] nulls = mixed.Call(Val.I64(1), Val.ExternRef(null), Val.F64(0), Val.FuncRef(null), Val.I32(2), Val.F32(3));
        Assert.IsTrue(nulls[1].IsNull);
        Assert.IsTrue(nulls[3].IsNull);
        Assert.AreEqual(Val.I64(1), nulls[2]);
    }

    [TestMethod]
    public void AFuncrefOfAnotherInstanceOrAHostFunctionIsRefusedBeforeTheCall()
    {
        Instance instance = Instantiate("refs");
        Instance other = Instantiate("refs");
        Func callRef = instance.GetFunction("call_ref")!;
        ArgumentException foreign = Assert.ThrowsExactly<ArgumentException>(() => callRef.Call(Val.FuncRef(other.GetFunction("seven"))));
        StringAssert.Contains(foreign.Message, "another instance");
        NotSupportedException host = Assert.ThrowsExactly<NotSupportedException>(() => callRef.Call(Val.FuncRef(Func.FromCallback(Store, () => 1))));
        StringAssert.Contains(host.Message, "host function");

        // Refused before WAMR ran: slot 3 is still empty.
        Assert.IsTrue(instance.GetTable("funcs")!.Get(3).IsNull);
    }

    [TestMethod]
    public void WrongKindsOfReferencesAreRefused()
    {
        Instance instance = Instantiate("refs");
        ArgumentException externForFunc = Assert.ThrowsExactly<ArgumentException>(() => instance.GetFunction("is_null_func")!.Call(Val.ExternRef(null)));
        StringAssert.Contains(externForFunc.Message, "must be funcref");
        ArgumentException funcForExtern = Assert.ThrowsExactly<ArgumentException>(() => instance.GetFunction("echo_extern")!.Call(Val.FuncRef(null)));
        StringAssert.Contains(funcForExtern.Message, "must be externref");
        Assert.ThrowsExactly<ArgumentException>(() => instance.GetFunction("echo_extern")!.Call(1));
        Assert.ThrowsExactly<ArgumentException>(() => instance.GetFunction("call_ref")!.Call(Val.I32(0)));
        Assert.ThrowsExactly<InvalidOperationException>(() => instance.GetFunction("echo_extern")!.AsFunc<int, int>());
    }

    [TestMethod]
    public void ATrapWithReferencesLeavesTheInstanceUsable()
    {
        Instance instance = Instantiate("refs");
        TrapException trap = Assert.ThrowsExactly<TrapException>(() => instance.GetFunction("trap_with_ref")!.Call(Val.ExternRef("x")));
        Assert.AreEqual("unreachable", trap.TrapMessage);
        Assert.AreEqual(7, instance.GetFunction<int>("seven")!());
        Assert.AreSame("y", instance.GetFunction("echo_extern")!.Call(Val.ExternRef("y"))[0].AsExternRef());
    }

    [TestMethod]
    public void ReferenceCallsCheckDisposalAndThreads()
    {
        Instance instance = Instantiate("refs");
        Func echo = instance.GetFunction("echo_extern")!;
        Exception? fromOtherThread = null;
        var thread = new System.Threading.Thread(() =>
        {
            try
            {
                echo.Call(Val.ExternRef("other thread"));
            }
            catch (Exception e)
            {
                fromOtherThread = e;
            }
        });
        thread.Start();
        thread.Join();
        Assert.IsNull(fromOtherThread, "sequential use from another thread works");

        instance.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => echo.Call(Val.ExternRef("x")));
    }
}
