using System.Collections.Generic;
using System.Threading;

using Wamr.Interop;

using static Wamr.Interop.WamrExt;

namespace Wamr;

// Interrupting the call a store runs (Store.Interrupt, InterruptScope, the timeout and CancellationToken overloads).
//
// The store's owner word (_activeThread) carries the owning thread's id and, while an interrupt is in force,
// InterruptedBit. An interrupter sets the bit with a compare-exchange (so only a store in use can be interrupted), then,
// under _interruptible's lock, records why and raises the extension's flag on every instance of the store: a call stack
// can cross instances (host functions calling other instances' exports), and every call into an instance runs on that
// instance's exec env. The owner's last Exit notices the bit (its compare-exchange back to 0 fails), takes the same lock
// (so it waits for a raise in progress), lowers every flag and only then releases the store: a late interrupt either
// finds the store in use and is handled by that call's exit, or finds it idle and does nothing. The next call never
// meets a stale flag.
internal sealed unsafe partial class StoreCore
{
    /// <summary>Set in <see cref="_activeThread"/> while an interrupt is in force.</summary>
    private const int InterruptedBit = 1 << 29;

    /// <summary>The thread id part of <see cref="_activeThread"/>.</summary>
    private const int ThreadMask = InterruptedBit - 1;

    private static readonly byte[] InterruptedText = "interrupted\0"u8.ToArray();

    /// <summary>The native instances of the store, prepared for interruption; also the interrupt lock.</summary>
    private readonly List<nint> _interruptible = new();

    private InterruptReason _interruptReason;
    private InterruptScope? _interruptScope;
    private int _firedScopes;
    private InterruptScope? _lastFiredScope;

    /// <summary>Whether an interrupt is in force for the running call (cheap: one read).</summary>
    internal bool IsInterrupted => (Volatile.Read(ref _activeThread) & InterruptedBit) != 0;

    /// <summary>Makes an instance interruptible; call inside the store, on the thread that instantiated it.</summary>
    internal void RegisterInterruptible(wasm_instance_t* instance)
    {
        if (!WamrExtension.IsAvailable || !wamr_ext_instance_prepare_interrupt(instance))
        {
            return;
        }

        lock (_interruptible)
        {
            _interruptible.Add((nint)instance);
            if (IsInterrupted)
            {
                // Instantiated by a host function while an interrupt is in force: it stops too.
                Raise(instance);
            }
        }
    }

    /// <summary>
    /// Interrupts what the store runs now, from any thread. Returns false when the store is idle (nothing to stop; no
    /// later call is affected) or disposed; true when the store is in use, including when an interrupt was in force.
    /// </summary>
    internal bool Interrupt(InterruptReason reason, InterruptScope? scope)
    {
        lock (_interruptible)
        {
            while (true)
            {
                int current = Volatile.Read(ref _activeThread);
                if (current == 0 || current == Releasing)
                {
                    return false;
                }

                if ((current & InterruptedBit) != 0)
                {
                    return true;
                }

                if (Interlocked.CompareExchange(ref _activeThread, current | InterruptedBit, current) == current)
                {
                    break;
                }

                // The owner released the store (or another thread claimed it) in between: look again.
            }

            _interruptReason = reason;
            _interruptScope = scope;
            foreach (nint instance in _interruptible)
            {
                Raise((wasm_instance_t*)instance);
            }

            return true;
        }
    }

    /// <summary>Why the running call was interrupted (call only when <see cref="IsInterrupted"/>).</summary>
    internal (InterruptReason Reason, InterruptScope? Scope) CurrentInterrupt()
    {
        lock (_interruptible)
        {
            return (_interruptReason, _interruptScope);
        }
    }

    /// <summary>A scope's timer or token fired: interrupt what runs now, and every call the scope still covers.</summary>
    internal void ScopeFired(InterruptScope scope)
    {
        Volatile.Write(ref _lastFiredScope, scope);
        Interlocked.Increment(ref _firedScopes);
        Interrupt(scope.Reason, scope);
    }

    /// <summary>A fired scope was disposed: calls after it run normally again.</summary>
    internal void FiredScopeReleased() => Interlocked.Decrement(ref _firedScopes);

    /// <summary>The store was claimed while a fired scope is alive: the call must stop at once.</summary>
    private void InterruptForFiredScope()
    {
        InterruptScope? scope = Volatile.Read(ref _lastFiredScope);
        Interrupt(scope?.Reason ?? InterruptReason.Interrupt, scope);
    }

    /// <summary>The owner's last exit after an interrupt: lower every flag, then release the store.</summary>
    private void EndInterrupted()
    {
        lock (_interruptible)
        {
            foreach (nint instance in _interruptible)
            {
                wamr_ext_instance_clear_interrupt((wasm_instance_t*)instance);
            }

            _interruptScope = null;
            Volatile.Write(ref _activeThread, 0);
        }
    }

    private static void Raise(wasm_instance_t* instance)
    {
        fixed (byte* text = InterruptedText)
        {
            wamr_ext_instance_interrupt(instance, text);
        }
    }
}
