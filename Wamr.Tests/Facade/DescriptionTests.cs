using System;
using System.Linq;

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

    [TestMethod]
    public void TrapsExposeTheirMessageOriginAndFrames()
    {
        Instance instance = Instantiate("trap");
        TrapException e = Assert.ThrowsExactly<TrapException>(() => instance.GetAction("outer")!());
        Trap trap = e.Trap;
        Assert.AreEqual("unreachable", trap.Message);
        Assert.AreEqual(3, trap.Frames.Count);
        Assert.AreSame(trap.Frames, e.Frames);
        Assert.AreSame(trap.Origin, e.Origin);
        Assert.AreEqual(0u, trap.Origin!.FunctionIndex);
        CollectionAssert.AreEqual(new uint[] { 0, 1, 2 }, trap.Frames.Select(f => f.FunctionIndex).ToArray());
        foreach (Frame frame in trap.Frames)
        {
            // WAMR 1.1.2's interpreter reports no module offset; the function offset is the one the text shows.
            Assert.AreEqual(0ul, frame.ModuleOffset);
            StringAssert.EndsWith(frame.ToString(), " @ 0x" + frame.FunctionOffset.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
            Assert.AreSame(instance, frame.Instance);
        }

        // A trap can be carried again, with another cause.
        var cause = new InvalidOperationException("cause");
        var again = new TrapException(trap, cause);
        Assert.AreSame(trap, again.Trap);
        Assert.AreSame(cause, again.InnerException);
        Assert.AreEqual("unreachable", again.TrapMessage);
        Assert.AreEqual(trap.ToString(), again.Message);
        Assert.AreEqual("trap", Assert.ThrowsExactly<ArgumentNullException>(() => new TrapException((Trap)null!, null)).ParamName);
    }

    [TestMethod]
    public void ATrapOfAHostFunctionCalledFromDotNetHasNoFrames()
    {
        Func failing = Func.FromCallback(Store, () => throw new FormatException("bad"));
        TrapException e = Assert.ThrowsExactly<TrapException>(() => failing.Call());
        Assert.AreEqual(0, e.Trap.Frames.Count);
        Assert.IsNull(e.Trap.Origin);
        StringAssert.Contains(e.Trap.Message, "FormatException: bad");
    }

    [TestMethod]
    public void ExceptionsCarryTheirMessages()
    {
        Assert.AreEqual("m", new WasmException("m").Message);
        Assert.IsNull(new WasmException("m").InnerException);
        var inner = new InvalidOperationException();
        Assert.AreSame(inner, new LinkException("l", inner).InnerException);
        Assert.AreEqual("problems", Assert.ThrowsExactly<ArgumentNullException>(() => new LinkException((LinkProblem[])null!)).ParamName);
    }

    [TestMethod]
    public void LinkProblemsAreValues()
    {
        var import = new ImportType("env", "f", FuncType.Of([], []));
        var problem = new LinkProblem(import, "missing");
        Assert.AreSame(import, problem.Import);
        Assert.AreEqual("missing", problem.Reason);
        Assert.AreEqual(new LinkProblem(import, "missing"), problem);
        Assert.IsTrue(problem == new LinkProblem(import, "missing"));
        Assert.IsTrue(problem != new LinkProblem(import, "other"));
        LinkProblem changed = problem with { Reason = "other", Import = new ImportType("env", "g", import.Type) };
        Assert.AreEqual("env::g (expected (func)): other", changed.ToString());
        (ImportType deconstructedImport, string reason) = problem;
        Assert.AreSame(import, deconstructedImport);
        Assert.AreEqual("missing", reason);
    }
}
