using System.IO;

using BenchmarkDotNet.Attributes;

using Wamr.Benchmarks.Report;
using Wamr.Compiler;

namespace Wamr.Benchmarks.Workloads;

/// <summary>
/// The compute workload precompiled: <c>sha256.wasm</c> compiled in-process by <see cref="AotCompiler"/> (default
/// options, host CPU) and loaded with <see cref="Module.FromPrecompiled(Store, byte[], PrecompiledTrust)"/>.
/// </summary>
[BenchmarkCategory(Paths.OopTypedPrecompiled)]
public class PrecompiledWorkloadBenchmarks : WamrWorkloadBenchmarks
{
    /// <inheritdoc />
    protected override Module LoadModule(Store store, string wasmPath) =>
        Module.FromPrecompiled(store, AotCompiler.Compile(File.ReadAllBytes(wasmPath)));
}
