namespace Wamr.Benchmarks.Report;

/// <summary>
/// The names of the rows of the report (a benchmark's second <c>BenchmarkCategory</c>, or a C baseline path). A new
/// row (e.g. an AOT mode) uses a new name here and, if it should be compared with something, a rule in
/// <see cref="ComparisonTable"/>.
/// </summary>
public static class Paths
{
    /// <summary>The C baseline through <c>wasm_c_api.h</c> (<c>wasm_func_call</c>, <c>wasm_func_new</c> …).</summary>
    public const string RawC = "raw C";

    /// <summary>The C baseline through the engine's own call entry (<c>wasm_runtime_call_wasm</c>, reused exec env).</summary>
    public const string RawCallWasm = "raw C `wasm_runtime_call_wasm`";

    /// <summary>The workload compiled natively into the C baseline (no WebAssembly).</summary>
    public const string NativeC = "native C (no wasm)";

    /// <summary>The engine extension's <c>wamr_ext_call_direct</c> from C: what the façade's typed path calls.</summary>
    public const string RawCallDirect = "raw C `wamr_ext_call_direct`";

    /// <summary>The generated procedural API (<c>Wamr.Interop</c>).</summary>
    public const string Procedural = "procedural";

    /// <summary>The façade's typed delegates.</summary>
    public const string OopTyped = "OOP typed";

    /// <summary>The façade's typed delegates on a module precompiled by <c>Wamr.Compiler</c>'s <c>AotCompiler</c> (default
    /// options) and loaded with <c>Module.FromPrecompiled</c>.</summary>
    public const string OopTypedPrecompiled = "OOP typed, precompiled (AOT)";

    /// <summary>Our typed path on code precompiled without interruption checks (<c>AotCompilerOptions.Interruptible = false</c>).</summary>
    public const string OopTypedPrecompiledUninterruptible = "OOP typed, precompiled (AOT), not interruptible";

    /// <summary>The façade's <see cref="Val"/>-based calls and host functions.</summary>
    public const string OopUntyped = "OOP untyped";

    /// <summary>The façade's <see cref="Val"/>-based call with reused spans.</summary>
    public const string OopUntypedSpans = "OOP untyped, spans";

    /// <summary>The façade where there is one path only (memory copies, instantiation).</summary>
    public const string Oop = "OOP";

    /// <summary>wasmtime-dotnet's typed delegates (<c>Instance.GetFunction&lt;…&gt;</c>, <c>Linker.DefineFunction</c>).</summary>
    public const string WasmtimeTyped = "wasmtime-dotnet typed";

    /// <summary>wasmtime-dotnet's typed delegate on an engine with epoch interruption (its cheapest way to stop
    /// runaway code), the like-for-like peer of our interruptible precompiled code.</summary>
    public const string WasmtimeTypedEpoch = "wasmtime-dotnet typed, epoch interruption";

    /// <summary>wasmtime-dotnet's <c>Function.Invoke</c>.</summary>
    public const string WasmtimeUntyped = "wasmtime-dotnet untyped";
}
