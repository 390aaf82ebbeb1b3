using System;

using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Preprocessing;

/// <summary>Thrown when expansion runs away (too deep or too long); ends preprocessing with a diagnostic.</summary>
internal sealed class PreprocessorLimitException : Exception
{
    public PreprocessorLimitException(string message, SourceLocation location)
        : base(message) => Location = location;

    /// <summary>Where the runaway was noticed.</summary>
    public SourceLocation Location { get; }
}
