using System;

using BenchmarkDotNet.Attributes;

using Wamr.Benchmarks.Report;
using Wamr.Benchmarks.Workloads;

using Wt = Wasmtime;

namespace Wamr.Benchmarks;

/// <summary>
/// wasmtime-dotnet (NuGet <c>Wasmtime</c>, Cranelift JIT) on the same modules: typed and untyped calls of
/// <c>add</c> and <c>nop</c>, the wasm → host loop with a typed host function, and the compute workload. The
/// benchmarks project is the only place that references it.
/// </summary>
[MemoryDiagnoser]
public class WasmtimeBenchmarks
{
    private Wt.Engine _engine = null!;
    private Wt.Store _store = null!;
    private Func<int, int, int> _add = null!;
    private Action _nop = null!;
    private Wt.Function _addFunction = null!;
    private Wt.Function _nopFunction = null!;
    private Action<int> _callHost = null!;
    private Func<int, int> _callHostAdd = null!;
    private Func<int, int> _hash = null!;
    private long _hostCalls;

    /// <summary>Compiles and instantiates <c>bench.wasm</c> (with <c>host.inc</c>) and <c>sha256.wasm</c>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = new Wt.Engine();
        _store = new Wt.Store(_engine);
        using var linker = new Wt.Linker(_engine);
        linker.DefineFunction("host", "inc", () => { _hostCalls++; });
        linker.DefineFunction("host", "add", (int a, int b) => a + b);

        using Wt.Module bench = Wt.Module.FromFile(_engine, BenchModule.PathOf("bench.wasm"));
        Wt.Instance instance = linker.Instantiate(_store, bench);
        _add = instance.GetFunction<int, int, int>("add") ?? throw new InvalidOperationException("add");
        _nop = instance.GetAction("nop") ?? throw new InvalidOperationException("nop");
        _addFunction = instance.GetFunction("add") ?? throw new InvalidOperationException("add");
        _nopFunction = instance.GetFunction("nop") ?? throw new InvalidOperationException("nop");
        _callHost = instance.GetAction<int>("call_host") ?? throw new InvalidOperationException("call_host");
        _callHostAdd = instance.GetFunction<int, int>("call_host_add") ?? throw new InvalidOperationException("call_host_add");

        _hash = WasmtimeSha256.Instantiate(_engine, _store, "wasmtime-dotnet");

        if (_add(20, 22) != 42 || (int)_addFunction.Invoke(20, 22)! != 42 || _callHostAdd(ProceduralBenchmarks.HostCallsPerInvoke) != ProceduralBenchmarks.HostAddSum)
        {
            throw new InvalidOperationException("add is wrong under wasmtime");
        }
    }

    /// <summary>Releases the store and the engine.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _engine.Dispose();
    }

    /// <summary><c>add(20, 22)</c> through wasmtime's typed delegate.</summary>
    /// <returns>42.</returns>
    [Benchmark]
    [BenchmarkCategory("add", Paths.WasmtimeTyped)]
    public int AddTyped() => _add(20, 22);

    /// <summary><c>add(20, 22)</c> through <c>Function.Invoke</c>, as users write it (boxed result).</summary>
    /// <returns>42.</returns>
    [Benchmark]
    [BenchmarkCategory("add", Paths.WasmtimeUntyped)]
    public int AddUntyped() => (int)_addFunction.Invoke(20, 22)!;

    /// <summary><c>nop()</c> through wasmtime's typed delegate.</summary>
    [Benchmark]
    [BenchmarkCategory("nop", Paths.WasmtimeTyped)]
    public void NopTyped() => _nop();

    /// <summary><c>nop()</c> through <c>Function.Invoke</c>.</summary>
    /// <returns>Null (no result).</returns>
    [Benchmark]
    [BenchmarkCategory("nop", Paths.WasmtimeUntyped)]
    public object? NopUntyped() => _nopFunction.Invoke();

    /// <summary>One wasm → host call to a wasmtime host function (a loop of 1000 per invocation).</summary>
    [Benchmark(OperationsPerInvoke = ProceduralBenchmarks.HostCallsPerInvoke)]
    [BenchmarkCategory("callback", Paths.WasmtimeTyped)]
    public void Callback() => _callHost(ProceduralBenchmarks.HostCallsPerInvoke);

    /// <summary>One wasm → host call to a wasmtime <c>add(i32, i32) → i32</c> host function (a loop of 1000).</summary>
    /// <returns>The sum.</returns>
    [Benchmark(OperationsPerInvoke = ProceduralBenchmarks.HostCallsPerInvoke)]
    [BenchmarkCategory("callback_add", Paths.WasmtimeTyped)]
    public int CallbackAdd() => _callHostAdd(ProceduralBenchmarks.HostCallsPerInvoke);

    /// <summary>The compute workload, compiled by Cranelift.</summary>
    /// <returns>The digest's address.</returns>
    [Benchmark]
    [BenchmarkCategory(Sha256Workload.Operation, Paths.WasmtimeTyped)]
    public int Sha256() => _hash(Sha256Workload.InputBytes);
}
