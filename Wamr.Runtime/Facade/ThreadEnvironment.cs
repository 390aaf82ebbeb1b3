using System;
using System.Runtime.CompilerServices;

namespace Wamr;

/// <summary>
/// WAMR's per-thread environment (<c>wasm_runtime_init_thread_env</c>): with hardware bounds checks a thread that has not
/// initialised it gets the trap "thread signal env not inited", and the environment puts guard pages into the thread's
/// stack; on Windows every build needs it. The façade initialises it, once, for every thread that calls in or creates
/// a store, through <c>wamr_dotnet_init_thread_env</c> (<c>native/src/wamr_dotnet_thread.c</c>), which also has it
/// destroyed on that thread when the thread ends (WAMR itself does so only when a thread deletes its last store, and a
/// .NET thread that ended with the environment still set would leave inaccessible guard pages in a stack the C
/// library reuses). After a store deletion the façade initialises it again, because WAMR may have just torn it down.
/// </summary>
internal static class ThreadEnvironment
{
    /// <summary>The calling thread's managed id once the façade initialised its environment; 0 before.</summary>
    [ThreadStatic]
    private static int t_readyThreadId;

    /// <summary>
    /// The calling thread's managed id (<see cref="Environment.CurrentManagedThreadId"/>) if the façade has initialised its
    /// environment, or 0 if not yet: one thread-static read that answers both questions a call's entry asks.
    /// </summary>
    internal static int ReadyThreadId
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => t_readyThreadId;
    }

    /// <summary>Initialises the environment of the calling thread if the façade has not done so yet.</summary>
    /// <remarks>Call only while a WAMR engine exists.</remarks>
    internal static void Ensure()
    {
        if (t_readyThreadId == 0)
        {
            Initialise();
        }
    }

    /// <summary>Restores the environment after a store deletion on this thread (WAMR may have torn it down).</summary>
    internal static void AfterStoreDeleted()
    {
        if (t_readyThreadId != 0)
        {
            _ = FacadeNative.wamr_dotnet_init_thread_env();
        }
    }

    private static void Initialise()
    {
        if (!FacadeNative.wamr_dotnet_init_thread_env())
        {
            throw new WasmException(
                $"wasm_runtime_init_thread_env failed on thread {Environment.CurrentManagedThreadId}: WAMR cannot run on this thread.");
        }

        t_readyThreadId = Environment.CurrentManagedThreadId;
    }
}
