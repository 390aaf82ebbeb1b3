using System;
using System.Runtime.InteropServices;

using Wamr.Interop;

namespace Wamr;

/// <summary>
/// Whether the loaded libiwasm carries this project's engine extension (<c>native/ext</c>): WASI set-up, interruption,
/// fast calls and reference-safe calls need it. The libiwasm this package ships has it; a libiwasm built elsewhere
/// (a user bringing their own library and header) does not, and then every feature that needs it throws
/// <see cref="NotSupportedException"/> naming the feature while everything else keeps working.
/// </summary>
/// <remarks>Detected once, the first time it is asked, from the library <see cref="WamrNativeLibrary"/> loaded.</remarks>
public static class WamrExtension
{
    private static readonly Lazy<string?> Problem = new(Detect);

    /// <summary>Whether the loaded libiwasm has the extension, in the version this assembly was built for.</summary>
    public static bool IsAvailable => Problem.Value is null;

    /// <summary>Why the extension is not available (<see langword="null"/> when it is).</summary>
    public static string? UnavailableReason => Problem.Value;

    /// <summary>Throws <see cref="NotSupportedException"/> naming <paramref name="feature"/> when the extension is missing.</summary>
    /// <param name="feature">What the caller wanted, e.g. "WASI configuration".</param>
    internal static void Require(string feature)
    {
        if (Problem.Value is { } problem)
        {
            throw new NotSupportedException($"{feature} needs the Wamr for .NET engine extension (native/ext), but {problem}");
        }
    }

    private static string? Detect()
    {
        nint library = WamrNativeLibrary.Load();
        string where = WamrNativeLibrary.LoadedFrom ?? WamrNativeLibrary.LibraryName;
        if (!NativeLibrary.TryGetExport(library, "wamr_ext_abi_version", out _))
        {
            return $"the loaded library ({where}) does not export wamr_ext_abi_version: it was not built by this package's native build.";
        }

        uint abi = WamrExt.wamr_ext_abi_version();
        if (abi != WamrExt.WAMR_EXT_ABI_VERSION)
        {
            return $"the loaded library ({where}) has extension ABI version {abi}, this assembly was built for {WamrExt.WAMR_EXT_ABI_VERSION}.";
        }

        return null;
    }
}
