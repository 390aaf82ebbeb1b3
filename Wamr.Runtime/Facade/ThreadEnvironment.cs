using System;

using static Wamr.Interop.WamrApi;

namespace Wamr;

/// <summary>
/// WAMR's per-thread environment (<c>wasm_runtime_init_thread_env</c>): with hardware bounds checks a thread that has not
/// initialised it gets the trap "thread signal env not inited"; on Windows it is needed by every build. The façade
/// initialises it for every thread that calls in, once, and again after a store deletion (WAMR tears it down when a
/// thread's last store is deleted). It is never destroyed: WAMR has no per-thread exit hook in .NET, and the
/// environment is a few kilobytes at most (on this project's build, software bounds checks on Linux, nothing at all).
/// </summary>
internal static class ThreadEnvironment
{
    [ThreadStatic]
    private static bool t_ready;

    /// <summary>Initialises the environment of the calling thread if the façade has not done so yet.</summary>
    /// <remarks>Call only while a WAMR engine exists.</remarks>
    internal static void Ensure()
    {
        if (!t_ready)
        {
            Initialise();
        }
    }

    /// <summary>Restores the environment after a store deletion on this thread (WAMR may have torn it down).</summary>
    internal static void AfterStoreDeleted()
    {
        if (t_ready)
        {
            _ = wasm_runtime_init_thread_env();
        }
    }

    private static void Initialise()
    {
        if (!wasm_runtime_init_thread_env())
        {
            throw new WasmException(
                $"wasm_runtime_init_thread_env failed on thread {Environment.CurrentManagedThreadId}: WAMR cannot run on this thread.");
        }

        t_ready = true;
    }
}
