using System;
using System.IO;

using BenchmarkDotNet.Attributes;

using Wamr.Benchmarks.Report;
using Wamr.Compiler;

using Wt = Wasmtime;

namespace Wamr.Benchmarks;

/// <summary>
/// The memory loop (<c>Modules/loop.wat</c>: per iteration one i32 store, one i32 load and an add) per iteration, in
/// WAMR's fast interpreter, precompiled by <see cref="AotCompiler"/> (default options: interruptible; and without
/// interruption checks), and in wasmtime-dotnet (default engine; and with epoch interruption), all from the same
/// <c>loop.wasm</c>. Each call runs <see cref="Iterations"/> iterations.
/// </summary>
[MemoryDiagnoser]
public class MemoryLoopBenchmarks
{
    /// <summary>The report's operation name.</summary>
    public const string Operation = "memory_loop";

    /// <summary>Loop iterations per call.</summary>
    public const int Iterations = 100_000;

    private Engine _engine = null!;
    private Store _store = null!;
    private Func<int, int> _interpreted = null!;
    private Func<int, int> _precompiled = null!;
    private Func<int, int> _uninterruptible = null!;
    private Wt.Engine _wasmtimeEngine = null!;
    private Wt.Store _wasmtimeStore = null!;
    private Func<int, int> _wasmtime = null!;
    private Wt.Engine _epochEngine = null!;
    private Wt.Store _epochStore = null!;
    private Func<int, int> _wasmtimeEpoch = null!;

    /// <summary>Loads <c>loop.wasm</c> three ways and checks that they agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string path = BenchModule.PathOf("loop.wasm");
        byte[] wasm = File.ReadAllBytes(path);
        _engine = new Engine();
        _store = new Store(_engine);
        _interpreted = new Instance(_store, Module.FromBytes(_store, wasm)).GetFunction<int, int>("run")!;
        _precompiled = new Instance(_store, Module.FromPrecompiled(_store, AotCompiler.Compile(wasm))).GetFunction<int, int>("run")!;
        byte[] uninterruptible = AotCompiler.Compile(wasm, new AotCompilerOptions { Interruptible = false });
        _uninterruptible = new Instance(_store, Module.FromPrecompiled(_store, uninterruptible)).GetFunction<int, int>("run")!;

        _wasmtimeEngine = new Wt.Engine();
        _wasmtimeStore = new Wt.Store(_wasmtimeEngine);
        using Wt.Module module = Wt.Module.FromBytes(_wasmtimeEngine, "loop", wasm);
        _wasmtime = new Wt.Instance(_wasmtimeStore, module).GetFunction<int, int>("run") ?? throw new InvalidOperationException("run");
        _epochEngine = WasmtimeEpoch.CreateEngine();
        _epochStore = WasmtimeEpoch.CreateStore(_epochEngine);
        using Wt.Module epochModule = Wt.Module.FromBytes(_epochEngine, "loop", wasm);
        _wasmtimeEpoch = new Wt.Instance(_epochStore, epochModule).GetFunction<int, int>("run") ?? throw new InvalidOperationException("run");

        int expected = _interpreted(Iterations);
        foreach ((string name, Func<int, int> run) in new[] { ("precompiled", _precompiled), ("not interruptible", _uninterruptible), ("wasmtime", _wasmtime), ("wasmtime epoch", _wasmtimeEpoch) })
        {
            if (run(Iterations) != expected)
            {
                throw new InvalidOperationException($"the memory loop's sum differs: interpreted {expected}, {name} {run(Iterations)}");
            }
        }
    }

    /// <summary>Releases the stores and the engines.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _engine.Dispose();
        _wasmtimeStore.Dispose();
        _wasmtimeEngine.Dispose();
        _epochStore.Dispose();
        _epochEngine.Dispose();
    }

    /// <summary>The loop in the fast interpreter.</summary>
    /// <returns>The loop's sum.</returns>
    [Benchmark(OperationsPerInvoke = Iterations)]
    [BenchmarkCategory(Operation, Paths.OopTyped)]
    public int Interpreted() => _interpreted(Iterations);

    /// <summary>The loop precompiled.</summary>
    /// <returns>The loop's sum.</returns>
    [Benchmark(OperationsPerInvoke = Iterations)]
    [BenchmarkCategory(Operation, Paths.OopTypedPrecompiled)]
    public int Precompiled() => _precompiled(Iterations);

    /// <summary>The loop precompiled without interruption checks.</summary>
    /// <returns>The loop's sum.</returns>
    [Benchmark(OperationsPerInvoke = Iterations)]
    [BenchmarkCategory(Operation, Paths.OopTypedPrecompiledUninterruptible)]
    public int PrecompiledNotInterruptible() => _uninterruptible(Iterations);

    /// <summary>The loop in wasmtime-dotnet with epoch interruption.</summary>
    /// <returns>The loop's sum.</returns>
    [Benchmark(OperationsPerInvoke = Iterations)]
    [BenchmarkCategory(Operation, Paths.WasmtimeTypedEpoch)]
    public int WasmtimeEpochInterruption() => _wasmtimeEpoch(Iterations);

    /// <summary>The loop in wasmtime-dotnet (Cranelift).</summary>
    /// <returns>The loop's sum.</returns>
    [Benchmark(OperationsPerInvoke = Iterations)]
    [BenchmarkCategory(Operation, Paths.WasmtimeTyped)]
    public int Wasmtime() => _wasmtime(Iterations);
}
