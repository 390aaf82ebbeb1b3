using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>
/// externref parameters and results of host functions (typed, with <see cref="object"/>, and untyped): WAMR 1.1.2's
/// trampoline converts them (<c>argv_to_params</c>, <c>results_to_argv</c>) through its externref map, with the store's
/// foreigns as the host pointers, the same mapping calls from .NET and tables use. funcref cannot cross a host function
/// (WAMR has no conversion for it) and is refused at creation. Module: <c>Modules/host_refs.wat</c>.
/// </summary>
[TestClass]
public sealed class HostReferenceTests : FacadeTest
{
    private static readonly FuncType EchoType = FuncType.Of([ValKind.ExternRef], [ValKind.ExternRef]);
    private static readonly FuncType MakeType = FuncType.Of([ValKind.I32], [ValKind.ExternRef]);

    private static readonly FuncType ConsumeType =
        FuncType.Of([ValKind.I32, ValKind.ExternRef, ValKind.I64, ValKind.ExternRef, ValKind.F64], [ValKind.I32]);

    private readonly List<object?> _seen = new();

    /// <summary>host_refs with echo and make as given, and a consume that records its arguments.</summary>
    private Instance InstantiateRefs(Func echo, Func make)
    {
        Func consume = Func.FromCallback(Store, ConsumeType, (args, results) =>
        {
            _seen.Add(args[0].AsI32());
            _seen.Add(args[1].AsExternRef());
            _seen.Add(args[2].AsI64());
            _seen.Add(args[3].AsExternRef());
            _seen.Add(args[4].AsF64());
            results[0] = Val.I32(5);
        });
        return Instantiate("host_refs", echo, make, consume);
    }

    /// <summary>A make that returns objects[i] (null for slot 0).</summary>
    private Func UntypedMake(object?[] objects) =>
        Func.FromCallback(Store, MakeType, (args, results) => results[0] = Val.ExternRef(objects[args[0].AsI32()]));

    private Func UntypedEcho() => Func.FromCallback(Store, EchoType, (args, results) =>
    {
        _seen.Add(args[0].AsExternRef());
        results[0] = args[0];
    });

    private Func TypedEcho() => Func.FromCallback(Store, (object? value) =>
    {
        _seen.Add(value);
        return value;
    });

    private static void AssertEchoes(Instance instance, List<object?> seen)
    {
        var token = new object();
        Func through = instance.GetFunction("through_host")!;
        Assert.AreSame(token, through.Call(Val.ExternRef(token))[0].AsExternRef(), "the object comes back from wasm → host → wasm");
        Assert.AreSame(token, seen[^1], "the host function sees the object .NET passed");
        Assert.AreSame(token, through.Call(Val.ExternRef(token))[0].AsExternRef(), "and again");
        var text = "a string is an object too";
        Assert.AreSame(text, through.Call(Val.ExternRef(text))[0].AsExternRef());

        Assert.IsNull(through.Call(Val.ExternRef(null))[0].AsExternRef());
        Assert.IsNull(seen[^1], "ref.null arrives as null");
        Func isNull = instance.GetFunction("through_host_is_null")!;
        Assert.AreEqual(1, isNull.Call(Val.ExternRef(null))[0].AsI32(), "the host's null is ref.null in wasm");
        Assert.AreEqual(0, isNull.Call(Val.ExternRef(token))[0].AsI32());
        Assert.AreEqual(1, instance.GetFunction("null_through_host")!.Call()[0].AsI32(), "wasm's own ref.null, there and back");
        Assert.IsNull(seen[^1]);
    }

    [TestMethod]
    public void AnUntypedHostFunctionTakesAndReturnsObjects()
    {
        Instance instance = InstantiateRefs(UntypedEcho(), UntypedMake([null]));
        AssertEchoes(instance, _seen);
    }

    [TestMethod]
    public void ATypedHostFunctionTakesAndReturnsObjects()
    {
        Func echo = TypedEcho();
        Assert.AreEqual(EchoType, echo.Type);
        Instance instance = InstantiateRefs(echo, Func.FromCallback(Store, (int i) => i == 0 ? null : (object)i.ToString()));
        AssertEchoes(instance, _seen);
        Assert.AreEqual(1, instance.GetFunction("make_is_null")!.Call(0)[0].AsI32());
        Assert.AreEqual("7", instance.GetFunction("make")!.Call(7)[0].AsExternRef());
    }

    [TestMethod]
    public void ATypedHostFunctionMixesObjectsAndNumbers()
    {
        var seen = new List<object?>();
        Func consume = Func.FromCallback(Store, (int a, object? b, long c, object? d, double e) =>
        {
            seen.AddRange([a, b, c, d, e]);
            return 9;
        });
        Assert.AreEqual(ConsumeType, consume.Type);
        Instance instance = Instantiate("host_refs", UntypedEcho(), UntypedMake([null]), consume);
        object first = new(), second = new();
        Assert.AreEqual(9, instance.GetFunction("mixed")!.Call(Val.ExternRef(first), Val.ExternRef(second))[0].AsI32());
        CollectionAssert.AreEqual(new object?[] { 11, first, 22L, second, 3.5 }, seen);
        seen.Clear();
        instance.GetFunction("mixed")!.Call(Val.ExternRef(null), Val.ExternRef(second));
        CollectionAssert.AreEqual(new object?[] { 11, null, 22L, second, 3.5 }, seen);
    }

