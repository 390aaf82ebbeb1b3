using System.Collections.Generic;

namespace Wamr.SourceGen.Preprocessing;

/// <summary>
/// The input of macro expansion: tokens pushed back by expansions (read first) in front of a run of a
/// header's tokens, which ends at the next directive line or the end of the header.
/// </summary>
internal sealed class TokenReader
{
    /// <summary>More pending tokens than this means a runaway expansion.</summary>
    public const int MaxPending = 4_000_000;

    private readonly List<ExpansionToken> _pending = new();
    private IReadOnlyList<Token>? _source;
    private int _position;

    /// <summary>The index of the next header token not read yet.</summary>
    public int Position => _position;

    /// <summary>How many pushed-back tokens wait to be read.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Whether <paramref name="token"/> starts a directive line.</summary>
    public static bool IsDirectiveStart(Token token) =>
        token.AtLineStart && token.Kind == TokenKind.Punctuator && token.Text == "#";

    /// <summary>Reads <paramref name="source"/> from <paramref name="position"/>, with nothing pending.</summary>
    public void Reset(IReadOnlyList<Token>? source, int position)
    {
        _pending.Clear();
        _source = source;
        _position = position;
    }

    /// <summary>Puts <paramref name="tokens"/> in front of the input, first token first.</summary>
    public void Push(List<ExpansionToken> tokens)
    {
        for (int i = tokens.Count - 1; i >= 0; i--)
        {
            _pending.Add(tokens[i]);
        }
    }

    /// <summary>The next token without reading it; false at the end of the input.</summary>
    public bool TryPeek(out ExpansionToken token)
    {
        if (_pending.Count > 0)
        {
            token = _pending[_pending.Count - 1];
            return true;
        }

        if (SourceAvailable())
        {
            token = new ExpansionToken(_source![_position], null);
            return true;
        }

        token = default;
        return false;
    }

    /// <summary>Reads the next token; false at the end of the input.</summary>
    public bool TryRead(out ExpansionToken token)
    {
        if (_pending.Count > 0)
        {
            token = _pending[_pending.Count - 1];
            _pending.RemoveAt(_pending.Count - 1);
            return true;
        }

        if (SourceAvailable())
        {
            token = new ExpansionToken(_source![_position++], null);
            return true;
        }

        token = default;
        return false;
    }

    private bool SourceAvailable() =>
        _source is not null && _position < _source.Count && !IsDirectiveStart(_source[_position]);
}
