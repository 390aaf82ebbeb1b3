using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Compiler;

namespace Wamr.Tests.Aot;

/// <summary><see cref="AotCompiler"/>: compiling in-process, then loading through the façade, in the same process as
/// libiwasm.</summary>
[TestClass]
public sealed class AotCompilerTests : CompilerTest
{
    [TestMethod]
    public void ACompiledModuleRunsLikeTheInterpretedOne()
    {
        byte[] envelope = Compiled("arith");
        Module module = Module.FromPrecompiled(Store, envelope);
        Assert.IsTrue(module.IsPrecompiled);
        CollectionAssert.AreEqual(Load("arith").Exports.ToArray(), module.Exports.ToArray());
        Assert.AreEqual(5, new Instance(Store, module).GetFunction<int, int, int>("add")!(2, 3));
    }

    [TestMethod]
    public void NativeAndPortableCpusBothRunHere()
    {
        foreach (AotTargetCpu cpu in Enum.GetValues<AotTargetCpu>())
        {
            byte[] envelope = Compiled("memory", new AotCompilerOptions { TargetCpu = cpu });
            var instance = new Instance(Store, Module.FromPrecompiled(Store, envelope));
            instance.GetAction<int, int>("store")!(100, 1234);
            Assert.AreEqual(1234, instance.GetFunction<int, int>("load")!(100), cpu.ToString());
            Assert.AreEqual(1, instance.GetFunction<int, int>("grow")!(1));
            Assert.AreEqual(2, instance.GetFunction<int>("size")!());
        }

        Assert.IsFalse(string.IsNullOrEmpty(AotCompiler.HostCpuName));
        StringAssert.Contains(AotCompiler.HostCpuFeatures, "+");
    }

    [TestMethod]
    public void APrecompiledRunawayLoopIsStoppedByATimeout()
    {
        // The compiler always emits the thread manager's suspend checks, so the engine extension's interrupt reaches AOT
        // code too. count(-1) runs 4.3 billion iterations (seconds even precompiled): it returns only if the
        // interrupt failed, and then the assertion fails.
        var instance = new Instance(Store, Module.FromPrecompiled(Store, Compiled("loops")), Func.FromCallback(Store, (int x) => x));
        Func count = instance.GetFunction("count")!;
        CallInterruptedException e = Assert.ThrowsExactly<CallInterruptedException>(() => count.Call(TimeSpan.FromMilliseconds(50), Val.I32(-1)));
        Assert.AreEqual(InterruptReason.Timeout, e.Reason);
        Assert.IsGreaterThan(0, instance.GetFunction<int>("iterations")!(), "the loop ran before it was stopped");

        // The instance stays usable, on both paths.
        Assert.AreEqual(5, instance.GetFunction<int, int, int>("add")!(2, 3));
        Assert.AreEqual(10, count.Call(Val.I32(10))[0].AsI32());
    }

    [TestMethod]
    public void APrecompiledModuleWithWasiAndHostImportsIsRefused()
    {
        byte[] wasm = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Wasi", "Modules", "wasi_mixed.wasm"));
        Module module = Module.FromPrecompiled(Store, AotCompiler.Compile(wasm));
        Func log = Func.FromCallback(Store, (int _) => { });
        Func add = Func.FromCallback(Store, (int a, int b) => a + b);
        NotSupportedException e = Assert.ThrowsExactly<NotSupportedException>(
            () => new Instance(Store, module, [null, log, null, add], new InstanceOptions { Wasi = new WasiConfiguration() }));
        StringAssert.Contains(e.Message, "precompiled");
    }

    [TestMethod]
    public void BoundsChecksAndStackChecksAreCompiledIn()
    {
        var trap = new Instance(Store, Module.FromPrecompiled(Store, Compiled("trap")));
        StringAssert.Contains(Assert.ThrowsExactly<TrapException>(() => trap.GetFunction<int>("oob")!()).TrapMessage, "out of bounds memory access");
        StringAssert.Contains(Assert.ThrowsExactly<TrapException>(() => trap.GetFunction<int, int>("recurse")!(1)).TrapMessage, "stack overflow");
        var memory = new Instance(Store, Module.FromPrecompiled(Store, Compiled("memory")));
        StringAssert.Contains(Assert.ThrowsExactly<TrapException>(() => memory.GetFunction<int, int>("load")!(65535)).TrapMessage, "out of bounds");
    }

