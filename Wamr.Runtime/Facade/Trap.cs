using System;
using System.Collections.Generic;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>
/// A trap (<c>wasm_trap_t</c>) as read from WAMR: its message, where it happened and the backtrace. The native trap is
/// deleted as soon as it is read, so this object owns nothing.
/// </summary>
public sealed class Trap
{
    private const string WamrPrefix = "Exception: ";

    internal Trap(string message, Frame? origin, IReadOnlyList<Frame> frames)
    {
        Message = message;
        Origin = origin;
        Frames = frames;
    }

    /// <summary>What happened, e.g. <c>unreachable</c> or <c>integer divide by zero</c> (WAMR's "Exception: " prefix removed).</summary>
    public string Message { get; }

    /// <summary>The frame that trapped, when WAMR reports one.</summary>
    public Frame? Origin { get; }

    /// <summary>The backtrace, innermost frame first.</summary>
    public IReadOnlyList<Frame> Frames { get; }

    /// <summary>The message and the backtrace, one frame a line.</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder(Message);
        for (int i = 0; i < Frames.Count; i++)
        {
            text.Append(Environment.NewLine).Append("  #").Append(i.ToString("00", System.Globalization.CultureInfo.InvariantCulture))
                .Append(' ').Append(Frames[i]);
        }

        return text.ToString();
    }

    /// <summary>Reads a native trap; the caller still owns (and deletes) it.</summary>
    internal static unsafe Trap FromNative(wasm_trap_t* trap, Store? store)
    {
        wasm_byte_vec_t message = default;
        wasm_trap_message(trap, &message);
        string text = NativeText.Read(&message);
        wasm_byte_vec_delete(&message);
        if (text.StartsWith(WamrPrefix, StringComparison.Ordinal))
        {
            text = text[WamrPrefix.Length..];
        }

        Frame? origin = null;
        wasm_frame_t* originFrame = wasm_trap_origin(trap);
        if (originFrame != null)
        {
            origin = Frame.FromNative(originFrame, store);
            wasm_frame_delete(originFrame);
        }

        wasm_frame_vec_t trace = default;
        wasm_trap_trace(trap, &trace);
        var frames = new Frame[(int)trace.size];
        for (int i = 0; i < frames.Length; i++)
        {
            frames[i] = Frame.FromNative(trace.data[i], store);
        }

        wasm_frame_vec_delete(&trace);
        return new Trap(text, origin, frames);
    }
}
