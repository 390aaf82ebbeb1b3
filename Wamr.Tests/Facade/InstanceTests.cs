using System;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary><see cref="Instance"/>: exports by name and index, options, and every import check made before WAMR runs.</summary>
[TestClass]
public sealed class InstanceTests : FacadeTest
{
    [TestMethod]
    public void ExportsAreFoundByNameAndByIndex()
    {
        Instance instance = Instantiate("memory");
        Assert.AreEqual(5, instance.Exports.Count);
        Assert.AreSame(instance.GetExport(0), instance.GetMemory("mem"));
        Assert.AreSame(instance.GetExport("load"), instance.GetFunction("load"));
        Assert.AreEqual("load", instance.GetExport(1).Name);
        Assert.AreSame(instance, instance.GetExport(1).Instance);
        Assert.IsNull(instance.GetExport("missing"));
        Assert.IsNull(instance.GetFunction("mem"), "an export of another kind is not a function");
        Assert.IsNull(instance.GetGlobal("load"));
        Assert.IsNull(instance.GetTable("load"));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => instance.GetExport(5));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => instance.GetExport(-1));
        Assert.ThrowsExactly<ArgumentNullException>(() => instance.GetExport(null!));
        Assert.IsNull(instance.GetFunction<int, int>("nope"));
    }

    [TestMethod]
    public void DefaultOptionsGiveNoAppHeapAndTheHeapSizeIsConfigurable()
    {
        Module module = Load("memory");
        var spec = new Instance(Store, module);
        Assert.AreEqual(1, spec.GetFunction<int>("size")!());
        Assert.AreEqual(65536L, spec.GetMemory("mem")!.Length);

        // WAMR's app heap is carved into linear memory: a 64 KiB heap adds a page.
        var withHeap = new Instance(Store, module, [], new InstanceOptions { HeapSize = 64 * 1024 });
        Assert.IsTrue(withHeap.GetMemory("mem")!.Length > 65536L, withHeap.GetMemory("mem")!.Length.ToString());
        Assert.AreEqual(InstanceOptions.DefaultStackSize, InstanceOptions.Default.StackSize);
    }

    [TestMethod]
    public void ASmallStackOverflowsSooner()
    {
        Module module = Load("trap");
        var tiny = new Instance(Store, module, [], new InstanceOptions { StackSize = 2048 });
        TrapException trap = Assert.ThrowsExactly<TrapException>(() => tiny.GetFunction("recurse")!.Call(1));
        StringAssert.Contains(trap.TrapMessage, "stack overflow");
    }

    [TestMethod]
    public void MissingAndMistypedImportsAreAllListed()
    {
        Module module = Load("host");
        Func wrongType = Func.FromCallback(Store, (int x) => x);
        LinkException e = Assert.ThrowsExactly<LinkException>(
            () => new Instance(Store, module, [wrongType, null, null, Func.FromCallback(Store, () => { }), null]));
        Assert.AreEqual(4, e.Problems.Count);
        StringAssert.Contains(e.Message, "env::add (expected (func (param i32 i32) (result i32))): got (func (param i32) (result i32)) instead");
        StringAssert.Contains(e.Message, "env::scale (expected (func (param f64) (result f64))): missing");
        StringAssert.Contains(e.Message, "env::record");
        StringAssert.Contains(e.Message, "env::reenter");
        Assert.IsFalse(e.Message.Contains("env::fail", StringComparison.Ordinal));
    }

    [TestMethod]
    public void GlobalImportsAreCheckedForKindAndMutability()
    {
        Module module = Load("globals");
        Global constant = Global.Create(Store, new GlobalType(ValType.I32, Mutability.Const), Val.I32(1));
        Global factor = Global.Create(Store, new GlobalType(ValType.F64, Mutability.Const), Val.F64(2));
        LinkException e = Assert.ThrowsExactly<LinkException>(() => new Instance(Store, module, constant, factor));
        StringAssert.Contains(e.Message, "env::imported (expected (global (mut i32))): got (global i32) instead");
        Assert.AreEqual(1, e.Problems.Count);
    }

    [TestMethod]
    public void WrongImportCountIsAnArgumentError()
    {
        ArgumentException e = Assert.ThrowsExactly<ArgumentException>(() => Instantiate("host"));
        StringAssert.Contains(e.Message, "needs 5 import(s)");
        Assert.ThrowsExactly<ArgumentException>(() => Instantiate("arith", Func.FromCallback(Store, () => { })));
    }

    [TestMethod]
    public void ObjectsOfAnotherStoreAreRejected()
    {
        using var other = new Store(Engine);
        Module foreignModule = Module.FromFile(other, ModulePath("arith"));
        Assert.ThrowsExactly<ArgumentException>(() => new Instance(Store, foreignModule));
        Func foreignFunction = Func.FromCallback(other, (int a, int b) => a + b);
        Module host = Load("host");
        Extern?[] imports = host.Imports.Select(_ => (Extern?)foreignFunction).ToArray();
        ArgumentException e = Assert.ThrowsExactly<ArgumentException>(() => new Instance(Store, host, imports));
        StringAssert.Contains(e.Message, "another store");
    }

    [TestMethod]
    public void NullArgumentsAreRejected()
    {
        Module module = Load("arith");
        Assert.ThrowsExactly<ArgumentNullException>(() => new Instance(null!, module));
        Assert.ThrowsExactly<ArgumentNullException>(() => new Instance(Store, null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => new Instance(Store, module, (Extern?[])null!));
    }

    [TestMethod]
    public void AStartFunctionWithoutImportsRuns()
    {
        Assert.AreEqual(1, Instantiate("start_ok").GetFunction<int>("ready")!());
    }

    [TestMethod]
    public void AStartFunctionThatTrapsFailsInstantiationWithATrap()
    {
        TrapException e = Assert.ThrowsExactly<TrapException>(() => Instantiate("start_trap"));
        StringAssert.Contains(e.Message, "unreachable");
    }

    [TestMethod]
    public void ADataSegmentOutOfBoundsFailsInstantiationWithATrap()
    {
        TrapException e = Assert.ThrowsExactly<TrapException>(() => Instantiate("data_trap"));
        Assert.AreEqual("out of bounds memory access", e.TrapMessage);
    }

    [TestMethod]
    public void AnElementSegmentOutOfBoundsFailsInstantiationWithATrap()
    {
        TrapException e = Assert.ThrowsExactly<TrapException>(() => Instantiate("elem_trap"));
        Assert.AreEqual("out of bounds table access", e.TrapMessage);
    }

    [TestMethod]
    public void DisposedInstanceMakesItsExportsUnusable()
    {
        Instance instance = Instantiate("arith");
        Func add = instance.GetFunction("add")!;
        Func<int> answer = instance.GetFunction<int>("answer")!;
        instance.Dispose();
        Assert.IsTrue(instance.IsDisposed);
        Assert.IsTrue(add.IsDisposed);
        Assert.ThrowsExactly<ObjectDisposedException>(() => add.Call(1, 2));
        Assert.ThrowsExactly<ObjectDisposedException>(() => answer());
        Assert.ThrowsExactly<ObjectDisposedException>(() => instance.GetFunction("add"));
        Assert.IsFalse(Store.IsDisposed);
        StringAssert.Contains(instance.ToString(), "disposed");
    }

    [TestMethod]
    public void MemoryAndTableImportsAreReportedAsUnsupported()
    {
        // WAMR 1.1.2 refuses memory and table imports.
        Module module = Load("memory_import");
        // Declared as (memory 1): WAMR 1.1.2 reports the import's maximum as 1.
        Assert.AreEqual("(import \"env\" \"mem\" (memory 1 1))", module.Imports[0].ToString());
        LinkException e = Assert.ThrowsExactly<LinkException>(() => new Instance(Store, module, [null]));
        StringAssert.Contains(e.Message, "cannot import a memory");
    }

    [TestMethod]
    public void AnInstanceKnowsItsStoreModuleAndExports()
    {
        Module module = Load("memory");
        var instance = new Instance(Store, module, [], null);
        Assert.AreSame(Store, instance.Store);
        Assert.AreSame(module, instance.Module);
        CollectionAssert.AreEqual(module.Exports.Select(e => e.Name).ToArray(), instance.Exports.Select(e => e.Name).ToArray());
        Assert.AreEqual(65536L, instance.GetMemory("mem")!.Length, "null options are the defaults: no app heap");
        Assert.AreSame(instance.GetExport(2), instance.GetFunction("store"));
    }

    [TestMethod]
    public void EveryLookupOfADisposedInstanceThrowsObjectDisposedException()
    {
        Instance instance = Instantiate("memory");
        Memory memory = instance.GetMemory("mem")!;
        instance.Dispose();
        instance.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => instance.GetExport(0));
        Assert.ThrowsExactly<ObjectDisposedException>(() => instance.GetMemory("mem"));
        Assert.ThrowsExactly<ObjectDisposedException>(() => instance.GetGlobal("mem"));
        Assert.ThrowsExactly<ObjectDisposedException>(() => instance.GetTable("mem"));
        Assert.ThrowsExactly<ObjectDisposedException>(() => instance.GetAction<int, int>("store"));
        Assert.ThrowsExactly<ObjectDisposedException>(() => memory.Read<int>(0));
        Assert.IsTrue(memory.IsDisposed);
        Assert.IsFalse(Instantiate("memory").GetMemory("mem")!.IsDisposed, "another instance of the module is not affected");
    }

    [TestMethod]
    public void LookupsCheckTheirNameArgument()
    {
        Instance instance = Instantiate("memory");
        Assert.AreEqual("name", Assert.ThrowsExactly<ArgumentNullException>(() => instance.GetMemory(null!)).ParamName);
        Assert.AreEqual("name", Assert.ThrowsExactly<ArgumentNullException>(() => instance.GetGlobal(null!)).ParamName);
        Assert.AreEqual("name", Assert.ThrowsExactly<ArgumentNullException>(() => instance.GetTable(null!)).ParamName);
        Assert.AreEqual("name", Assert.ThrowsExactly<ArgumentNullException>(() => instance.GetFunction(null!)).ParamName);
        Assert.AreEqual("name", Assert.ThrowsExactly<ArgumentNullException>(() => instance.GetAction(null!)).ParamName);
        Assert.IsNull(instance.GetMemory("load"), "an export of another kind is not a memory");
        Assert.IsNull(instance.GetAction("missing"));
    }

    [TestMethod]
    public void AnImportFromADisposedInstanceOrOfAnotherStoreIsRefused()
    {
        Instance math = Instantiate("arith");
        Global offset = Global.Create(Store, new GlobalType(ValType.I32, Mutability.Const), Val.I32(1));
        Module linking = Load("linking");
        math.Dispose();
        LinkException e = Assert.ThrowsExactly<LinkException>(
            () => new Instance(Store, linking, math.Exports[0], math.Exports[5], offset));
        Assert.AreEqual(2, e.Problems.Count);
        Assert.AreEqual("the object given is disposed", e.Problems[0].Reason);

        using var other = new Store(Engine);
        Global foreignGlobal = Global.Create(other, new GlobalType(ValType.I32, Mutability.Const), Val.I32(1));
        Instance fresh = Instantiate("arith");
        ArgumentException wrongStore = Assert.ThrowsExactly<ArgumentException>(
            () => new Instance(Store, linking, fresh.GetFunction("add"), fresh.GetFunction("answer"), foreignGlobal));
        Assert.AreEqual("imports", wrongStore.ParamName);
        StringAssert.Contains(wrongStore.Message, "host::offset");
        Assert.AreEqual(1000 + 1 + 42, new Instance(Store, linking, fresh.GetFunction("add"), fresh.GetFunction("answer"),
            Global.Create(Store, new GlobalType(ValType.I32, Mutability.Const), Val.I32(1000))).GetFunction<int, int>("add_answer")!(1));
    }

    [TestMethod]
    public void InstanceOptionsAreValues()
    {
        var options = new InstanceOptions { StackSize = 4096, HeapSize = 8192 };
        Assert.AreEqual(4096u, options.StackSize);
        Assert.AreEqual(8192u, options.HeapSize);
        Assert.AreEqual(0u, InstanceOptions.Default.HeapSize);
        Assert.AreEqual(new InstanceOptions { StackSize = 4096, HeapSize = 8192 }, options);
        Assert.IsTrue(options == new InstanceOptions { StackSize = 4096, HeapSize = 8192 });
        Assert.IsTrue(options != InstanceOptions.Default);
        InstanceOptions bigger = options with { HeapSize = 16384 };
        Assert.AreEqual(16384u, bigger.HeapSize);
        Assert.AreEqual(4096u, bigger.StackSize);
        Assert.AreEqual(8192u, options.HeapSize, "with makes a copy");
    }

    [TestMethod]
    public void StackSizesWamrCannotUseFailWithExceptions()
    {
        // Measured in a separate process first: neither crashes. A 1-byte stack overflows on the first call; a stack
        // WAMR cannot allocate fails the instantiation.
        Module module = Load("arith");
        var tiny = new Instance(Store, module, [], new InstanceOptions { StackSize = 1 });
        StringAssert.Contains(Assert.ThrowsExactly<TrapException>(() => tiny.GetFunction<int>("answer")!()).TrapMessage, "stack overflow");
        WasmException huge = Assert.ThrowsExactly<WasmException>(() => new Instance(Store, module, [], new InstanceOptions { StackSize = uint.MaxValue }));
        StringAssert.Contains(huge.Message, "exec env");
        Assert.AreEqual(42, new Instance(Store, module).GetFunction<int>("answer")!(), "the store stays usable");
    }
}
