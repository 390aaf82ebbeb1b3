using System;
using System.Collections.Generic;

namespace Wamr;

/// <summary>
/// WebAssembly trapped: the call was abandoned. <see cref="Exception.Message"/> is the trap's message followed by the
/// wasm backtrace; when a host function's exception caused the trap, <see cref="Exception.InnerException"/> is that
/// exception.
/// </summary>
public class TrapException : WasmException
{
    /// <summary>An exception with a message and no trap details.</summary>
    public TrapException(string message)
        : this(new Trap(message, null, []), null)
    {
    }

    /// <summary>An exception with a message, no trap details, and an inner exception.</summary>
    public TrapException(string message, Exception? innerException)
        : this(new Trap(message, null, []), innerException)
    {
    }

    /// <summary>An exception for a trap and the host exception that caused it, if any.</summary>
    public TrapException(Trap trap, Exception? innerException)
        : base((trap ?? throw new ArgumentNullException(nameof(trap))).ToString(), innerException)
    {
        Trap = trap;
    }

    /// <summary>The trap's details.</summary>
    public Trap Trap { get; }

    /// <summary>The trap's message alone (without the backtrace).</summary>
    public string TrapMessage => Trap.Message;

    /// <summary>The frame that trapped, when WAMR reports one.</summary>
    public Frame? Origin => Trap.Origin;

    /// <summary>The wasm backtrace, innermost first.</summary>
    public IReadOnlyList<Frame> Frames => Trap.Frames;
}
