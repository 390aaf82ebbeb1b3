using System;

using BenchmarkDotNet.Attributes;

using Wamr.Benchmarks.Report;
using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Benchmarks;

/// <summary>
/// The procedural API (<c>Wamr.Interop</c>) doing what the C baseline does, call for call. Each method's
/// category names the baseline operation it is compared with.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Paths.Procedural)]
public unsafe class ProceduralBenchmarks
{
    /// <summary>Host calls per <see cref="Callback"/> invocation, as in the C baseline.</summary>
    public const int HostCallsPerInvoke = 1000;

    /// <summary>What <c>call_host_add(1000)</c> returns: 1000 + 999 + … + 1.</summary>
    public const int HostAddSum = HostCallsPerInvoke * (HostCallsPerInvoke + 1) / 2;

    private const int Mebibyte = 1 << 20;

    private BenchModule _module = null!;
    private byte[] _buffer = [];
    private byte[] _large = [];

    /// <summary>Instantiates the module and builds the large one.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _module = new BenchModule();
        _buffer = new byte[Mebibyte];
        _buffer.AsSpan().Fill(0x5A);
        _large = LargeModule.Build();
    }

    /// <summary>Releases everything.</summary>
    [GlobalCleanup]
    public void Cleanup() => _module.Dispose();

    /// <summary><c>add(20, 22)</c> through <c>wasm_func_call</c>.</summary>
    /// <returns>42.</returns>
    [Benchmark]
    [BenchmarkCategory("add")]
    public int Add()
    {
        // Line for line what baseline.c does, through the generated helpers.
        Span<wasm_val_t> a = stackalloc wasm_val_t[2] { WASM_I32_VAL(20), WASM_I32_VAL(22) };
        Span<wasm_val_t> r = stackalloc wasm_val_t[1] { WASM_INIT_VAL };
        wasm_val_vec_t args = WASM_ARRAY_VEC(a);
        wasm_val_vec_t results = WASM_ARRAY_VEC(r);
        wasm_trap_t* trap = wasm_func_call(_module.Add, &args, &results);
        return trap == null && r[0].of.i32 == 42 ? r[0].of.i32 : throw new InvalidOperationException("add failed");
    }

    /// <summary><c>add(20, 22)</c> through the engine extension's procedural fast call (<c>wamr_ext_func_call</c>: cells,
    /// the engine's own entry on the instance's exec env singleton).</summary>
    /// <returns>42.</returns>
    [Benchmark]
    [BenchmarkCategory("add", "procedural wamr_ext_func_call")]
    public int AddExtension()
    {
        uint* cells = stackalloc uint[2] { 20, 22 };
        return WamrExt.wamr_ext_func_call(_module.Add, cells, 2, null) && cells[0] == 42 ? (int)cells[0] : throw new InvalidOperationException("add failed");
    }

    /// <summary><c>nop()</c> through <c>wasm_func_call</c>.</summary>
    [Benchmark]
    [BenchmarkCategory("nop")]
    public void Nop()
    {
        wasm_val_vec_t args = WASM_EMPTY_VEC;
        wasm_val_vec_t results = WASM_EMPTY_VEC;
        if (wasm_func_call(_module.Nop, &args, &results) != null)
        {
            throw new InvalidOperationException("nop trapped");
        }
    }

    /// <summary>One wasm → C# host call (a loop of <see cref="HostCallsPerInvoke"/> per invocation).</summary>
    [Benchmark(OperationsPerInvoke = HostCallsPerInvoke)]
    [BenchmarkCategory("callback")]
    public void Callback()
    {
        Span<wasm_val_t> a = stackalloc wasm_val_t[1] { WASM_I32_VAL(HostCallsPerInvoke) };
        wasm_val_vec_t args = WASM_ARRAY_VEC(a);
        wasm_val_vec_t results = WASM_EMPTY_VEC;
        if (wasm_func_call(_module.CallHost, &args, &results) != null)
        {
            throw new InvalidOperationException("call_host trapped");
        }
    }

    /// <summary>One wasm → C# <c>add(i32, i32) → i32</c> host call (a loop of <see cref="HostCallsPerInvoke"/>).</summary>
    /// <returns>The sum.</returns>
    [Benchmark(OperationsPerInvoke = HostCallsPerInvoke)]
    [BenchmarkCategory("callback_add")]
    public int CallbackAdd()
    {
        Span<wasm_val_t> a = stackalloc wasm_val_t[1] { WASM_I32_VAL(HostCallsPerInvoke) };
        Span<wasm_val_t> r = stackalloc wasm_val_t[1] { WASM_INIT_VAL };
        wasm_val_vec_t args = WASM_ARRAY_VEC(a);
        wasm_val_vec_t results = WASM_ARRAY_VEC(r);
        return wasm_func_call(_module.CallHostAdd, &args, &results) == null && r[0].of.i32 == HostAddSum
            ? r[0].of.i32
            : throw new InvalidOperationException("call_host_add failed");
    }

    /// <summary>1 MiB from a managed array into linear memory, as a span copy.</summary>
    [Benchmark]
    [BenchmarkCategory("copy_in")]
    public void CopyIn() => _buffer.AsSpan().CopyTo(new Span<byte>(wasm_memory_data(_module.Memory), Mebibyte));

    /// <summary>1 MiB from linear memory into a managed array, as a span copy.</summary>
    [Benchmark]
    [BenchmarkCategory("copy_out")]
    public void CopyOut() => new ReadOnlySpan<byte>(wasm_memory_data(_module.Memory), Mebibyte).CopyTo(_buffer);

    /// <summary>A store with a new instance of the small module, then deleted.</summary>
    [Benchmark]
    [BenchmarkCategory("instantiate")]
    public void Instantiate() => _module.InstantiateSmallInFreshStore();

    /// <summary><c>wasm_module_validate</c> on the ~1 MiB module.</summary>
    /// <returns>Whether it is valid.</returns>
    [Benchmark]
    [BenchmarkCategory("validate_large")]
    public bool ValidateLarge()
    {
        fixed (byte* p = _large)
        {
            wasm_byte_vec_t binary = default;
            binary.size = binary.num_elems = (nuint)_large.Length;
            binary.data = p;
            return wasm_module_validate(_module.Store, &binary) ? true : throw new InvalidOperationException("invalid");
        }
    }

    /// <summary><c>wasm_module_new</c> on the ~1 MiB module, then deleted.</summary>
    [Benchmark]
    [BenchmarkCategory("load_large")]
    public void LoadLarge()
    {
        fixed (byte* p = _large)
        {
            wasm_byte_vec_t binary = default;
            binary.size = binary.num_elems = (nuint)_large.Length;
            binary.data = p;
            wasm_module_t* module = wasm_module_new(_module.Store, &binary);
            if (module == null)
            {
                throw new InvalidOperationException("did not load");
            }

            wasm_module_delete(module);
        }
    }
}
