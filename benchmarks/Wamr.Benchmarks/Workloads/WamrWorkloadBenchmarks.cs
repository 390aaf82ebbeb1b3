using BenchmarkDotNet.Attributes;

namespace Wamr.Benchmarks.Workloads;

/// <summary>
/// The compute workload through the façade's typed path. Subclasses choose how the module is loaded (and with which
/// engine) and name their row with a class-level <c>[BenchmarkCategory]</c>: <see cref="InterpreterWorkloadBenchmarks"/>
/// loads the <c>.wasm</c> into the interpreter; an AOT mode adds a subclass that overrides <see cref="LoadModule"/>
/// and registers it in <c>ReportCommand.ComparisonBenchmarks</c>.
/// </summary>
[MemoryDiagnoser]
public abstract class WamrWorkloadBenchmarks
{
    private Engine _engine = null!;
    private Store _store = null!;
    private System.Func<int, int> _hash = null!;

    /// <summary>Creates the engine (override for engine options a mode needs).</summary>
    /// <returns>The engine.</returns>
    protected virtual Engine CreateEngine() => new();

    /// <summary>Loads <c>sha256.wasm</c> (at <paramref name="wasmPath"/>) into <paramref name="store"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="wasmPath">The committed module.</param>
    /// <returns>The module.</returns>
    protected abstract Module LoadModule(Store store, string wasmPath);

    /// <summary>Instantiates the module, writes the input into its memory and checks one digest.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = CreateEngine();
        _store = new Store(_engine);
        var instance = new Instance(_store, LoadModule(_store, Sha256Workload.ModulePath));
        Memory memory = instance.GetMemory("memory")!;
        int input = instance.GetFunction<int>("input_buffer")!();
        memory.Write(input, Sha256Workload.Input());
        _hash = instance.GetFunction<int, int>("hash")!;

        byte[] digest = new byte[32];
        memory.Read(_hash(Sha256Workload.InputBytes), digest);
        Sha256Workload.Check(GetType().Name, digest);
    }

    /// <summary>Releases the store and the engine.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _engine.Dispose();
    }

    /// <summary>SHA-256 of the input, in wasm.</summary>
    /// <returns>The digest's address.</returns>
    [Benchmark]
    [BenchmarkCategory(Sha256Workload.Operation)]
    public int Sha256() => _hash(Sha256Workload.InputBytes);
}
