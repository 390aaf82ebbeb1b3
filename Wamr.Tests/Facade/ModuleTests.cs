using System;
using System.IO;
using System.Linq;
using System.Threading;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary><see cref="Module"/> and <see cref="SharedModule"/>: loading, validation, imports and exports, sharing.</summary>
[TestClass]
public sealed class ModuleTests : FacadeTest
{
    [TestMethod]
    public void LoadsFromBytesSpanFileAndStreamAlike()
    {
        byte[] bytes = ModuleBytes("arith");
        using var stream = new MemoryStream(bytes);
        Module[] modules =
        [
            Module.FromBytes(Store, bytes),
            Module.FromBytes(Store, bytes.AsSpan()),
            Module.FromFile(Store, ModulePath("arith")),
            Module.FromStream(Store, stream),
        ];
        foreach (Module module in modules)
        {
            Assert.AreSame(Store, module.Store);
            CollectionAssert.AreEqual(modules[0].Exports.ToArray(), module.Exports.ToArray());
            Assert.AreEqual(5, new Instance(Store, module).GetFunction<int, int, int>("add")!(2, 3));
        }

        Assert.AreEqual("(export \"add\" (func (param i32 i32) (result i32)))", modules[0].Exports[0].ToString());
        Assert.AreEqual(0, modules[0].Imports.Count);
        StringAssert.StartsWith(modules[0].ToString(), "(module (export \"add\"");
    }

    [TestMethod]
    public void ImportsAndExportsAreListedWithTheirTypes()
    {
        Module module = Load("host");
        CollectionAssert.AreEqual(
            new[] { "env::add", "env::scale", "env::record", "env::fail", "env::reenter" },
            module.Imports.Select(i => i.QualifiedName).ToArray());
        Assert.AreEqual(FuncType.Of([ValKind.F64], [ValKind.F64]), module.Imports[1].Type);
        Assert.AreEqual("call_add", module.Exports[0].Name);
        Assert.AreEqual(ExternKind.Func, module.Exports[0].Type.Kind);
    }

    [TestMethod]
    public void InvalidBinariesAreRejectedWithWamrsReason()
    {
        WasmException garbage = Assert.ThrowsExactly<WasmException>(() => Module.FromBytes(Store, [1, 2, 3, 4, 5, 6, 7, 8]));
        StringAssert.Contains(garbage.Message, "magic header not detected");
        WasmException truncated = Assert.ThrowsExactly<WasmException>(() => Module.FromBytes(Store, ModuleBytes("arith")[..20]));
        StringAssert.Contains(truncated.Message, "WAMR rejected the module");
        WasmException empty = Assert.ThrowsExactly<WasmException>(() => Module.FromBytes(Store, ReadOnlySpan<byte>.Empty));
        StringAssert.Contains(empty.Message, "empty");
    }

    [TestMethod]
    public void ValidateSaysWhetherAndWhy()
    {
        Assert.IsTrue(Module.Validate(Store, ModuleBytes("memory")));
        Assert.IsTrue(Module.Validate(Store, ModuleBytes("memory"), out string? none));
        Assert.IsNull(none);
        Assert.IsFalse(Module.Validate(Store, "\0asm\u0002\0\0\0"u8, out string? error));
        StringAssert.Contains(error, "version");
        Assert.IsFalse(Module.Validate(Store, ReadOnlySpan<byte>.Empty));
    }

    [TestMethod]
    public void NullArgumentsAreRejected()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => Module.FromBytes(null!, ModuleBytes("arith")));
        Assert.ThrowsExactly<ArgumentNullException>(() => Module.FromBytes(Store, (byte[])null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => Module.FromFile(Store, null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => Module.FromStream(Store, null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => Module.Validate(null!, ModuleBytes("arith")));
        Assert.ThrowsExactly<ArgumentNullException>(() => Module.Obtain(Store, null!));
        Assert.ThrowsExactly<FileNotFoundException>(() => Module.FromFile(Store, ModulePath("no-such-module")));
    }

    [TestMethod]
    public void DisposedModuleCannotBeSharedOrInstantiated()
    {
        Module module = Load("arith");
        module.Dispose();
        Assert.IsTrue(module.IsDisposed);
        Assert.ThrowsExactly<ObjectDisposedException>(() => module.Share());
        Assert.ThrowsExactly<ObjectDisposedException>(() => new Instance(Store, module));
        Assert.ThrowsExactly<ObjectDisposedException>(() => module.Serialize());
    }

    [TestMethod]
    public void SerializationNeedsAJitBuildAndSaysSo()
    {
        NotSupportedException serialize = Assert.ThrowsExactly<NotSupportedException>(() => Load("arith").Serialize());
        StringAssert.Contains(serialize.Message, "JIT");
        NotSupportedException deserialize = Assert.ThrowsExactly<NotSupportedException>(() => Module.Deserialize(Store, ModuleBytes("arith")));
        StringAssert.Contains(deserialize.Message, "JIT");
    }

    [TestMethod]
    public void ASharedModuleRunsInAnotherThreadsStoreAndOutlivesItsOrigin()
    {
        var origin = new Store(Engine);
        using SharedModule shared = Module.FromFile(origin, ModulePath("arith")).Share();
        origin.Dispose();
        Assert.AreEqual(12, shared.Exports.Count);
        Assert.AreEqual(0, shared.Imports.Count);

        int[] results = new int[4];
        Thread[] threads = Enumerable.Range(0, results.Length).Select(i => new Thread(() =>
        {
            using var store = new Store(Engine);
            var instance = new Instance(store, Module.Obtain(store, shared));
            Func<int, int, int> add = instance.GetFunction<int, int, int>("add")!;
            int sum = 0;
            for (int k = 0; k < 1000; k++)
            {
                sum = add(sum, i);
            }

            results[i] = sum;
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        CollectionAssert.AreEqual(new[] { 0, 1000, 2000, 3000 }, results);
        shared.Dispose();
        Assert.IsTrue(shared.IsDisposed);
        Assert.ThrowsExactly<ObjectDisposedException>(() => Module.Obtain(Store, shared));
    }
}
