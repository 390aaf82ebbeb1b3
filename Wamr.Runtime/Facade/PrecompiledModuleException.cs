using System;

namespace Wamr;

/// <summary>
/// A precompiled (ahead-of-time compiled) module was refused before WAMR ran any of it, or precompiled bytes were
/// given where only WebAssembly binaries are accepted. <see cref="Problem"/> says which check failed.
/// </summary>
public sealed class PrecompiledModuleException : WasmException
{
    /// <summary>An exception with a default message.</summary>
    public PrecompiledModuleException()
        : base("The precompiled module was refused.")
    {
        Problem = PrecompiledModuleProblem.Rejected;
    }

    /// <summary>An exception with a message.</summary>
    public PrecompiledModuleException(string message)
        : base(message)
    {
        Problem = PrecompiledModuleProblem.Rejected;
    }

    /// <summary>An exception with a message and the exception that caused it.</summary>
    public PrecompiledModuleException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Problem = PrecompiledModuleProblem.Rejected;
    }

    /// <summary>An exception naming the check that failed.</summary>
    public PrecompiledModuleException(PrecompiledModuleProblem problem, string message)
        : base(message)
    {
        Problem = problem;
    }

    /// <summary>The check that failed.</summary>
    public PrecompiledModuleProblem Problem { get; }
}
