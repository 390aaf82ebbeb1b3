using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;

using Wamr.Interop;

using static Wamr.Interop.WamrApi;
using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>
/// The references the façade holds on WAMR's refcounted singleton engine. Every <see cref="Engine"/>, every store and
/// every shared module holds one, so the runtime lives while any of them does, whatever the order of disposal.
/// Also owns the memory of a pool configuration: it is freed only once WAMR no longer runs on it.
/// </summary>
internal static unsafe class EngineReferences
{
    private static readonly object Gate = new();
    private static readonly List<nint> s_poolBuffers = new();
    private static int s_count;
    private static volatile bool s_wasiExitHook;

    /// <summary>Whether the extension's WASI <c>proc_exit</c> hook is installed in the current runtime.</summary>
    internal static bool WasiExitHookInstalled => s_wasiExitHook;

    /// <summary>How many references the façade holds.</summary>
    internal static int Count => Volatile.Read(ref s_count);

    /// <summary>Creates the runtime with <paramref name="config"/>, or takes a reference on the existing one.</summary>
    internal static wasm_engine_t* Create(Config config)
    {
        lock (Gate)
        {
            if (config.Allocator == MemoryAllocatorKind.System)
            {
                return Counted(wasm_engine_new());
            }

            if (s_count != 0)
            {
                throw new InvalidOperationException(
                    $"WAMR's engine is a process-wide singleton and exists already; a configuration ({config}) applies only " +
                    "when the first engine creates the runtime. Dispose every Engine, Store and SharedModule first, or use new Config().");
            }

            MemAllocOption options = default;
            wasm_engine_t* engine;
            if (config.Allocator == MemoryAllocatorKind.Pool)
            {
                void* buffer = NativeMemory.AlignedAlloc(config.PoolSize, 16);
                options.pool.heap_buf = buffer;
                options.pool.heap_size = config.PoolSize;
                engine = wasm_engine_new_with_args(mem_alloc_type_t.Alloc_With_Pool, &options);
                mem_alloc_info_t info;
                if (engine == null || !wasm_runtime_get_mem_alloc_info(&info))
                {
                    // NULL, or a runtime that existed already (created outside the façade) without this pool.
                    if (engine != null)
                    {
                        wasm_engine_delete(engine);
                    }

                    NativeMemory.AlignedFree(buffer);
                    throw new InvalidOperationException(
                        engine == null
                            ? $"wasm_engine_new_with_args refused a pool of {config.PoolSize} bytes."
                            : "WAMR's runtime exists already (created outside the façade) and does not use a pool; the configuration cannot apply.");
                }

                s_poolBuffers.Add((nint)buffer);
            }
            else
            {
                options.allocator.malloc_func = (void*)config.MallocFunction;
                options.allocator.realloc_func = (void*)config.ReallocFunction;
                options.allocator.free_func = (void*)config.FreeFunction;
                engine = wasm_engine_new_with_args(mem_alloc_type_t.Alloc_With_Allocator, &options);
            }

            return Counted(engine);
        }
    }

    /// <summary>Takes another reference on the existing runtime (for a store or shared module of a live engine).</summary>
    internal static wasm_engine_t* AddReference()
    {
        lock (Gate)
        {
            return Counted(wasm_engine_new());
        }
    }

    /// <summary>Gives a reference back; frees pool memory WAMR no longer uses.</summary>
    internal static void Release(wasm_engine_t* engine)
    {
        lock (Gate)
        {
            wasm_engine_delete(engine);
            s_count--;
            mem_alloc_info_t info;
            if (s_poolBuffers.Count > 0 && s_count == 0 && !wasm_runtime_get_mem_alloc_info(&info))
            {
                // The runtime no longer allocates from a pool: it was destroyed with the last reference.
                foreach (nint buffer in s_poolBuffers)
                {
                    NativeMemory.AlignedFree((void*)buffer);
                }

                s_poolBuffers.Clear();
            }
        }
    }

    private static wasm_engine_t* Counted(wasm_engine_t* engine)
    {
        if (engine == null)
        {
            throw new WasmException("wasm_engine_new returned NULL: WAMR's runtime could not be initialised.");
        }

        if (s_count++ == 0)
        {
            // The runtime may be new (WAMR forgets registered natives when it is destroyed): make proc_exit reach the
            // caller as WasiExitException before any module is loaded. Idempotent while the runtime lives.
            s_wasiExitHook = WamrExtension.IsAvailable && WamrExt.wamr_ext_wasi_install_exit_hook();
        }

        return engine;
    }
}
