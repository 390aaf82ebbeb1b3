using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary><see cref="Global"/>: exported and host globals, kind and mutability checks, WAMR's copy semantics.</summary>
[TestClass]
public sealed class GlobalTests : FacadeTest
{
    private Global _imported = null!;
    private Global _factor = null!;

    private Instance InstantiateGlobals()
    {
        _imported = Global.Create(Store, new GlobalType(ValType.I32, Mutability.Var), Val.I32(10));
        _factor = Global.Create(Store, new GlobalType(ValType.F64, Mutability.Const), Val.F64(0.5));
        return Instantiate("globals", _imported, _factor);
    }

    [TestMethod]
    public void ExportedGlobalsAreReadAndWrittenWithChecks()
    {
        Instance instance = InstantiateGlobals();
        Global constI32 = instance.GetGlobal("const_i32")!;
        Global varI64 = instance.GetGlobal("var_i64")!;
        Global varF32 = instance.GetGlobal("var_f32")!;
        Assert.AreEqual(Val.I32(7), constI32.Value);
        Assert.AreEqual(7, constI32.GetValue<int>());
        Assert.AreEqual(-5L, varI64.GetValue<long>());
        Assert.AreEqual(2.25, instance.GetGlobal("const_f64")!.GetValue<double>());
        Assert.AreEqual(Mutability.Const, constI32.Mutability);
        Assert.AreEqual(new GlobalType(ValType.I64, Mutability.Var), varI64.Type);
        Assert.AreEqual(ExternKind.Global, varI64.Kind);
        Assert.IsFalse(varI64.IsHostGlobal);

        varI64.Value = Val.I64(123);
        Assert.AreEqual(123L, instance.GetFunction<long>("get_var_i64")!());
        varF32.SetValue(2.5f);
        Assert.AreEqual(2.5f, varF32.GetValue<float>());

        InvalidOperationException immutable = Assert.ThrowsExactly<InvalidOperationException>(() => constI32.Value = 8);
        StringAssert.Contains(immutable.Message, "immutable");
        ArgumentException kind = Assert.ThrowsExactly<ArgumentException>(() => varI64.Value = Val.I32(1));
        StringAssert.Contains(kind.Message, "holds i64");
        Assert.ThrowsExactly<InvalidOperationException>(() => varI64.GetValue<int>());
        Assert.ThrowsExactly<InvalidOperationException>(() => varI64.SetValue(1.0));
        Assert.ThrowsExactly<NotSupportedException>(() => varI64.GetValue<short>());
    }

    [TestMethod]
    public void ReferenceGlobalsAreRefusedInsteadOfMisread()
    {
        Global reference = InstantiateGlobals().GetGlobal("ref")!;
        Assert.AreEqual(new GlobalType(ValType.FuncRef, Mutability.Var), reference.Type);
        Assert.ThrowsExactly<NotSupportedException>(() => reference.GetValue());
        Assert.ThrowsExactly<NotSupportedException>(() => reference.SetValue(Val.FuncRef(null)));
        Assert.ThrowsExactly<NotSupportedException>(
            () => Global.Create(Store, new GlobalType(ValType.ExternRef, Mutability.Const), Val.ExternRef(null)));
    }

    [TestMethod]
    public void HostGlobalsAreCopiedIntoTheInstanceAndThenFollowIt()
    {
        var type = new GlobalType(ValType.I32, Mutability.Var);
        Global host = Global.Create(Store, type, Val.I32(1));
        Assert.IsTrue(host.IsHostGlobal);
        Assert.IsNull(host.Instance);
        Assert.AreEqual(1, host.GetValue<int>());
        host.SetValue(10); // before instantiation: the value instances will copy
        Assert.AreEqual(10, host.GetValue<int>());

        Global factor = Global.Create(Store, new GlobalType(ValType.F64, Mutability.Const), Val.F64(0.5));
        Instance instance = Instantiate("globals", host, factor);
        Assert.AreEqual(10, instance.GetFunction<int>("get_imported")!());
        Assert.AreEqual(0.5, instance.GetFunction<double>("get_factor")!());

        // After instantiation WAMR points the host global at the instance's copy: both sides see changes.
        instance.GetAction<int>("set_imported")!(33);
        Assert.AreEqual(33, host.GetValue<int>());
        host.SetValue(44);
        Assert.AreEqual(44, instance.GetFunction<int>("get_imported")!());
    }

    [TestMethod]
    public void EachInstantiationImportsTheHostGlobalsCurrentValue()
    {
        Global host = Global.Create(Store, new GlobalType(ValType.I32, Mutability.Var), Val.I32(1));
        Global factor = Global.Create(Store, new GlobalType(ValType.F64, Mutability.Const), Val.F64(0.5));
        Instance first = Instantiate("globals", host, factor);
        first.GetAction<int>("set_imported")!(5);
        Instance second = Instantiate("globals", host, factor);
        Assert.AreEqual(5, second.GetFunction<int>("get_imported")!(), "the second instance copied the current value");
        host.SetValue(6);
        Assert.AreEqual(6, second.GetFunction<int>("get_imported")!(), "the host global now follows the second instance");
        Assert.AreEqual(5, first.GetFunction<int>("get_imported")!(), "the first instance keeps its own copy");
    }

