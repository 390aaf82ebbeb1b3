using System;

namespace Wamr;

/// <summary>
/// A call was stopped before it finished: by <see cref="Store.Interrupt"/>, a timeout, or a canceled token
/// (<see cref="Reason"/> says which). It is a <see cref="TrapException"/>: the wasm code was abandoned at a branch or call,
/// as if it had trapped there, and the instance stays usable, with whatever the interrupted code had written to its
/// memory and globals.
/// </summary>
/// <remarks>A call given its own <see cref="System.Threading.CancellationToken"/> reports that token's cancellation as an
/// <see cref="OperationCanceledException"/> whose <see cref="Exception.InnerException"/> is this exception.</remarks>
public sealed class CallInterruptedException : TrapException
{
    internal CallInterruptedException(InterruptReason reason, Trap trap, Exception? innerException)
        : base(trap, innerException)
    {
        Reason = reason;
    }

    /// <summary>What stopped the call.</summary>
    public InterruptReason Reason { get; }

    /// <summary>The scope or the call's own limit that fired, or null for <see cref="Store.Interrupt"/>.</summary>
    internal InterruptScope? Scope { get; init; }
}
