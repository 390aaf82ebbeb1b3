using System;

namespace Wamr;

/// <summary>WAMR refused or failed an operation: an invalid module, a failed instantiation, a trap.</summary>
public class WasmException : Exception
{
    /// <summary>An exception with a default message.</summary>
    public WasmException()
        : base("WAMR reported an error.")
    {
    }

    /// <summary>An exception with a message.</summary>
    public WasmException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with a message and the exception that caused it.</summary>
    public WasmException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