    [TestMethod]
    public void AnExportedGlobalCanBeImportedByAnotherInstanceAsACopy()
    {
        Instance first = InstantiateGlobals();
        Global exported = first.GetGlobal("const_f64")!;
        Instance second = Instantiate("globals", _imported, exported);
        Assert.AreEqual(2.25, second.GetFunction<double>("get_factor")!());
    }

    [TestMethod]
    public void CreateChecksItsArguments()
    {
        var type = new GlobalType(ValType.I32, Mutability.Const);
        Assert.ThrowsExactly<ArgumentNullException>(() => Global.Create(null!, type, Val.I32(1)));
        Assert.ThrowsExactly<ArgumentNullException>(() => Global.Create(Store, null!, Val.I32(1)));
        Assert.ThrowsExactly<ArgumentException>(() => Global.Create(Store, type, Val.F32(1)));
        Global constant = Global.Create(Store, type, Val.I32(3));
        Assert.ThrowsExactly<InvalidOperationException>(() => constant.SetValue(Val.I32(4)));
        Assert.AreEqual("(global i32)", constant.ToString());
    }

    [TestMethod]
    public void TypedAccessWorksForEveryNumericKind()
    {
        Global i32 = Global.Create(Store, new GlobalType(ValType.I32, Mutability.Var), Val.I32(0));
        Global i64 = Global.Create(Store, new GlobalType(ValType.I64, Mutability.Var), Val.I64(0));
        Global f32 = Global.Create(Store, new GlobalType(ValType.F32, Mutability.Var), Val.F32(0));
        Global f64 = Global.Create(Store, new GlobalType(ValType.F64, Mutability.Var), Val.F64(0));
        i32.SetValue(int.MinValue);
        i64.SetValue(long.MaxValue);
        f32.SetValue(float.Epsilon);
        f64.SetValue(-0.0);
        Assert.AreEqual(int.MinValue, i32.GetValue<int>());
        Assert.AreEqual(long.MaxValue, i64.GetValue<long>());
        Assert.AreEqual(float.Epsilon, f32.GetValue<float>());
        Assert.AreEqual(Val.F64(-0.0), f64.Value, "the sign of zero is kept");
        f64.Value = Val.F64(3.5);
        Assert.AreEqual(Val.F64(3.5), f64.GetValue());
        Assert.AreEqual(Mutability.Var, f64.Mutability);
        Assert.AreEqual(new GlobalType(ValType.F64, Mutability.Var), ((Extern)f64).Type);
        Assert.ThrowsExactly<InvalidOperationException>(() => i32.SetValue(1L));
        Assert.ThrowsExactly<InvalidOperationException>(() => f32.GetValue<double>());
        Assert.ThrowsExactly<NotSupportedException>(() => i64.SetValue<ulong>(1));
        Assert.AreEqual("value", Assert.ThrowsExactly<ArgumentException>(() => f32.SetValue(Val.F64(1))).ParamName);
    }

    [TestMethod]
    public void GlobalsOfADisposedStoreOrInstanceThrowObjectDisposedException()
    {
        var store = new Store(Engine);
        Global host = Global.Create(store, new GlobalType(ValType.I32, Mutability.Var), Val.I32(1));
        Global factor = Global.Create(store, new GlobalType(ValType.F64, Mutability.Const), Val.F64(1));
        var instance = new Instance(store, Module.FromFile(store, ModulePath("globals")), host, factor);
        Global exported = instance.GetGlobal("var_i64")!;
        instance.Dispose();
        Assert.IsTrue(exported.IsDisposed);
        Assert.IsFalse(host.IsDisposed, "a host global belongs to the store, not to the instance");
        Assert.ThrowsExactly<ObjectDisposedException>(() => exported.GetValue());
        Assert.ThrowsExactly<ObjectDisposedException>(() => exported.SetValue(Val.I64(1)));
        Assert.ThrowsExactly<ObjectDisposedException>(() => exported.GetValue<long>());
        Assert.AreEqual(1, host.GetValue<int>());
        store.Dispose();
        Assert.IsTrue(host.IsDisposed);
        Assert.ThrowsExactly<ObjectDisposedException>(() => host.Value);
        Assert.ThrowsExactly<ObjectDisposedException>(() => host.SetValue(2));
        Assert.ThrowsExactly<ObjectDisposedException>(
            () => Global.Create(store, new GlobalType(ValType.I32, Mutability.Var), Val.I32(1)));
    }

    [TestMethod]
    public void CreateNamesTheWrongArgument()
    {
        var type = new GlobalType(ValType.I64, Mutability.Var);
        Assert.AreEqual("store", Assert.ThrowsExactly<ArgumentNullException>(() => Global.Create(null!, type, Val.I64(1))).ParamName);
        Assert.AreEqual("type", Assert.ThrowsExactly<ArgumentNullException>(() => Global.Create(Store, null!, Val.I64(1))).ParamName);
        Assert.AreEqual("value", Assert.ThrowsExactly<ArgumentException>(() => Global.Create(Store, type, Val.I32(1))).ParamName);
        Assert.AreEqual("value", Assert.ThrowsExactly<ArgumentException>(() => Global.Create(Store, type, Val.ExternRef(null))).ParamName);
    }
}