    [TestMethod]
    public void AnUntypedHostFunctionSeesEveryValueInItsSlot()
    {
        Instance instance = InstantiateRefs(UntypedEcho(), UntypedMake([null]));
        object first = new(), second = new();
        Assert.AreEqual(5, instance.GetFunction("mixed")!.Call(Val.ExternRef(first), Val.ExternRef(second))[0].AsI32());
        CollectionAssert.AreEqual(new object?[] { 11, first, 22L, second, 3.5 }, _seen);
    }

    [TestMethod]
    public void ObjectsAHostFunctionReturnsAreTheSameObjectsInTablesGlobalsAndResults()
    {
        object?[] objects = [null, new object(), new List<int> { 1, 2 }];
        Instance instance = InstantiateRefs(UntypedEcho(), UntypedMake(objects));
        Assert.AreSame(objects[1], instance.GetFunction("make")!.Call(1)[0].AsExternRef());
        Assert.IsNull(instance.GetFunction("make")!.Call(0)[0].AsExternRef());
        Assert.AreEqual(1, instance.GetFunction("make_is_null")!.Call(0)[0].AsI32(), "a host null is ref.null");
        Assert.AreEqual(0, instance.GetFunction("make_is_null")!.Call(2)[0].AsI32());

        Table refs = instance.GetTable("refs")!;
        instance.GetFunction("store_made")!.Call(2, 2);
        instance.GetFunction("store_made")!.Call(1, 1);
        Assert.AreSame(objects[2], refs.Get(2).AsExternRef());
        Assert.AreSame(objects[1], refs.Get(1).AsExternRef());
        instance.GetFunction("store_made")!.Call(1, 0);
        Assert.IsNull(refs.Get(1).AsExternRef(), "a host null stored by wasm is an empty slot");

        Func keep = instance.GetFunction("keep_made")!;
        Func kept = instance.GetFunction("get_kept")!;
        keep.Call(2);
        Assert.AreSame(objects[2], kept.Call()[0].AsExternRef());
        keep.Call(0);
        Assert.IsNull(kept.Call()[0].AsExternRef());

        // An object .NET put in the table is the same object when a host function returns it.
        var placed = new object();
        refs.Set(3, Val.ExternRef(placed));
        objects[1] = placed;
        instance.GetFunction("store_made")!.Call(0, 1);
        Assert.AreSame(placed, refs.Get(0).AsExternRef());
    }

    [TestMethod]
    public void AHostFunctionCallsBackIntoWasmWithAnObject()
    {
        Func? identity = null;
        int nested = 0;
        Func echo = Func.FromCallback(Store, EchoType, (args, results) =>
        {
            nested++;
            object? back = identity!.Call(args[0])[0].AsExternRef();
            Assert.AreSame(args[0].AsExternRef(), back);
            results[0] = Val.ExternRef(back);
        });
        Instance instance = InstantiateRefs(echo, UntypedMake([null]));
        identity = instance.GetFunction("identity")!;
        var token = new object();
        Assert.AreSame(token, instance.GetFunction("through_host")!.Call(Val.ExternRef(token))[0].AsExternRef());
        Assert.AreEqual(1, instance.GetFunction("through_host_is_null")!.Call(Val.ExternRef(null))[0].AsI32());
        Assert.AreEqual(2, nested);
    }

    [TestMethod]
    public void DotNetCallsAHostFunctionWithObjects()
    {
        var token = new object();
        Func typed = TypedEcho();
        Assert.AreSame(token, typed.Call(Val.ExternRef(token))[0].AsExternRef());
        Assert.IsNull(typed.Call(Val.ExternRef(null))[0].AsExternRef());
        Func untyped = UntypedEcho();
        Assert.AreSame(token, untyped.Call(Val.ExternRef(token))[0].AsExternRef());
        Assert.IsNull(untyped.Call(Val.ExternRef(null))[0].AsExternRef());
        CollectionAssert.AreEqual(new object?[] { token, null, token, null }, _seen);
    }

