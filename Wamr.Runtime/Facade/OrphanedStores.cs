using System;
using System.Collections.Generic;
using System.Threading;

namespace Wamr;

/// <summary>
/// Stores that were never disposed and have been finalized. The finalizer thread never deletes a store: WAMR keeps
/// per-thread bookkeeping of stores (and tears a thread's environment down with its last store), so a finalized store
/// waits here and is deleted later, on the thread that created it, the next time that thread creates an engine,
/// store, module or instance, disposes a store, or calls <see cref="Store.ReleaseOrphanedStores"/>. A store whose
/// creating thread has ended is deleted by the next thread that does one of those things.
/// </summary>
internal static class OrphanedStores
{
    private static readonly object Gate = new();
    private static readonly List<StoreCore> s_pending = new();
    private static int s_count;
    private static long s_released;

    /// <summary>How many finalized stores wait for deletion.</summary>
    internal static int Count => Volatile.Read(ref s_count);

    /// <summary>How many finalized stores have been deleted so far (diagnostic).</summary>
    internal static long ReleasedTotal => Interlocked.Read(ref s_released);

    /// <summary>Called by a store's finalizer: queue, do not delete.</summary>
    internal static void Enqueue(StoreCore core)
    {
        lock (Gate)
        {
            s_pending.Add(core);
            s_count = s_pending.Count;
        }
    }

    /// <summary>Deletes the queued stores this thread may delete now; returns how many.</summary>
    internal static int ReleaseDue()
    {
        if (Volatile.Read(ref s_count) == 0)
        {
            return 0;
        }

        int me = Environment.CurrentManagedThreadId;
        var due = new List<StoreCore>();
        lock (Gate)
        {
            for (int i = s_pending.Count - 1; i >= 0; i--)
            {
                StoreCore core = s_pending[i];
                if ((core.CreatorThreadId == me || !core.CreatorThread.IsAlive) && core.TryBeginRelease(mustBeIdle: false))
                {
                    due.Add(core);
                    s_pending.RemoveAt(i);
                }
            }

            s_count = s_pending.Count;
        }

        foreach (StoreCore core in due)
        {
            core.Release();
            Interlocked.Increment(ref s_released);
        }

        return due.Count;
    }
}
