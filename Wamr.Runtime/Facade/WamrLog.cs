using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace Wamr;

/// <summary>
/// WAMR's console output: its log lines and the frames it prints for every trap (WAMR_BUILD_DUMP_CALL_STACK).
/// </summary>
/// <remarks>
/// <para>
/// WAMR writes with <c>vprintf</c> to the process's stdout. The libiwasm this package ships routes that through a
/// print function of its own (WAMR's <c>WAMR_BH_VPRINTF</c> build option), so that the façade can keep it off the
/// user's console: as soon as the façade is used (the first <see cref="Engine"/>), WAMR's output is discarded unless
/// <see cref="Writer"/> is set. The procedural API (<c>Wamr.Interop</c>) alone keeps WAMR's behaviour.
/// </para>
/// <para>
/// The settings are process-wide, like WAMR's. WAMR resets its log level whenever its runtime is (re)initialised;
/// the façade applies <see cref="Level"/> again after creating an engine. <see cref="Writer"/> is called on whichever
/// thread WAMR prints from (the calling thread for traps); exceptions it throws are swallowed, because they must
/// not unwind through WAMR's frames. Use a thread-safe writer (<see cref="TextWriter.Synchronized"/>) if several
/// threads run WebAssembly.
/// </para>
/// </remarks>
public static unsafe class WamrLog
{
    private static readonly object Gate = new();
    private static TextWriter? s_writer;
    private static WamrLogLevel s_level = WamrLogLevel.Warning;
    private static bool s_installed;

    /// <summary>Where WAMR's output goes; <see langword="null"/> (the default) discards it.</summary>
    /// <remarks>Set <c>Console.Out</c> to see it as WAMR prints it. Text arrives in pieces (a line may be split).</remarks>
    public static TextWriter? Writer
    {
        get => Volatile.Read(ref s_writer);
        set
        {
            lock (Gate)
            {
                s_writer = value;
                Install();
            }
        }
    }

    /// <summary>How much WAMR logs (default <see cref="WamrLogLevel.Warning"/>, as WAMR's release builds).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined level.</exception>
    public static WamrLogLevel Level
    {
        get => s_level;
        set
        {
            if (value is < WamrLogLevel.Fatal or > WamrLogLevel.Verbose)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "not a WAMR log level");
            }

            lock (Gate)
            {
                s_level = value;
                FacadeNative.bh_log_set_verbose_level((uint)value);
                Install();
            }
        }
    }

    /// <summary>Applies the settings; called after the façade creates an engine (WAMR resets its level then).</summary>
    internal static void Apply()
    {
        lock (Gate)
        {
            FacadeNative.bh_log_set_verbose_level((uint)s_level);
            Install();
        }
    }

    private static void Install()
    {
        int result = s_writer is null
            ? FacadeNative.wamr_dotnet_set_print(FacadeNative.PrintDiscard, null)
            : FacadeNative.wamr_dotnet_set_print(FacadeNative.PrintToSink, &Sink);
        if (result == 0)
        {
            throw new InvalidOperationException("libiwasm refused the print mode (wamr_dotnet_set_print returned 0).");
        }

        s_installed = true;
    }

    /// <summary>Whether the façade has taken over WAMR's output (diagnostic).</summary>
    internal static bool IsInstalled => s_installed;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Sink(byte* text, nuint length)
    {
        try
        {
            TextWriter? writer = Volatile.Read(ref s_writer);
            if (writer is not null && length > 0)
            {
                writer.Write(Encoding.UTF8.GetString(text, checked((int)length)));
            }
        }
        catch (Exception)
        {
            // A failing writer must not unwind through WAMR's native frames; the text is dropped.
        }
    }
}
