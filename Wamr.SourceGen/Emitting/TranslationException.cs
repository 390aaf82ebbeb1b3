using System;

using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Emitting;

/// <summary>Abandons the translation of one helper: its body uses something the translator does not support.</summary>
internal sealed class TranslationException : Exception
{
    public TranslationException(string reason, SourceLocation location)
        : base(reason) => Location = location;

    /// <summary>Where the construct is.</summary>
    public SourceLocation Location { get; }
}
