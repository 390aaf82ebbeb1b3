namespace Wamr.SourceGen.Preprocessing;

/// <summary>The kinds of C preprocessing tokens.</summary>
public enum TokenKind
{
    /// <summary>An identifier or keyword.</summary>
    Identifier,

    /// <summary>A preprocessing number (<c>0x10</c>, <c>1u</c>, <c>1.5f</c>).</summary>
    Number,

    /// <summary>A string literal, quotes included.</summary>
    String,

    /// <summary>A character constant, quotes included.</summary>
    Character,

    /// <summary>An operator or punctuator.</summary>
    Punctuator,

    /// <summary>A character that is none of the above.</summary>
    Other,
}
