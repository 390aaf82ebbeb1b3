using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary><see cref="Table"/>: funcref and externref elements, with the limits of WAMR's representation.</summary>
[TestClass]
public sealed class TableTests : FacadeTest
{
    [TestMethod]
    public void FuncrefElementsAreReadAsCallableFunctions()
    {
        Instance instance = Instantiate("table");
        Table funcs = instance.GetTable("funcs")!;
        Assert.AreEqual(4u, funcs.Size);
        Assert.AreEqual(ValKind.FuncRef, funcs.ElementKind);
        Assert.AreEqual(ExternKind.Table, funcs.Kind);
        Func eleven = funcs.Get(0).AsFunc()!;
        Assert.AreSame(instance.GetFunction("eleven"), eleven, "an exported function comes back as its export");
        Func twentyTwo = funcs.Get(1).AsFunc()!;
        Assert.AreEqual(22, twentyTwo.AsFunc<int>()());
        Assert.AreSame(twentyTwo, funcs.Get(1).AsFunc(), "repeated reads reuse one object");
        Assert.AreEqual(Val.FuncRef(null), funcs.Get(2));
    }

    [TestMethod]
    public void FuncrefElementsAreSetFromTheSameInstance()
    {
        Instance instance = Instantiate("table");
        Table funcs = instance.GetTable("funcs")!;
        Func<int, int> callAt = instance.GetFunction<int, int>("call_at")!;
        funcs.Set(2, Val.FuncRef(instance.GetFunction("eleven")));
        Assert.AreEqual(11, callAt(2));
        funcs.Set(2, funcs.Get(1));
        Assert.AreEqual(22, callAt(2));
        funcs.Set(2, Val.FuncRef(null));
        StringAssert.Contains(Assert.ThrowsExactly<TrapException>(() => callAt(2)).TrapMessage, "uninitialized element");

        Instance other = Instantiate("table");
        Assert.ThrowsExactly<ArgumentException>(() => funcs.Set(2, Val.FuncRef(other.GetFunction("eleven"))));
        Assert.ThrowsExactly<NotSupportedException>(() => funcs.Set(2, Val.FuncRef(Func.FromCallback(Store, () => 1))));
        Assert.ThrowsExactly<ArgumentException>(() => funcs.Set(2, Val.I32(0)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => funcs.Set(4, Val.FuncRef(null)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => funcs.Get(4));
    }

    [TestMethod]
    public void ExternrefElementsHoldDotNetObjects()
    {
        Instance instance = Instantiate("table");
        Table things = instance.GetTable("things")!;
        Func<int, int> isNull = instance.GetFunction<int, int>("is_null")!;
        Assert.AreEqual(Val.ExternRef(null), things.Get(0));
        Assert.AreEqual(1, isNull(0));
        var payload = new Uri("https://example.org/");
        things.Set(0, Val.ExternRef(payload));
        Assert.AreSame(payload, things.Get(0).AsExternRef());
        Assert.AreEqual(0, isNull(0));
        things.Set(1, Val.ExternRef(payload));
        Assert.AreSame(Foreign.For(Store, payload), Foreign.For(Store, payload), "one foreign per object");
        Assert.AreSame(payload, Foreign.For(Store, payload).Value);
        NotSupportedException nulls = Assert.ThrowsExactly<NotSupportedException>(() => things.Set(0, Val.ExternRef(null)));
        StringAssert.Contains(nulls.Message, "null externref");
        Assert.ThrowsExactly<ArgumentNullException>(() => Foreign.For(Store, null!));
    }

    [TestMethod]
    public void TablesGrowFromWasmOnly()
    {
        Instance instance = Instantiate("table");
        Table funcs = instance.GetTable("funcs")!;
        Assert.AreEqual(4, instance.GetFunction<int, int>("grow_funcs")!(2));
        Assert.AreEqual(6u, funcs.Size);
        Assert.AreEqual(Val.FuncRef(null), funcs.Get(5));
        NotSupportedException e = Assert.ThrowsExactly<NotSupportedException>(() => funcs.Grow(1));
        StringAssert.Contains(e.Message, "table.grow");
    }

    [TestMethod]
    public void ATableDescribesItsTypeAndRefusesTheOtherReferenceKind()
    {
        Instance instance = Instantiate("table");
        Table funcs = instance.GetTable("funcs")!;
        Table things = instance.GetTable("things")!;
        Assert.AreEqual(new TableType(ValType.FuncRef, new Limits(4, 8)), funcs.Type);
        Assert.AreSame(funcs.Type, ((Extern)funcs).Type);
        Assert.AreEqual(ValKind.ExternRef, things.ElementKind);
        Assert.AreEqual(2u, things.Size);
        Assert.AreEqual("value", Assert.ThrowsExactly<ArgumentException>(() => funcs.Set(0, Val.ExternRef("x"))).ParamName);
        Assert.AreEqual("value", Assert.ThrowsExactly<ArgumentException>(() => things.Set(0, Val.FuncRef(null))).ParamName);
        Assert.AreEqual("index", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => things.Get(2)).ParamName);
        Assert.AreEqual("index", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => things.Set(uint.MaxValue, Val.ExternRef("x"))).ParamName);
        Assert.AreEqual(Val.FuncRef(null), funcs.Get(3), "the last element");
    }

    [TestMethod]
    public void AFunctionOfAnotherStoreCannotBeStored()
    {
        using var other = new Store(Engine);
        var foreign = new Instance(other, Module.FromFile(other, ModulePath("table")));
        Table funcs = Instantiate("table").GetTable("funcs")!;
        Assert.ThrowsExactly<ArgumentException>(() => funcs.Set(0, Val.FuncRef(foreign.GetFunction("eleven"))));
        Assert.AreEqual(11, funcs.Get(0).AsFunc()!.AsFunc<int>()(), "the element is unchanged");
    }

    [TestMethod]
    public void TablesOfADisposedInstanceOrStoreThrowObjectDisposedException()
    {
        var store = new Store(Engine);
        var instance = new Instance(store, Module.FromFile(store, ModulePath("table")));
        Table funcs = instance.GetTable("funcs")!;
        Table things = instance.GetTable("things")!;
        Func eleven = instance.GetFunction("eleven")!;
        instance.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => funcs.Size);
        Assert.ThrowsExactly<ObjectDisposedException>(() => funcs.Get(0));
        Assert.ThrowsExactly<ObjectDisposedException>(() => funcs.Set(0, Val.FuncRef(eleven)));
        Assert.ThrowsExactly<ObjectDisposedException>(() => things.Set(0, Val.ExternRef("x")));
        Assert.ThrowsExactly<ObjectDisposedException>(() => funcs.Grow(1));
        store.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => things.Get(0));
        Assert.ThrowsExactly<ObjectDisposedException>(() => Foreign.For(store, "x"));
        Assert.AreEqual("store", Assert.ThrowsExactly<ArgumentNullException>(() => Foreign.For(null!, "x")).ParamName);
    }
}
