using System.IO;

using BenchmarkDotNet.Attributes;

using Wamr.Benchmarks.Report;
using Wamr.Compiler;

namespace Wamr.Benchmarks.Workloads;

/// <summary>
/// The compute workload precompiled without interruption checks (<see cref="AotCompilerOptions.Interruptible"/> false),
/// otherwise as <see cref="PrecompiledWorkloadBenchmarks"/>.
/// </summary>
[BenchmarkCategory(Paths.OopTypedPrecompiledUninterruptible)]
public class UninterruptiblePrecompiledWorkloadBenchmarks : WamrWorkloadBenchmarks
{
    /// <inheritdoc />
    protected override Module LoadModule(Store store, string wasmPath) =>
        Module.FromPrecompiled(store, AotCompiler.Compile(File.ReadAllBytes(wasmPath), new AotCompilerOptions { Interruptible = false }));
}
