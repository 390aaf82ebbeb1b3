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
    public void SerializationOfAWasmModuleNeedsTheCompilerAndSaysSo()
    {
        NotSupportedException serialize = Assert.ThrowsExactly<NotSupportedException>(() => Load("arith").Serialize());
        StringAssert.Contains(serialize.Message, "JIT");
        StringAssert.Contains(serialize.Message, "AotCompiler");
        PrecompiledModuleException deserialize = Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.Deserialize(Store, ModuleBytes("arith")));
        Assert.AreEqual(PrecompiledModuleProblem.WasmGivenAsPrecompiled, deserialize.Problem);
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

    [TestMethod]
    public void ADisposedStoreRefusesLoadingValidatingAndObtaining()
    {
        byte[] bytes = ModuleBytes("arith");
        var store = new Store(Engine);
        using SharedModule shared = Module.FromBytes(store, bytes).Share();
        store.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => Module.FromBytes(store, bytes));
        Assert.ThrowsExactly<ObjectDisposedException>(() => Module.FromBytes(store, bytes.AsSpan()));
        Assert.ThrowsExactly<ObjectDisposedException>(() => Module.FromStream(store, new MemoryStream(bytes)));
        Assert.ThrowsExactly<ObjectDisposedException>(() => Module.Validate(store, bytes));
        Assert.ThrowsExactly<ObjectDisposedException>(() => Module.Deserialize(store, bytes));
        Assert.ThrowsExactly<ObjectDisposedException>(() => Module.Obtain(store, shared));
        // The shared module outlives its store and is obtained elsewhere.
        Assert.AreEqual(42, new Instance(Store, Module.Obtain(Store, shared)).GetFunction<int>("answer")!());
    }

    [TestMethod]
    public void NullArgumentsAreNamed()
    {
        byte[] bytes = ModuleBytes("arith");
        Assert.AreEqual("store", Assert.ThrowsExactly<ArgumentNullException>(() => Module.FromBytes(null!, bytes.AsSpan())).ParamName);
        Assert.AreEqual("bytes", Assert.ThrowsExactly<ArgumentNullException>(() => Module.FromBytes(Store, (byte[])null!)).ParamName);
        Assert.AreEqual("path", Assert.ThrowsExactly<ArgumentNullException>(() => Module.FromFile(Store, null!)).ParamName);
        Assert.AreEqual("store", Assert.ThrowsExactly<ArgumentNullException>(() => Module.FromFile(null!, "x")).ParamName);
        Assert.AreEqual("stream", Assert.ThrowsExactly<ArgumentNullException>(() => Module.FromStream(Store, null!)).ParamName);
        Assert.AreEqual("store", Assert.ThrowsExactly<ArgumentNullException>(() => Module.FromStream(null!, Stream.Null)).ParamName);
        Assert.AreEqual("store", Assert.ThrowsExactly<ArgumentNullException>(() => Module.Validate(null!, bytes, out _)).ParamName);
        Assert.AreEqual("store", Assert.ThrowsExactly<ArgumentNullException>(() => Module.Deserialize(null!, bytes)).ParamName);
        Assert.AreEqual("store", Assert.ThrowsExactly<ArgumentNullException>(() => Module.Obtain(null!, null!)).ParamName);
        Assert.AreEqual("shared", Assert.ThrowsExactly<ArgumentNullException>(() => Module.Obtain(Store, null!)).ParamName);
    }

    [TestMethod]
    public void AModuleWithImportsDescribesThemAndASharedModuleCarriesThem()
    {
        Module module = Load("linking");
        StringAssert.StartsWith(module.ToString(), "(module (import \"math\" \"add\" (func (param i32 i32) (result i32)))");
        using SharedModule shared = module.Share();
        Assert.IsFalse(shared.IsDisposed);
        CollectionAssert.AreEqual(module.Imports.ToArray(), shared.Imports.ToArray());
        CollectionAssert.AreEqual(module.Exports.ToArray(), shared.Exports.ToArray());
        Module obtained = Module.Obtain(Store, shared);
        Assert.AreSame(Store, obtained.Store);
        Assert.IsFalse(obtained.IsDisposed);
        CollectionAssert.AreEqual(module.Imports.ToArray(), obtained.Imports.ToArray());
        module.Dispose();
        Assert.IsFalse(obtained.IsDisposed, "disposing one module object leaves the other usable");
        shared.Dispose();
        shared.Dispose();
        Assert.IsTrue(shared.IsDisposed);
        Assert.AreEqual(3, shared.Imports.Count, "the description stays readable");
    }
}