    [TestMethod]
    public void PassingTheSameObjectAgainAllocatesNothing()
    {
        var token = new object();
        Func echo = Func.FromCallback(Store, (object? value) => value);
        Instance instance = InstantiateRefs(echo, UntypedMake([null]));
        Func echoMany = instance.GetFunction("echo_many")!;
        var arguments = new[] { Val.ExternRef(token), Val.I32(10) };
        var results = new Val[1];
        echoMany.Call(arguments, results);
        Assert.AreSame(token, results[0].AsExternRef());

        // 10,000 wasm → host → wasm crossings of a known object: the store's mapping (and WAMR's) gains no entry.
        arguments[1] = Val.I32(10_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        echoMany.Call(arguments, results);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.AreSame(token, results[0].AsExternRef());
        Assert.AreEqual(0L, allocated, "a known object crosses a typed host function without allocating");
    }

    [TestMethod]
    public void ManyDistinctObjectsAreReleasedWithTheirStore()
    {
        WeakReference[] objects = ReturnManyObjectsFromAHostFunction(5_000);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        int alive = Array.FindAll(objects, o => o.IsAlive).Length;
        Assert.AreEqual(0, alive, "the objects a host function returned are released once their store is disposed");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference[] ReturnManyObjectsFromAHostFunction(int count)
    {
        using var store = new Store(Engine);
        var objects = new object?[count];
        var weak = new WeakReference[count - 1];
        for (int i = 1; i < count; i++)
        {
            objects[i] = new byte[16];
            weak[i - 1] = new WeakReference(objects[i]);
        }

        Func make = Func.FromCallback(store, MakeType, (args, results) => results[0] = Val.ExternRef(objects[args[0].AsI32()]));
        Func echo = Func.FromCallback(store, (object? value) => value);
        Func consume = Func.FromCallback(store, ConsumeType, (args, results) => results[0] = Val.I32(0));
        var instance = new Instance(store, Module.FromFile(store, ModulePath("host_refs")), [echo, make, consume]);
        Assert.AreEqual(count - 1, instance.GetFunction("make_many")!.Call(count)[0].AsI32());
        Assert.AreSame(objects[count - 1], instance.GetFunction("make")!.Call(count - 1)[0].AsExternRef());
        return weak;
    }

    [TestMethod]
    public void FuncrefParametersAndResultsAreRefusedNamingWamrsMissingConversion()
    {
        NotSupportedException parameter = Assert.ThrowsExactly<NotSupportedException>(
            () => Func.FromCallback(Store, FuncType.Of([ValKind.FuncRef], []), (a, r) => { }));
        StringAssert.Contains(parameter.Message, "(func (param funcref))");
        StringAssert.Contains(parameter.Message, "argv_to_params");
        StringAssert.Contains(parameter.Message, "no funcref case");
        NotSupportedException result = Assert.ThrowsExactly<NotSupportedException>(
            () => Func.FromCallback(Store, FuncType.Of([ValKind.ExternRef], [ValKind.FuncRef]), (a, r) => { }));
        StringAssert.Contains(result.Message, "results_to_argv");
        Assert.ThrowsExactly<NotSupportedException>(() => Func.FromCallback(Store, (Func? f) => 1));
        Assert.ThrowsExactly<NotSupportedException>(() => Func.FromCallback(Store, (string s) => 1));
    }

    [TestMethod]
    public void AnExportedFunctionWithExternrefsIsNotForwardedToAnotherInstance()
    {
        Instance first = InstantiateRefs(UntypedEcho(), UntypedMake([null]));
        Func identity = first.GetFunction("identity")!;
        NotSupportedException refused = Assert.ThrowsExactly<NotSupportedException>(
            () => InstantiateRefs(identity, UntypedMake([null])));
        StringAssert.Contains(refused.Message, "wasm_func_call");
        StringAssert.Contains(refused.Message, "externref");
    }

    [TestMethod]
    public void AnUnknownObjectInAHostFunctionsResultIsAnObjectNotATrap()
    {
        // Any object may be returned, also one .NET never passed in before: the host function makes its foreign.
        var fresh = new Uri("https://example.org/");
        Func make = Func.FromCallback(Store, MakeType, (args, results) => results[0] = Val.ExternRef(fresh));
        Instance instance = InstantiateRefs(UntypedEcho(), make);
        Assert.AreSame(fresh, instance.GetFunction("make")!.Call(0)[0].AsExternRef());
        Assert.AreSame(fresh, Foreign.For(Store, fresh).Value);
    }

    [TestMethod]
    public void AWrongResultKindFromAnUntypedHostFunctionIsATrap()
    {
        bool wrong = true;
        var token = new object();
        Func make = Func.FromCallback(Store, MakeType, (args, results) => results[0] = wrong ? Val.I32(1) : Val.ExternRef(token));
        Instance instance = InstantiateRefs(UntypedEcho(), make);
        TrapException trap = Assert.ThrowsExactly<TrapException>(() => instance.GetFunction("make")!.Call(0));
        Assert.IsInstanceOfType<InvalidOperationException>(trap.InnerException);
        StringAssert.Contains(trap.InnerException!.Message, "externref");
        wrong = false;
        Assert.AreSame(token, instance.GetFunction("make")!.Call(0)[0].AsExternRef(), "the instance stays usable");
    }
}
