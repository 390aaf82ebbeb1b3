using System.Runtime.InteropServices;

using Wamr.Interop;

namespace Wamr;

/// <summary>
/// The few libiwasm functions the façade needs that WAMR's public headers do not declare (so the generator does not
/// bind them): the print hook this project's native build adds (<c>native/src/wamr_dotnet_print.c</c>) and WAMR's
/// log level (<c>bh_log_set_verbose_level</c>, exported by libiwasm, declared in WAMR's internal <c>bh_log.h</c>).
/// </summary>
internal static unsafe partial class FacadeNative
{
    /// <summary>Print to stdout, as WAMR does by default.</summary>
    internal const int PrintToStdout = 0;

    /// <summary>Discard WAMR's console output.</summary>
    internal const int PrintDiscard = 1;

    /// <summary>Hand WAMR's console output to a callback.</summary>
    internal const int PrintToSink = 2;

    [DllImport(WamrNativeLibrary.LibraryName, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    internal static extern int wamr_dotnet_set_print(int mode, delegate* unmanaged[Cdecl]<byte*, nuint, void> sink);

    [DllImport(WamrNativeLibrary.LibraryName, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    internal static extern int wamr_dotnet_get_print_mode();

    [DllImport(WamrNativeLibrary.LibraryName, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    internal static extern void bh_log_set_verbose_level(uint level);
}
