using System.Collections.Generic;

using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Parsing;

/// <summary>A position in the token stream, with an end-of-input token past the last one.</summary>
internal sealed class TokenCursor
{
    private readonly IReadOnlyList<Token> _tokens;
    private readonly Token _end;

    public TokenCursor(IReadOnlyList<Token> tokens)
    {
        _tokens = tokens;
        SourceLocation endLocation = tokens.Count > 0 ? tokens[tokens.Count - 1].Location : new SourceLocation("<input>", 1, 1);
        _end = new Token(TokenKind.Other, string.Empty, endLocation);
    }

    /// <summary>The index of <see cref="Current"/>.</summary>
    public int Position { get; set; }

    public bool AtEnd => Position >= _tokens.Count;

    public Token Current => Peek(0);

    public Token Peek(int offset)
    {
        int index = Position + offset;
        return index >= 0 && index < _tokens.Count ? _tokens[index] : _end;
    }

    public Token At(int index) => index >= 0 && index < _tokens.Count ? _tokens[index] : _end;

    public Token Next()
    {
        Token t = Current;
        if (Position < _tokens.Count)
        {
            Position++;
        }

        return t;
    }

    /// <summary>Whether the current token is the punctuator or identifier <paramref name="text"/>.</summary>
    public bool Is(string text) => !AtEnd && Current.Is(text);

    public bool Accept(string text)
    {
        if (Is(text))
        {
            Position++;
            return true;
        }

        return false;
    }

    public Token Expect(string text)
    {
        if (!Is(text))
        {
            throw ParseException.Syntax($"expected '{text}' but found {Describe(Current)}", Current);
        }

        return Next();
    }

    public Token ExpectIdentifier(string what)
    {
        if (AtEnd || Current.Kind != TokenKind.Identifier)
        {
            throw ParseException.Syntax($"expected {what} but found {Describe(Current)}", Current);
        }

        return Next();
    }

    /// <summary>Skips a parenthesized, bracketed or braced group starting at the current opener, nesting included.</summary>
    public void SkipBalanced()
    {
        Token open = Current;
        int depth = 0;
        do
        {
            if (AtEnd)
            {
                throw ParseException.Syntax($"'{open.Text}' is never closed", open);
            }

            Token t = Next();
            if (t.Kind == TokenKind.Punctuator)
            {
                if (t.Text is "(" or "[" or "{")
                {
                    depth++;
                }
                else if (t.Text is ")" or "]" or "}")
                {
                    depth--;
                }
            }
        }
        while (depth > 0);
    }

    /// <summary>
    /// Collects the tokens of an expression up to (not including) one of <paramref name="stops"/> at nesting depth 0.
    /// </summary>
    public List<Token> CollectUntil(params string[] stops)
    {
        var result = new List<Token>();
        int depth = 0;
        while (!AtEnd)
        {
            Token t = Current;
            if (t.Kind == TokenKind.Punctuator)
            {
                if (depth == 0 && System.Array.IndexOf(stops, t.Text) >= 0)
                {
                    break;
                }

                if (t.Text is "(" or "[" or "{")
                {
                    depth++;
                }
                else if (t.Text is ")" or "]" or "}")
                {
                    if (depth == 0)
                    {
                        break;
                    }

                    depth--;
                }
            }

            result.Add(t);
            Position++;
        }

        return result;
    }

    /// <summary>The tokens from index <paramref name="start"/> up to (not including) <paramref name="end"/>.</summary>
    public List<Token> Slice(int start, int end)
    {
        var result = new List<Token>(System.Math.Max(0, end - start));
        for (int i = start; i < end && i < _tokens.Count; i++)
        {
            result.Add(_tokens[i]);
        }

        return result;
    }

    public static string Describe(Token t) => t.Text.Length == 0 ? "end of input" : $"'{t.Text}'";
}
