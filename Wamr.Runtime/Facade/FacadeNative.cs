using System;
using System.Runtime.InteropServices;
using System.Threading;

using Wamr.Interop;

namespace Wamr;

/// <summary>
/// The few libiwasm functions the façade needs that WAMR's public headers do not declare (so the generator does not
/// bind them): the print and thread hooks this project's native build adds (<c>native/src/</c>) and WAMR's
/// log level (<c>bh_log_set_verbose_level</c>, exported by libiwasm, declared in WAMR's internal <c>bh_log.h</c>).
/// They are looked up by name in the loaded library rather than declared with <c>DllImport</c>, so that every
/// <c>DllImport</c> of the assembly stays one the generator made from a header.
/// </summary>
internal static unsafe class FacadeNative
{
    /// <summary>Print to stdout, as WAMR does by default.</summary>
    internal const int PrintToStdout = 0;

    /// <summary>Discard WAMR's console output.</summary>
    internal const int PrintDiscard = 1;

    /// <summary>Hand WAMR's console output to a callback.</summary>
    internal const int PrintToSink = 2;

    private static nint s_setPrint;
    private static nint s_setVerboseLevel;
    private static nint s_initThreadEnv;

    /// <summary><c>int wamr_dotnet_set_print(int mode, void (*sink)(const char*, size_t))</c>.</summary>
    internal static int wamr_dotnet_set_print(int mode, delegate* unmanaged[Cdecl]<byte*, nuint, void> sink) =>
        ((delegate* unmanaged[Cdecl]<int, delegate* unmanaged[Cdecl]<byte*, nuint, void>, int>)Get(ref s_setPrint, "wamr_dotnet_set_print"))(mode, sink);

    /// <summary><c>bool wamr_dotnet_init_thread_env(void)</c> (<c>native/src/wamr_dotnet_thread.c</c>): WAMR's thread
    /// environment for the calling thread, destroyed by a thread-exit callback when the thread ends.</summary>
    internal static bool wamr_dotnet_init_thread_env() =>
        ((delegate* unmanaged[Cdecl]<bool>)Get(ref s_initThreadEnv, "wamr_dotnet_init_thread_env"))();

    /// <summary><c>void bh_log_set_verbose_level(uint32_t level)</c>.</summary>
    internal static void bh_log_set_verbose_level(uint level) =>
        ((delegate* unmanaged[Cdecl]<uint, void>)Get(ref s_setVerboseLevel, "bh_log_set_verbose_level"))(level);

    private static nint Get(ref nint slot, string name)
    {
        nint address = Volatile.Read(ref slot);
        if (address == 0)
        {
            if (!NativeLibrary.TryGetExport(WamrNativeLibrary.Load(), name, out address))
            {
                throw new EntryPointNotFoundException(
                    $"The loaded iwasm library does not export {name}: it was not built by this package's native build (native/), which adds it.");
            }

            Volatile.Write(ref slot, address);
        }

        return address;
    }
}
