using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary><see cref="Val"/>: construction, conversion, equality, text.</summary>
[TestClass]
public sealed class ValTests
{
    [TestMethod]
    public void NumbersRoundTripAndPrintAsConstants()
    {
        Assert.AreEqual(-3, Val.I32(-3).AsI32());
        Assert.AreEqual(long.MinValue, Val.I64(long.MinValue).AsI64());
        Assert.AreEqual(1.5f, Val.F32(1.5f).AsF32());
        Assert.AreEqual(-2.25, Val.F64(-2.25).AsF64());
        Assert.AreEqual("(i32.const -3)", Val.I32(-3).ToString());
        Assert.AreEqual("(i64.const 9)", Val.I64(9).ToString());
        Assert.AreEqual("(f32.const 1.5)", Val.F32(1.5f).ToString());
        Assert.AreEqual("(f64.const nan)", Val.F64(double.NaN).ToString());
        Assert.AreEqual("(f64.const -inf)", Val.F64(double.NegativeInfinity).ToString());
        Assert.AreEqual("(ref.null func)", Val.FuncRef(null).ToString());
        Assert.AreEqual("(ref.null extern)", Val.ExternRef(null).ToString());
        Assert.AreEqual("(ref.extern x)", Val.ExternRef("x").ToString());
    }

    [TestMethod]
    public void ImplicitConversionsPickTheKind()
    {
        Val i = 5, l = 5L, f = 5f, d = 5d;
        Assert.AreEqual(ValKind.I32, i.Kind);
        Assert.AreEqual(ValKind.I64, l.Kind);
        Assert.AreEqual(ValKind.F32, f.Kind);
        Assert.AreEqual(ValKind.F64, d.Kind);
    }

    [TestMethod]
    public void EqualityIsByKindAndBits()
    {
        Assert.AreEqual(Val.I32(1), (Val)1);
        Assert.AreNotEqual(Val.I32(1), Val.I64(1));
        Assert.AreEqual(Val.F64(double.NaN), Val.F64(double.NaN));
        Assert.AreNotEqual(Val.F64(0.0), Val.F64(-0.0));
        Assert.AreEqual(Val.I32(7).GetHashCode(), Val.I32(7).GetHashCode());
        object o = new();
        Assert.AreEqual(Val.ExternRef(o), Val.ExternRef(o));
        Assert.AreNotEqual(Val.ExternRef(o), Val.ExternRef(new object()));
        Assert.AreEqual(Val.ExternRef(o).GetHashCode(), Val.ExternRef(o).GetHashCode());
        Assert.IsTrue(Val.FuncRef(null) == Val.Default(ValKind.FuncRef));
        Assert.IsTrue(Val.I32(1) != Val.I32(2));
        Assert.IsFalse(Val.I32(1).Equals("1"));
    }

    [TestMethod]
    public void ReadingTheWrongKindThrows()
    {
        InvalidOperationException e = Assert.ThrowsExactly<InvalidOperationException>(() => Val.I64(1).AsI32());
        StringAssert.Contains(e.Message, "i64");
        Assert.ThrowsExactly<InvalidOperationException>(() => Val.I32(1).AsF64());
        Assert.ThrowsExactly<InvalidOperationException>(() => Val.I32(1).AsF32());
        Assert.ThrowsExactly<InvalidOperationException>(() => Val.I32(1).AsI64());
        Assert.ThrowsExactly<InvalidOperationException>(() => Val.I32(1).AsFunc());
        Assert.ThrowsExactly<InvalidOperationException>(() => Val.FuncRef(null).AsExternRef());
    }

    [TestMethod]
    public void DefaultsAreZeroOrNull()
    {
        Assert.AreEqual(Val.I64(0), Val.Default(ValKind.I64));
        Assert.IsTrue(Val.Default(ValKind.ExternRef).IsNull);
        Assert.IsFalse(Val.I32(0).IsNull);
        Assert.IsTrue(Val.FuncRef(null).IsReference);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Val.Default((ValKind)9));
    }

    [TestMethod]
    public void ReferencesHoldTheirTargetAndCompareByIdentity()
    {
        using var engine = new Engine();
        using var store = new Store(engine);
        Func function = Func.FromCallback(store, () => { });
        Func other = Func.FromCallback(store, () => { });
        Val reference = Val.FuncRef(function);
        Assert.AreSame(function, reference.AsFunc());
        Assert.IsTrue(reference.IsReference);
        Assert.IsFalse(reference.IsNull);
        Assert.AreEqual(ValKind.FuncRef, reference.Kind);
        Assert.AreEqual("(ref.func host (func))", reference.ToString());
        Assert.IsTrue(reference.Equals(Val.FuncRef(function)));
        Assert.IsFalse(reference.Equals(Val.FuncRef(other)));
        Assert.IsFalse(reference.Equals(Val.FuncRef(null)));
        Assert.IsFalse(reference.Equals(Val.ExternRef(function)), "the same object as an externref is another value");
        Assert.IsNull(Val.FuncRef(null).AsFunc());

        var payload = new object();
        Val external = Val.ExternRef(payload);
        Assert.AreSame(payload, external.AsExternRef());
        Assert.IsFalse(external.IsNull);
        Assert.IsNull(Val.ExternRef(null).AsExternRef());
        Assert.ThrowsExactly<InvalidOperationException>(() => external.AsFunc());
        Assert.ThrowsExactly<InvalidOperationException>(() => external.AsI32());
    }

    [TestMethod]
    public void EqualsOfValComparesKindAndBits()
    {
        Assert.IsTrue(Val.I64(-1).Equals(Val.I64(-1)));
        Assert.IsFalse(Val.I64(-1).Equals(Val.I32(-1)));
        Assert.IsFalse(Val.F32(1f).Equals(Val.I32(BitConverter.SingleToInt32Bits(1f))), "same bits, another kind");
        Assert.IsTrue(Val.F32(float.NaN).Equals(Val.F32(float.NaN)));
        Assert.IsFalse(Val.F32(0f).Equals(Val.F32(-0f)));
        Assert.IsTrue(Val.F64(2.5).Equals((object)Val.F64(2.5)));
        Assert.IsFalse(Val.F64(2.5).Equals((object)2.5));
    }
}