    [TestMethod]
    public void TrapsCarryFramesWithNamesFromTheEnvelopesMetadata()
    {
        var instance = new Instance(Store, Module.FromPrecompiled(Store, Compiled("trap")));
        TrapException e = Assert.ThrowsExactly<TrapException>(() => instance.GetFunction("outer")!.Call());
        Assert.AreEqual(3, e.Frames.Count, string.Join("\n", e.Frames));
        Assert.AreEqual("inner", e.Frames[0].FunctionName);
        Assert.AreEqual("outer", e.Frames[2].ExportName);

        var noFrames = new Instance(Store, Module.FromPrecompiled(Store, Compiled("trap", new AotCompilerOptions { CallStackFrames = false })));
        // Without compiled frames only the one the runtime pushes for the exported function it called remains.
        Assert.AreEqual(1, Assert.ThrowsExactly<TrapException>(() => noFrames.GetFunction("outer")!.Call()).Frames.Count);
    }

    [TestMethod]
    public void HostFunctionsAreCalledFromCompiledCode()
    {
        var calls = new List<long>();
        Module module = Module.FromPrecompiled(Store, Compiled("host"));
        Instance instance = new Linker()
            .Define("env", "add", Func.FromCallback(Store, (int a, int b) => a + b))
            .Define("env", "scale", Func.FromCallback(Store, (double x) => x * 2))
            .Define("env", "record", Func.FromCallback(Store, (long v) => calls.Add(v)))
            .Define("env", "fail", Func.FromCallback(Store, () => throw new InvalidOperationException("host failure")))
            .Define("env", "reenter", Func.FromCallback(Store, (int x) => x))
            .Instantiate(Store, module);
        Assert.AreEqual(7, instance.GetFunction<int, int, int>("call_add")!(3, 4));
        Assert.AreEqual(45, instance.GetFunction<int, int>("add_many")!(10));
        instance.GetAction<long>("call_record")!(42);
        CollectionAssert.AreEqual(new long[] { 42 }, calls);
        Assert.ThrowsExactly<TrapException>(() => instance.GetAction("call_fail")!());
    }

    [TestMethod]
    public void TheStartFunctionGuardHoldsForCompiledModules()
    {
        Module module = Module.FromPrecompiled(Store, Compiled("start_import"));
        Linker linker = new Linker().Define("env", "init", Func.FromCallback(Store, () => { }));
        StringAssert.Contains(Assert.ThrowsExactly<NotSupportedException>(() => linker.Instantiate(Store, module)).Message, "start function");
    }

    [TestMethod]
    public void ImportedFunctionsInTablesAreRefusedPrecompiled()
    {
        // WAMR 1.1.2's AOT call_indirect to an imported (host) function has a broken environment: refused up front.
        foreach (string name in new[] { "aot_table_import", "aot_declared_import" })
        {
            Module module = Module.FromPrecompiled(Store, Compiled(name));
            NotSupportedException e = Assert.ThrowsExactly<NotSupportedException>(() => new Instance(Store, module, Func.FromCallback(Store, () => 1)), name);
            StringAssert.Contains(e.Message, "imported function into a table");
        }

        // Interpreted, the same module works.
        Assert.AreEqual(1, new Instance(Store, Load("aot_table_import"), Func.FromCallback(Store, () => 1)).GetFunction<int, int>("call")!(0));

        // A table of the module's own functions beside a function import is fine, and calls through it work.
        var own = new Instance(Store, Module.FromPrecompiled(Store, Compiled("aot_table_own")), Func.FromCallback(Store, () => 42));
        Assert.AreEqual(7, own.GetFunction<int, int>("call")!(0));
        Assert.AreEqual(42, own.GetFunction<int, int>("call")!(1));
    }

    [TestMethod]
    public void TableAndMemoryImportsAreRefusedPrecompiled()
    {
        Module module = Module.FromPrecompiled(Store, Compiled("memory_import"));
        // WAMR's C API does not even list the memory import of an AOT module; the envelope's metadata does.
        Assert.AreEqual(0, module.Imports.Count);
        StringAssert.Contains(Assert.ThrowsExactly<NotSupportedException>(() => new Instance(Store, module)).Message, "imports a table or a memory");
    }

    [TestMethod]
    public void SerializeGivesTheEnvelopeAndDeserializeLoadsIt()
    {
        byte[] envelope = Compiled("arith");
        Module module = Module.FromPrecompiled(Store, envelope);
        CollectionAssert.AreEqual(envelope, module.Serialize());
        Module again = Module.Deserialize(Store, module.Serialize());
        Assert.AreEqual(9, new Instance(Store, again).GetFunction<int, int, int>("add")!(4, 5));
        using SharedModule shared = module.Share();
        CollectionAssert.AreEqual(envelope, Module.Obtain(Store, shared).Serialize());
    }

