using System;

namespace Wamr;

// Running WASI commands: instance.RunWasiMain().
public sealed partial class Instance
{
    /// <summary>The export WASI commands start from.</summary>
    public const string WasiStartExport = "_start";

    /// <summary>
    /// Runs a WASI command: calls its <c>_start</c> export and returns its exit code, 0 when <c>_start</c> returns, or the
    /// code it gave <c>proc_exit</c> (C's <c>exit</c>, or a non-zero return from <c>main</c>).
    /// </summary>
    /// <returns>The program's exit code.</returns>
    /// <exception cref="InvalidOperationException">There is no <c>_start</c> export taking and returning nothing (the module
    /// is not a WASI command; a reactor exports <c>_initialize</c> and functions to call instead).</exception>
    /// <exception cref="TrapException">The program trapped.</exception>
    /// <exception cref="ObjectDisposedException">The instance or its store is disposed.</exception>
    /// <exception cref="System.IO.IOException">Copying its output into a <see cref="WasiOutput.ToStream"/> stream failed.</exception>
    public int RunWasiMain()
    {
        ThrowIfDisposed();
        Func start = GetFunction(WasiStartExport)
            ?? throw new InvalidOperationException($"The instance has no {WasiStartExport} function export: the module is not a WASI command.");
        if (start.Type.Parameters.Count != 0 || start.Type.Results.Count != 0)
        {
            throw new InvalidOperationException($"The instance's {WasiStartExport} is {start.Type}, not (func): the module is not a WASI command.");
        }

        try
        {
            start.Call(ReadOnlySpan<Val>.Empty, Span<Val>.Empty);
            return 0;
        }
        catch (WasiExitException exit)
        {
            return exit.ExitCode;
        }
    }
}
