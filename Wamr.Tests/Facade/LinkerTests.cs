using System;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary><see cref="Linker"/>: imports by name, other instances' exports, and the errors it lists.</summary>
[TestClass]
public sealed class LinkerTests : FacadeTest
{
    [TestMethod]
    public void ImportsAreResolvedByNameIncludingAnotherInstancesExports()
    {
        Instance math = Instantiate("arith");
        var linker = new Linker()
            .DefineInstance("math", math)
            .Define("host", "offset", Global.Create(Store, new GlobalType(ValType.I32, Mutability.Const), Val.I32(1000)));
        Instance instance = linker.Instantiate(Store, Load("linking"));
        // add_answer(x) = offset + math.add(x, math.answer())
        Assert.AreEqual(1000 + 8 + 42, instance.GetFunction<int, int>("add_answer")!(8));
        Assert.AreSame(math.GetExport("add"), linker.Get("math", "add"));
        Assert.IsNull(linker.Get("math", "nope"));
        Assert.AreEqual(math.Exports.Count + 1, linker.Definitions.Count());
    }

    [TestMethod]
    public void MissingDefinitionsAreAllListedBeforeWamrRuns()
    {
        var linker = new Linker().Define("math", "add", Func.FromCallback(Store, (int a, int b) => a + b));
        LinkException e = Assert.ThrowsExactly<LinkException>(() => linker.Instantiate(Store, Load("linking")));
        Assert.AreEqual(2, e.Problems.Count);
        StringAssert.Contains(e.Message, "math::answer (expected (func (result i32))): missing");
        StringAssert.Contains(e.Message, "host::offset (expected (global i32)): missing");
        Assert.AreEqual("host::offset", e.Problems[1].Import.QualifiedName);
    }

    [TestMethod]
    public void DuplicateDefinitionsNeedShadowing()
    {
        Func one = Func.FromCallback(Store, () => 1);
        Func two = Func.FromCallback(Store, () => 2);
        var linker = new Linker().Define("m", "f", one);
        Assert.ThrowsExactly<ArgumentException>(() => linker.Define("m", "f", two));
        linker.AllowShadowing = true;
        linker.Define("m", "f", two);
        Assert.AreSame(two, linker.Get("m", "f"));
        Assert.ThrowsExactly<ArgumentNullException>(() => linker.Define(null!, "f", one));
        Assert.ThrowsExactly<ArgumentNullException>(() => linker.Define("m", null!, one));
        Assert.ThrowsExactly<ArgumentNullException>(() => linker.Define("m", "f", null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => linker.DefineInstance("m", null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => linker.Instantiate(null!, Load("arith")));
    }
}
