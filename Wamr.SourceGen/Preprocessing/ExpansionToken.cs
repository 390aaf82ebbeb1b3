using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Preprocessing;

/// <summary>A token on its way through macro expansion: the token and the macros it must not re-enter.</summary>
internal readonly struct ExpansionToken
{
    /// <summary>Stands for an empty macro argument next to <c>##</c> (C's "placemarker").</summary>
    public static readonly Token Placemarker = new(TokenKind.Other, string.Empty, SourceLocation.BuiltIn);

    public ExpansionToken(Token token, HideSet? hide)
    {
        Token = token;
        Hide = hide;
    }

    /// <summary>The token.</summary>
    public Token Token { get; }

    /// <summary>The macros this token came from; null when none.</summary>
    public HideSet? Hide { get; }

    /// <summary>Whether this is the placemarker of an empty argument.</summary>
    public bool IsPlacemarker => ReferenceEquals(Token, Placemarker);

    /// <inheritdoc />
    public override string ToString() => Token.Text;
}
