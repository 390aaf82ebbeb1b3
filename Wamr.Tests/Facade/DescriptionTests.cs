using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>How the façade's objects describe themselves (ToString), for logs and debugging.</summary>
[TestClass]
public sealed class DescriptionTests : FacadeTest
{
    [TestMethod]
    public void ExternsPrintTheirNameAndType()
    {
        Instance memory = Instantiate("memory");
        Assert.AreEqual("\"mem\" (memory 1 3)", memory.GetMemory("mem")!.ToString());
        Assert.AreEqual("\"load\" (func (param i32) (result i32))", memory.GetExport("load")!.ToString());
        Global factor = Global.Create(Store, new GlobalType(ValType.F64, Mutability.Const), Val.F64(0.5));
        Global imported = Global.Create(Store, new GlobalType(ValType.I32, Mutability.Var), Val.I32(0));
        Instance globals = Instantiate("globals", imported, factor);
        Assert.AreEqual("\"var_i64\" (global (mut i64))", globals.GetGlobal("var_i64")!.ToString());
        Assert.AreEqual("\"funcs\" (table 4 8 funcref)", Instantiate("table").GetTable("funcs")!.ToString());
        Assert.AreEqual("(global f64)", factor.ToString());
        StringAssert.StartsWith(globals.ToString(), "Instance of (module (import \"env\" \"imported\" (global (mut i32)))");
        Assert.AreEqual("Foreign(payload)", Foreign.For(Store, "payload").ToString());
        Assert.AreSame(Store, Foreign.For(Store, "payload").Store);
        StringAssert.StartsWith(Store.ToString(), "Store (thread ");
        Assert.AreEqual("Engine (system allocator)", Engine.ToString());
    }

    [TestMethod]
    public void TrapsPrintTheirBacktrace()
    {
        TrapException e = Assert.ThrowsExactly<TrapException>(() => Instantiate("trap").GetFunction("outer")!.Call());
        string[] lines = e.Trap.ToString().Split(Environment.NewLine);
        Assert.AreEqual(4, lines.Length);
        Assert.AreEqual("unreachable", lines[0]);
        StringAssert.StartsWith(lines[1], "  #00 func 0 \"inner\" (export \"inner\") @ 0x");
        StringAssert.StartsWith(lines[2], "  #01 func 1 \"middle\" @ 0x");
        StringAssert.StartsWith(lines[3], "  #02 func 2 \"outer\" (export \"outer\") @ 0x");
        Assert.AreEqual(e.Trap.ToString(), e.Message);
        Assert.AreEqual(e.Frames[0].ToString(), e.Origin!.ToString());
    }

    [TestMethod]
    public void LinkProblemsNameTheImport()
    {
        var problem = new LinkProblem(new ImportType("env", "f", FuncType.Of([], [])), "missing");
        Assert.AreEqual("env::f (expected (func)): missing", problem.ToString());
        var exception = new LinkException([problem]);
        StringAssert.Contains(exception.Message, "  env::f (expected (func)): missing");
        Assert.AreSame(problem, exception.Problems[0]);
    }
}
