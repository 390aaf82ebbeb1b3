using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Preprocessing;

/// <summary>A C token and where it came from.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Text">The exact spelling.</param>
/// <param name="Location">Where it was written (for a token made by a macro: where the macro was used).</param>
/// <param name="HasLeadingSpace">Whether white space or a comment precedes it (matters for <c>#</c> stringizing).</param>
/// <param name="AtLineStart">Whether it is the first token of a logical line (directives start there).</param>
/// <param name="LeadingComment">The comments written right before it, markers stripped; null when none.</param>
public sealed record Token(
    TokenKind Kind,
    string Text,
    SourceLocation Location,
    bool HasLeadingSpace = false,
    bool AtLineStart = false,
    string? LeadingComment = null)
{
    /// <summary>Whether this is the punctuator or identifier <paramref name="text"/>.</summary>
    public bool Is(string text) => (Kind == TokenKind.Punctuator || Kind == TokenKind.Identifier) && Text == text;

    /// <inheritdoc />
    public override string ToString() => Text;
}
