using System;

using BenchmarkDotNet.Attributes;

using Wamr.Benchmarks.Report;

namespace Wamr.Benchmarks;

/// <summary>
/// The façade (<c>Wamr</c>) doing what the C baseline does: typed delegates, untyped <see cref="Func.Call(Val[])"/>
/// (as users write it, and with reused spans), typed and untyped host callbacks, <see cref="Memory"/> copies,
/// <see cref="Instance"/> creation. Categories: the baseline operation, then the .NET path.
/// </summary>
[MemoryDiagnoser]
public class OopBenchmarks
{
    private const int Mebibyte = 1 << 20;

    private Engine _engine = null!;
    private Store _store = null!;
    private SharedModule _small = null!;
    private Func _typedHost = null!;
    private Func _untypedHost = null!;
    private Func _addFunc = null!;
    private Func _nopFunc = null!;
    private Func<int, int, int> _add = null!;
    private Action _nop = null!;
    private Action<int> _callHostTyped = null!;
    private Action<int> _callHostUntyped = null!;
    private Func<int, int> _callHostAddTyped = null!;
    private Func<int, int> _callHostAddUntyped = null!;
    private Memory _memory = null!;
    private Val[] _addArguments = [];
    private Val[] _addResults = [];
    private byte[] _buffer = [];
    private long _hostCalls;

    /// <summary>Loads the modules, makes the host functions and two instances (typed and untyped callback).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = new Engine();
        _store = new Store(_engine);
        Module bench = Module.FromFile(_store, BenchModule.PathOf("bench.wasm"));
        _small = Module.FromFile(_store, BenchModule.PathOf("small.wasm")).Share();
        _typedHost = Func.FromCallback(_store, () => { _hostCalls++; });
        _untypedHost = Func.FromCallback(_store, FuncType.Of([], []), (_, _) => { _hostCalls++; });
        Func typedAdd = Func.FromCallback(_store, (int a, int b) => a + b);
        Func untypedAdd = Func.FromCallback(_store, FuncType.Of([ValKind.I32, ValKind.I32], [ValKind.I32]), (a, r) => r[0] = a[0].AsI32() + a[1].AsI32());

        var instance = new Instance(_store, bench, _typedHost, typedAdd);
        _addFunc = instance.GetFunction("add")!;
        _nopFunc = instance.GetFunction("nop")!;
        _add = instance.GetFunction<int, int, int>("add")!;
        _nop = instance.GetAction("nop")!;
        _callHostTyped = instance.GetAction<int>("call_host")!;
        _memory = instance.GetMemory("memory")!;
        _callHostAddTyped = instance.GetFunction<int, int>("call_host_add")!;
        var untyped = new Instance(_store, bench, _untypedHost, untypedAdd);
        _callHostUntyped = untyped.GetAction<int>("call_host")!;
        _callHostAddUntyped = untyped.GetFunction<int, int>("call_host_add")!;

        _addArguments = [Val.I32(20), Val.I32(22)];
        _addResults = new Val[1];
        _buffer = new byte[Mebibyte];
        _buffer.AsSpan().Fill(0x5A);
    }

    /// <summary>Releases the store and the engine.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _small.Dispose();
        _store.Dispose();
        _engine.Dispose();
    }

    /// <summary><c>add(20, 22)</c> through a typed delegate.</summary>
    /// <returns>42.</returns>
    [Benchmark]
    [BenchmarkCategory("add", Paths.OopTyped)]
    public int AddTyped() => _add(20, 22);

    /// <summary><c>add(20, 22)</c> through <see cref="Func.Call(Val[])"/>, as users write it.</summary>
    /// <returns>42.</returns>
    [Benchmark]
    [BenchmarkCategory("add", Paths.OopUntyped)]
    public int AddUntyped() => _addFunc.Call(Val.I32(20), Val.I32(22))[0].AsI32();

    /// <summary><c>add(20, 22)</c> through <see cref="Func.Call(ReadOnlySpan{Val}, Span{Val})"/> with reused arrays.</summary>
    /// <returns>42.</returns>
    [Benchmark]
    [BenchmarkCategory("add", Paths.OopUntypedSpans)]
    public int AddUntypedSpans()
    {
        _addFunc.Call(_addArguments, _addResults);
        return _addResults[0].AsI32();
    }

    /// <summary><c>nop()</c> through a typed delegate.</summary>
    [Benchmark]
    [BenchmarkCategory("nop", Paths.OopTyped)]
    public void NopTyped() => _nop();

    /// <summary><c>nop()</c> through <see cref="Func.Call(Val[])"/>.</summary>
    [Benchmark]
    [BenchmarkCategory("nop", Paths.OopUntyped)]
    public void NopUntyped() => _nopFunc.Call();

    /// <summary>One wasm → typed C# host call (a loop of 1000 per invocation).</summary>
    [Benchmark(OperationsPerInvoke = ProceduralBenchmarks.HostCallsPerInvoke)]
    [BenchmarkCategory("callback", Paths.OopTyped)]
    public void CallbackTyped() => _callHostTyped(ProceduralBenchmarks.HostCallsPerInvoke);

    /// <summary>One wasm → untyped C# host call (a loop of 1000 per invocation).</summary>
    [Benchmark(OperationsPerInvoke = ProceduralBenchmarks.HostCallsPerInvoke)]
    [BenchmarkCategory("callback", Paths.OopUntyped)]
    public void CallbackUntyped() => _callHostUntyped(ProceduralBenchmarks.HostCallsPerInvoke);

    /// <summary>One wasm → typed C# <c>add(i32, i32) → i32</c> host call (a loop of 1000 per invocation).</summary>
    /// <returns>The sum.</returns>
    [Benchmark(OperationsPerInvoke = ProceduralBenchmarks.HostCallsPerInvoke)]
    [BenchmarkCategory("callback_add", Paths.OopTyped)]
    public int CallbackAddTyped() => _callHostAddTyped(ProceduralBenchmarks.HostCallsPerInvoke);

    /// <summary>One wasm → untyped (<see cref="Val"/>) C# <c>add(i32, i32) → i32</c> host call (a loop of 1000).</summary>
    /// <returns>The sum.</returns>
    [Benchmark(OperationsPerInvoke = ProceduralBenchmarks.HostCallsPerInvoke)]
    [BenchmarkCategory("callback_add", Paths.OopUntyped)]
    public int CallbackAddUntyped() => _callHostAddUntyped(ProceduralBenchmarks.HostCallsPerInvoke);

    /// <summary>1 MiB into linear memory with <see cref="Memory.Write(long, ReadOnlySpan{byte})"/>.</summary>
    [Benchmark]
    [BenchmarkCategory("copy_in", Paths.Oop)]
    public void CopyIn() => _memory.Write(0, _buffer);

    /// <summary>1 MiB out of linear memory with <see cref="Memory.Read(long, Span{byte})"/>.</summary>
    [Benchmark]
    [BenchmarkCategory("copy_out", Paths.Oop)]
    public void CopyOut() => _memory.Read(0, _buffer);

    /// <summary>
    /// A <see cref="Store"/> of its own with a new <see cref="Instance"/> of the small module (and its host function),
    /// then disposed: WAMR frees instances only with their store. As the C baseline does it.
    /// </summary>
    /// <returns>The instance (its store disposed).</returns>
    [Benchmark]
    [BenchmarkCategory("instantiate", Paths.Oop)]
    public Instance Instantiate()
    {
        using var store = new Store(_engine);
        Module module = Module.Obtain(store, _small);
        return new Instance(store, module, Func.FromCallback(store, () => { _hostCalls++; }));
    }
}
