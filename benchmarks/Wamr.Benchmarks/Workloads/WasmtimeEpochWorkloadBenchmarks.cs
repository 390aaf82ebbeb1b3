using BenchmarkDotNet.Attributes;

using Wamr.Benchmarks.Report;

using Wt = Wasmtime;

namespace Wamr.Benchmarks.Workloads;

/// <summary>The compute workload in wasmtime-dotnet with epoch interruption (<see cref="WasmtimeEpoch"/>).</summary>
[MemoryDiagnoser]
public class WasmtimeEpochWorkloadBenchmarks
{
    private Wt.Engine _engine = null!;
    private Wt.Store _store = null!;
    private System.Func<int, int> _hash = null!;

    /// <summary>Instantiates the workload on an epoch-interruptible engine.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = WasmtimeEpoch.CreateEngine();
        _store = WasmtimeEpoch.CreateStore(_engine);
        _hash = WasmtimeSha256.Instantiate(_engine, _store, Paths.WasmtimeTypedEpoch);
    }

    /// <summary>Releases the store and the engine.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _engine.Dispose();
    }

    /// <summary>SHA-256 of the input.</summary>
    /// <returns>The digest's address.</returns>
    [Benchmark]
    [BenchmarkCategory(Sha256Workload.Operation, Paths.WasmtimeTypedEpoch)]
    public int Sha256() => _hash(Sha256Workload.InputBytes);
}
