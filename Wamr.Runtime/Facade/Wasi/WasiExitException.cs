using System;

namespace Wamr;

/// <summary>
/// The WASI program ended itself with <c>proc_exit</c> (C's <c>exit</c>): the call was abandoned there, and
/// <see cref="ExitCode"/> is the status it gave. Not a trap: <see cref="Instance.RunWasiMain"/> returns the code instead
/// of throwing this.
/// </summary>
/// <remarks>The instance stays usable afterwards (WAMR keeps its memory and open files), but a WASI program that
/// exited usually expects nothing more to run.</remarks>
public sealed class WasiExitException : WasmException
{
    /// <summary>An exception for <c>proc_exit(exitCode)</c>.</summary>
    public WasiExitException(int exitCode)
        : base($"The WASI program exited with code {exitCode}.")
    {
        ExitCode = exitCode;
    }

    /// <summary>The status given to <c>proc_exit</c> (WASI's unsigned 32-bit value, as <see cref="int"/>).</summary>
    public int ExitCode { get; }
}
