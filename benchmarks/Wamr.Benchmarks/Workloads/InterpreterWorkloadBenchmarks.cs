using BenchmarkDotNet.Attributes;

using Wamr.Benchmarks.Report;

namespace Wamr.Benchmarks.Workloads;

/// <summary>The compute workload in WAMR's fast interpreter, through the façade's typed path.</summary>
[BenchmarkCategory(Paths.OopTyped)]
public class InterpreterWorkloadBenchmarks : WamrWorkloadBenchmarks
{
    /// <inheritdoc />
    protected override Module LoadModule(Store store, string wasmPath) => Module.FromFile(store, wasmPath);
}
