using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Aot;

/// <summary>
/// externref parameters and results of host functions called from precompiled code: WAMR's AOT runtime reaches a host
/// function through the same trampoline as the interpreter (<c>wasm_runtime_invoke_c_api_native</c>), so objects keep
/// their identity and <c>ref.null</c> maps to null both ways. Module: <c>Facade/Modules/host_refs.wat</c>.
/// </summary>
[TestClass]
public sealed class AotHostReferenceTests : CompilerTest
{
    [TestMethod]
    public void PrecompiledCodePassesObjectsToHostFunctionsAndBack()
    {
        object? seen = new();
        var made = new object();
        Func echo = Func.FromCallback(Store, (object? value) =>
        {
            seen = value;
            return value;
        });
        Func make = Func.FromCallback(Store, FuncType.Of([ValKind.I32], [ValKind.ExternRef]),
            (args, results) => results[0] = Val.ExternRef(args[0].AsI32() == 0 ? null : made));
        Func consume = Func.FromCallback(Store, (int a, object? b, long c, object? d, double e) => b == d ? a : -1);
        var instance = new Instance(Store, Module.FromPrecompiled(Store, Compiled("host_refs")), echo, make, consume);

        var token = new object();
        Assert.AreSame(token, instance.GetFunction("through_host")!.Call(Val.ExternRef(token))[0].AsExternRef());
        Assert.AreSame(token, seen);
        Assert.IsNull(instance.GetFunction("through_host")!.Call(Val.ExternRef(null))[0].AsExternRef());
        Assert.IsNull(seen);
        Assert.AreEqual(1, instance.GetFunction("null_through_host")!.Call()[0].AsI32(), "the host's null is ref.null");
        Assert.AreEqual(1, instance.GetFunction("make_is_null")!.Call(0)[0].AsI32());
        Assert.AreEqual(0, instance.GetFunction("make_is_null")!.Call(1)[0].AsI32());
        Assert.AreEqual(11, instance.GetFunction("mixed")!.Call(Val.ExternRef(token), Val.ExternRef(token))[0].AsI32());

        instance.GetFunction("store_made")!.Call(3, 1);
        Assert.AreSame(made, instance.GetTable("refs")!.Get(3).AsExternRef());
        Assert.AreEqual(1999, instance.GetFunction("make_many")!.Call(2000)[0].AsI32());
    }
}
