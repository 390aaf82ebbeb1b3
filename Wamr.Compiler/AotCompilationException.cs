using System;

namespace Wamr.Compiler;

/// <summary>WAMR's compiler could not compile a module: its loader rejected the binary, or LLVM failed; the message
/// carries WAMR's reason.</summary>
public sealed class AotCompilationException : WasmException
{
    /// <summary>An exception with a default message.</summary>
    public AotCompilationException()
        : base("WAMR's AOT compiler failed.")
    {
    }

    /// <summary>An exception with a message.</summary>
    public AotCompilationException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with a message and the exception that caused it.</summary>
    public AotCompilationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
