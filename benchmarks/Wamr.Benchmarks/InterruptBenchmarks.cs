using System;
using System.Threading;

using BenchmarkDotNet.Attributes;

namespace Wamr.Benchmarks;

/// <summary>
/// What interruption support costs a call: <c>add(20, 22)</c> typed and untyped as usual (the interrupt check is part
/// of every call), inside a store's time limit (<see cref="Store.InterruptAfter"/>), and with a call's own timeout or
/// cancellation token (a timer or a token registration per call).
/// Run with <c>dotnet run -c Release --project benchmarks/Wamr.Benchmarks -- --filter *InterruptBenchmarks* --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class InterruptBenchmarks
{
    private Engine _engine = null!;
    private Store _store = null!;
    private Func _addFunc = null!;
    private Func<int, int, int> _add = null!;
    private CancellationTokenSource _cancellation = null!;
    private InterruptScope? _scope;

    /// <summary>One instance of the benchmark module.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = new Engine();
        _store = new Store(_engine);
        Module bench = Module.FromFile(_store, BenchModule.PathOf("bench.wasm"));
        var instance = new Instance(_store, bench, Func.FromCallback(_store, () => { }));
        _addFunc = instance.GetFunction("add")!;
        _add = instance.GetFunction<int, int, int>("add")!;
        _cancellation = new CancellationTokenSource();
    }

    /// <summary>Releases everything.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _scope?.Dispose();
        _cancellation.Dispose();
        _store.Dispose();
        _engine.Dispose();
    }

    /// <summary>A typed call, as every typed call runs now.</summary>
    /// <returns>42.</returns>
    [Benchmark(Baseline = true)]
    public int Typed() => _add(20, 22);

    /// <summary>A typed call inside a store's time limit of an hour (made once).</summary>
    /// <returns>42.</returns>
    [Benchmark]
    public int TypedInScope()
    {
        _scope ??= _store.InterruptAfter(TimeSpan.FromHours(1));
        return _add(20, 22);
    }

    /// <summary>An untyped call.</summary>
    /// <returns>42.</returns>
    [Benchmark]
    public int Untyped() => _addFunc.Call(Val.I32(20), Val.I32(22))[0].AsI32();

    /// <summary>An untyped call with its own timeout (a timer per call).</summary>
    /// <returns>42.</returns>
    [Benchmark]
    public int UntypedWithTimeout() => _addFunc.Call(TimeSpan.FromSeconds(10), Val.I32(20), Val.I32(22))[0].AsI32();

    /// <summary>An untyped call with its own cancellation token (a registration per call).</summary>
    /// <returns>42.</returns>
    [Benchmark]
    public int UntypedWithToken() => _addFunc.Call(_cancellation.Token, Val.I32(20), Val.I32(22))[0].AsI32();
}
