using System;
using System.IO;

using BenchmarkDotNet.Attributes;

using Wamr.Benchmarks.Report;
using Wamr.Compiler;

namespace Wamr.Benchmarks;

/// <summary>
/// Call overhead on a precompiled module: <c>Modules/bench.wasm</c> compiled by <see cref="AotCompiler"/> (default
/// options), loaded with <see cref="Module.FromPrecompiled(Store, byte[], PrecompiledTrust)"/>, and its <c>add</c>
/// called through the façade's typed delegate, as <see cref="OopBenchmarks"/> calls the interpreted one.
/// </summary>
[MemoryDiagnoser]
public class PrecompiledCallBenchmarks
{
    private Engine _engine = null!;
    private Store _store = null!;
    private Func<int, int, int> _add = null!;

    /// <summary>Compiles, loads and instantiates <c>bench.wasm</c> (with its two host imports).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = new Engine();
        _store = new Store(_engine);
        Module bench = Module.FromPrecompiled(_store, AotCompiler.Compile(File.ReadAllBytes(BenchModule.PathOf("bench.wasm"))));
        Func inc = Func.FromCallback(_store, () => { });
        Func add = Func.FromCallback(_store, (int a, int b) => a + b);
        _add = new Instance(_store, bench, inc, add).GetFunction<int, int, int>("add")!;
        if (_add(20, 22) != 42)
        {
            throw new InvalidOperationException("add is wrong on the precompiled module");
        }
    }

    /// <summary>Releases the store and the engine.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _engine.Dispose();
    }

    /// <summary><c>add(20, 22)</c> through a typed delegate on the precompiled module.</summary>
    /// <returns>42.</returns>
    [Benchmark]
    [BenchmarkCategory("add", Paths.OopTypedPrecompiled)]
    public int AddTyped() => _add(20, 22);
}