    [TestMethod]
    public void CompilationIsDeterministicAndThreadSafe()
    {
        byte[] reference = Compiled("host");
        byte[][] results = new byte[6][];
        Parallel.For(0, results.Length, i => results[i] = Compiled(i % 2 == 0 ? "host" : "trap"));
        for (int i = 0; i < results.Length; i += 2)
        {
            CollectionAssert.AreEqual(reference, results[i]);
        }

        Assert.IsTrue(results.All(r => Module.FromPrecompiled(Store, r).IsPrecompiled));
    }

    [TestMethod]
    public void CompileFileWritesThePrecompiledModule()
    {
        string output = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".wamraot");
        try
        {
            AotCompiler.CompileFile(ModulePath("arith"), output);
            Assert.AreEqual(5, new Instance(Store, Module.FromPrecompiledFile(Store, output)).GetFunction<int, int, int>("add")!(2, 3));
            Assert.ThrowsExactly<FileNotFoundException>(() => AotCompiler.CompileFile(ModulePath("arith") + ".missing", output + "2"));
            Assert.IsFalse(File.Exists(output + "2"));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [TestMethod]
    public void InvalidWasmIsRefusedWithWamrsReason()
    {
        AotCompilationException e = Assert.ThrowsExactly<AotCompilationException>(() => AotCompiler.Compile(ModuleBytes("arith")[..20]));
        StringAssert.Contains(e.Message, "cannot load the module");
        StringAssert.Contains(Assert.ThrowsExactly<AotCompilationException>(() => AotCompiler.Compile([1, 2, 3, 4, 5, 6, 7, 8])).Message, "magic header not detected");
        StringAssert.Contains(Assert.ThrowsExactly<AotCompilationException>(() => AotCompiler.Compile(ReadOnlySpan<byte>.Empty)).Message, "empty");
    }

    [TestMethod]
    public void PrecompiledInputIsRefused()
    {
        byte[] envelope = Compiled("arith");
        Assert.AreEqual(PrecompiledModuleProblem.PrecompiledGivenAsWasm, Assert.ThrowsExactly<PrecompiledModuleException>(() => AotCompiler.Compile(envelope)).Problem);
        Assert.AreEqual(PrecompiledModuleProblem.PrecompiledGivenAsWasm, Assert.ThrowsExactly<PrecompiledModuleException>(() => AotCompiler.Compile(ImageOf(envelope))).Problem);
    }

    [TestMethod]
    public void OptionsTheRuntimeCannotRunAreRefused()
    {
        ArgumentException unchecked_ = Assert.ThrowsExactly<ArgumentException>(() => Compiled("arith", new AotCompilerOptions { BoundsChecks = false }));
        StringAssert.Contains(unchecked_.Message, "bounds checks");
        Assert.AreEqual("OptimizationLevel", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Compiled("arith", new AotCompilerOptions { OptimizationLevel = 4 })).ParamName);
        Assert.AreEqual("SizeLevel", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Compiled("arith", new AotCompilerOptions { SizeLevel = -1 })).ParamName);
        Assert.AreEqual("TargetCpu", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Compiled("arith", new AotCompilerOptions { TargetCpu = (AotTargetCpu)9 })).ParamName);
        // Explicitly on is what the runtime needs anyway; every optimisation level compiles.
        for (int level = 0; level <= 3; level++)
        {
            byte[] envelope = Compiled("arith", new AotCompilerOptions { BoundsChecks = true, OptimizationLevel = level, SizeLevel = 3 - level });
            Assert.AreEqual(5, new Instance(Store, Module.FromPrecompiled(Store, envelope)).GetFunction<int, int, int>("add")!(2, 3));
        }
    }

    [TestMethod]
    public void WasmWithoutBulkMemoryStillCompilesWhenTheFeatureIsOff()
    {
        byte[] envelope = Compiled("arith", new AotCompilerOptions { BulkMemory = false, ReferenceTypes = false });
        Assert.AreEqual(5, new Instance(Store, Module.FromPrecompiled(Store, envelope)).GetFunction<int, int, int>("add")!(2, 3));
    }

    [TestMethod]
    public void NullArgumentsAreNamed()
    {
        Assert.AreEqual("wasm", Assert.ThrowsExactly<ArgumentNullException>(() => AotCompiler.Compile((byte[])null!)).ParamName);
        Assert.AreEqual("wasmPath", Assert.ThrowsExactly<ArgumentNullException>(() => AotCompiler.CompileFile(null!, "x")).ParamName);
        Assert.AreEqual("outputPath", Assert.ThrowsExactly<ArgumentNullException>(() => AotCompiler.CompileFile("x", null!)).ParamName);
    }
}
