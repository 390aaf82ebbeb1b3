using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>Typed delegates over references: <see cref="object"/> is <c>externref</c>, <see cref="Func"/> is
/// <c>funcref</c> (<c>refs.wat</c>), with the meaning they have on <see cref="Func.Call(Val[])"/>.</summary>
[TestClass]
public sealed class TypedReferenceDelegateTests : FacadeTest
{
    [TestMethod]
    public void ObjectsCrossAsExternrefs()
    {
        Instance refs = Instantiate("refs");
        Func<object?, object?> echo = refs.GetFunction<object?, object?>("echo_extern")!;
        var thing = new Uri("https://example.org/");
        Assert.AreSame(thing, echo(thing));
        Assert.IsNull(echo(null));

        Func<object?, int> isNull = refs.GetFunction<object?, int>("is_null_extern")!;
        Assert.AreEqual(1, isNull(null));
        Assert.AreEqual(0, isNull(thing));

        Action<int, object?> keep = refs.GetAction<int, object?>("keep")!;
        Func<int, object?> fetch = refs.GetFunction<int, object?>("fetch")!;
        keep(1, thing);
        Assert.AreSame(thing, fetch(1));
        Assert.AreSame(thing, refs.GetTable("things")!.Get(1).AsExternRef(), "the same object as the table's view");
    }

    [TestMethod]
    public void FunctionsCrossAsFuncrefs()
    {
        Instance refs = Instantiate("refs");
        Func seven = refs.GetFunction("seven")!;
        Func<int, Func?> get = refs.GetFunction<int, Func?>("get")!;
        Assert.AreSame(seven, get(0));
        Assert.IsNull(get(3));

        Func<Func?, int> callRef = refs.GetFunction<Func?, int>("call_ref")!;
        Assert.AreEqual(7, callRef(seven));
        Assert.AreEqual(1, refs.GetFunction<Func?, int>("is_null_func")!(null));

        Func<int, Func?, Func?, Func?> pick = refs.GetFunction<int, Func?, Func?, Func?>("pick")!;
        Func hidden = refs.GetFunction<Func?>("hidden_ref")!()!;
        Assert.AreSame(seven, pick(1, seven, hidden));
        Assert.AreSame(hidden, pick(0, seven, hidden));
        Assert.AreEqual(99, hidden.Call()[0].AsI32());
    }

    [TestMethod]
    public void TimedDelegatesCarryReferencesToo()
    {
        Instance refs = Instantiate("refs");
        var thing = new object();
        Assert.AreSame(thing, refs.GetFunction("echo_extern")!.AsFunc<object?, object?>(TimeSpan.FromSeconds(5))(thing));
    }

    [TestMethod]
    public void WrongKindsAreRefusedWhenTheDelegateIsMade()
    {
        Instance refs = Instantiate("refs");
        StringAssert.Contains(Assert.ThrowsExactly<InvalidOperationException>(() => refs.GetFunction<object?, int>("echo_extern")).Message, "externref");
        Assert.ThrowsExactly<InvalidOperationException>(() => refs.GetFunction<Func?, object?>("echo_extern"));
        Assert.ThrowsExactly<InvalidOperationException>(() => refs.GetFunction<int, object?>("get"));
        StringAssert.Contains(Assert.ThrowsExactly<NotSupportedException>(() => refs.GetFunction<string, string>("echo_extern")).Message, "object (externref)");
    }

    [TestMethod]
    public void AFunctionOfAnotherInstanceIsRefusedBeforeTheCall()
    {
        Instance refs = Instantiate("refs");
        Func other = Instantiate("refs").GetFunction("seven")!;
        Assert.ThrowsExactly<ArgumentException>(() => refs.GetFunction<Func?, int>("call_ref")!(other));
        Assert.AreEqual(7, refs.GetFunction<Func?, int>("call_ref")!(refs.GetFunction("seven")), "the instance stays usable");
    }
}
