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

    [TestMethod]
    public void InstantiateTakesOptionsAndChecksTheStore()
    {
        Func add = Func.FromCallback(Store, (int a, int b) => a + b);
        var linker = new Linker();
        Assert.IsFalse(linker.AllowShadowing);
        Instance withHeap = linker.Instantiate(Store, Load("memory"), new InstanceOptions { HeapSize = 64 * 1024 });
        Assert.IsTrue(withHeap.GetMemory("mem")!.Length > 65536L, "the options reached WAMR: the app heap took a page");
        Assert.AreEqual(65536L, linker.Instantiate(Store, Load("memory")).GetMemory("mem")!.Length);

        using var other = new Store(Engine);
        Assert.AreEqual("module", Assert.ThrowsExactly<ArgumentException>(
            () => linker.Instantiate(Store, Module.FromFile(other, ModulePath("arith")))).ParamName);
        var foreign = new Linker()
            .Define("math", "add", Func.FromCallback(other, (int a, int b) => a + b))
            .Define("math", "answer", Func.FromCallback(other, () => 42))
            .Define("host", "offset", Global.Create(other, new GlobalType(ValType.I32, Mutability.Const), Val.I32(0)));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => foreign.Instantiate(Store, Load("linking"))).Message, "another store");
        Assert.AreEqual("module", Assert.ThrowsExactly<ArgumentNullException>(() => linker.Instantiate(Store, null!)).ParamName);
        Assert.AreEqual(5, add.AsFunc<int, int, int>()(2, 3));
    }

    [TestMethod]
    public void GetAndDefineNameTheirNullArgument()
    {
        var linker = new Linker();
        Assert.AreEqual("module", Assert.ThrowsExactly<ArgumentNullException>(() => linker.Get(null!, "f")).ParamName);
        Assert.AreEqual("name", Assert.ThrowsExactly<ArgumentNullException>(() => linker.Get("m", null!)).ParamName);
        Assert.AreEqual("item", Assert.ThrowsExactly<ArgumentNullException>(() => linker.Define("m", "f", null!)).ParamName);
        Assert.AreEqual("module", Assert.ThrowsExactly<ArgumentNullException>(() => linker.DefineInstance(null!, Instantiate("arith"))).ParamName);
        Assert.AreEqual("instance", Assert.ThrowsExactly<ArgumentNullException>(() => linker.DefineInstance("m", null!)).ParamName);
        Assert.IsNull(linker.Get("m", "f"));
        Assert.AreEqual(0, linker.Definitions.Count());
    }

    [TestMethod]
    public void DefineInstanceRefusesNamesDefinedAlready()
    {
        Instance first = Instantiate("arith");
        Instance second = Instantiate("arith");
        var linker = new Linker().DefineInstance("math", first);
        Assert.ThrowsExactly<ArgumentException>(() => linker.DefineInstance("math", second));
        Assert.AreSame(first.GetExport("add"), linker.Get("math", "add"));
        linker.AllowShadowing = true;
        Assert.IsTrue(linker.AllowShadowing);
        linker.DefineInstance("math", second);
        Assert.AreSame(second.GetExport("add"), linker.Get("math", "add"));
        CollectionAssert.AreEquivalent(second.Exports.ToArray(), linker.Definitions.Select(d => d.Value).ToArray());
    }
}
