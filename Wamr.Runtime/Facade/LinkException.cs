using System;
using System.Collections.Generic;
using System.Linq;

namespace Wamr;

/// <summary>
/// Instantiation was refused before WAMR ran because imports were missing or of the wrong type; the message lists
/// each one as <c>module::name (expected type)</c>. (WAMR 1.1.2 itself accepts a missing import and fails only when it
/// is called; the façade fails at instantiation.)
/// </summary>
public sealed class LinkException : WasmException
{
    /// <summary>An exception with a message.</summary>
    public LinkException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>An exception with a message and an inner exception.</summary>
    public LinkException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>An exception listing the imports that could not be satisfied.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null.</exception>
    public LinkException(IReadOnlyList<LinkProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>The imports that could not be satisfied, one entry each.</summary>
    public IReadOnlyList<LinkProblem> Problems { get; }

    private static string Describe(IReadOnlyList<LinkProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return "The module's imports could not be satisfied:" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
    }
}
