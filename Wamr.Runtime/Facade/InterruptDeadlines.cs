using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace Wamr;

/// <summary>
/// Fires the time limits of <see cref="InterruptScope"/>s from one dedicated background thread, not from the thread
/// pool: a timeout must stop runaway code even when every pool thread is busy (a server calling wasm from request
/// handlers, or a call itself running on the last free pool thread), where a <see cref="Timer"/>'s callback would wait
/// for the pool to grow — up to seconds. The thread starts with the first deadline and then sleeps until the earliest
/// one; firing only raises flags, so it never runs user code.
/// </summary>
internal static class InterruptDeadlines
{
    private static readonly object Gate = new();
    private static readonly SortedSet<Deadline> Pending = new(Comparer<Deadline>.Create(static (a, b) =>
        a.Due != b.Due ? a.Due.CompareTo(b.Due) : a.Sequence.CompareTo(b.Sequence)));

    private static long _sequence;
    private static Thread? _thread;

    /// <summary>Arranges for <paramref name="scope"/> to fire <paramref name="timeout"/> from now.</summary>
    /// <returns>What <see cref="Cancel"/> takes.</returns>
    public static Deadline Schedule(InterruptScope scope, TimeSpan timeout)
    {
        long due = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        lock (Gate)
        {
            var deadline = new Deadline(due, ++_sequence, scope);
            Pending.Add(deadline);
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "Wamr interrupt deadlines" };
                _thread.Start();
            }
            else if (Pending.Min == deadline)
            {
                // Earlier than what the thread sleeps for.
                Monitor.Pulse(Gate);
            }

            return deadline;
        }
    }

    /// <summary>Forgets a deadline that has not fired (a scope disposed in time); a no-op once it fired.</summary>
    public static void Cancel(Deadline deadline)
    {
        lock (Gate)
        {
            Pending.Remove(deadline);
        }
    }

    private static void Run()
    {
        while (true)
        {
            InterruptScope scope;
            lock (Gate)
            {
                while (true)
                {
                    if (Pending.Count == 0)
                    {
                        Monitor.Wait(Gate);
                        continue;
                    }

                    Deadline first = Pending.Min!;
                    long remaining = first.Due - Stopwatch.GetTimestamp();
                    if (remaining <= 0)
                    {
                        Pending.Remove(first);
                        scope = first.Scope;
                        break;
                    }

                    // Rounded up: waking early would only loop; Monitor.Wait's resolution is about a millisecond.
                    long milliseconds = ((remaining * 1000) + Stopwatch.Frequency - 1) / Stopwatch.Frequency;
                    Monitor.Wait(Gate, (int)Math.Min(milliseconds, int.MaxValue));
                }
            }

            // Outside the lock: firing takes the scope's and the store's locks, and a scope may be disposed (and a new
            // deadline scheduled) meanwhile.
            scope.Fire();
        }
    }

    /// <summary>One scheduled firing.</summary>
    /// <param name="Due">When, in <see cref="Stopwatch"/> ticks.</param>
    /// <param name="Sequence">Order among equal times.</param>
    /// <param name="Scope">What fires.</param>
    internal sealed record Deadline(long Due, long Sequence, InterruptScope Scope);
}
