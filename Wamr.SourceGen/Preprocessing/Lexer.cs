using System.Collections.Generic;
using System.Text;

using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Preprocessing;

/// <summary>
/// Splits one header into C preprocessing tokens. Line continuations are spliced (the tokens keep their
/// physical line), comments become white space and are kept as the next token's
/// <see cref="Token.LeadingComment"/>, and each token knows whether it starts a logical line. A comment at the
/// end of a directive line (<c>#endif // guard</c>) belongs to the directive and is dropped, so that it does
/// not become the comment of the next line's token.
/// </summary>
public static class Lexer
{
    private static readonly string[] Punctuators =
    {
        "...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
        "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##",
    };

    /// <summary>Tokenizes <paramref name="text"/>, naming <paramref name="file"/> in every location.</summary>
    public static List<Token> Tokenize(string file, string text)
    {
        var tokens = new List<Token>();
        var reader = new Reader(text);
        bool atLineStart = true;
        bool leadingSpace = false;
        bool directiveLine = false;
        StringBuilder? comment = null;

        while (true)
        {
            reader.SpliceContinuations();
            if (reader.AtEnd)
            {
                break;
            }

            char c = reader.Peek();
            if (c == '\n')
            {
                reader.Advance();
                atLineStart = true;
                leadingSpace = false;
                if (directiveLine)
                {
                    // A comment at the end of a directive line belongs to the directive, not to the next line.
                    comment = null;
                    directiveLine = false;
                }

                continue;
            }

            if (c is ' ' or '\t' or '\r' or '\f' or '\v')
            {
                reader.Advance();
                leadingSpace = true;
                continue;
            }

            if (c == '/' && reader.PeekAt(1) == '/')
            {
                reader.Advance(2);
                var line = new StringBuilder();
                while (!reader.AtEnd && reader.Peek() != '\n')
                {
                    line.Append(reader.Advance());
                    reader.SpliceContinuations();
                }

                AppendComment(ref comment, line.ToString().TrimStart('/'));
                leadingSpace = true;
                continue;
            }

            if (c == '/' && reader.PeekAt(1) == '*')
            {
                reader.Advance(2);
                var block = new StringBuilder();
                while (!reader.AtEnd && !(reader.Peek() == '*' && reader.PeekAt(1) == '/'))
                {
                    block.Append(reader.Advance());
                }

                reader.Advance(2);
                foreach (string raw in block.ToString().Split('\n'))
                {
                    string l = raw.Trim();
                    if (l.StartsWith("*", System.StringComparison.Ordinal))
                    {
                        l = l.Substring(1);
                    }

                    AppendComment(ref comment, l);
                }

                leadingSpace = true;
                continue;
            }

            var location = new SourceLocation(file, reader.Line, reader.Column);
            string spelling;
            TokenKind kind;
            if (IsIdentifierStart(c))
            {
                spelling = reader.TakeWhile(IsIdentifierPart);
                kind = TokenKind.Identifier;
            }
            else if (char.IsDigit(c) || (c == '.' && char.IsDigit(reader.PeekAt(1))))
            {
                spelling = ReadNumber(reader);
                kind = TokenKind.Number;
            }
            else if (c == '"' || c == '\'')
            {
                spelling = ReadQuoted(reader, c);
                kind = c == '"' ? TokenKind.String : TokenKind.Character;
            }
            else
            {
                spelling = ReadPunctuator(reader, out bool known);
                kind = known ? TokenKind.Punctuator : TokenKind.Other;
            }

            if (atLineStart && kind == TokenKind.Punctuator && spelling == "#")
            {
                directiveLine = true;
            }

            string? doc = comment?.ToString().Trim();
            tokens.Add(new Token(kind, spelling, location, leadingSpace, atLineStart, string.IsNullOrEmpty(doc) ? null : doc));
            comment = null;
            atLineStart = false;
            leadingSpace = false;
        }

        return tokens;
    }

    private static void AppendComment(ref StringBuilder? comment, string line)
    {
        comment ??= new StringBuilder();
        if (comment.Length > 0)
        {
            comment.Append('\n');
        }

        comment.Append(line.Trim());
    }

    /// <summary>Whether <paramref name="c"/> may start an identifier.</summary>
    public static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c) || c == '$';

    /// <summary>Whether <paramref name="c"/> may continue an identifier.</summary>
    public static bool IsIdentifierPart(char c) => c == '_' || char.IsLetterOrDigit(c) || c == '$';

    private static string ReadNumber(Reader reader)
    {
        var sb = new StringBuilder();
        while (!reader.AtEnd)
        {
            char c = reader.Peek();
            if ((c is '+' or '-') && sb.Length > 0 && (sb[sb.Length - 1] is 'e' or 'E' or 'p' or 'P')
                && !(sb.Length > 1 && sb[0] == '0' && (sb[1] is 'x' or 'X') && sb[sb.Length - 1] is 'e' or 'E'))
            {
                sb.Append(reader.Advance());
            }
            else if (IsIdentifierPart(c) || c == '.')
            {
                sb.Append(reader.Advance());
            }
            else
            {
                break;
            }

            reader.SpliceContinuations();
        }

        return sb.ToString();
    }

    private static string ReadQuoted(Reader reader, char quote)
    {
        var sb = new StringBuilder();
        sb.Append(reader.Advance());
        while (!reader.AtEnd && reader.Peek() != '\n')
        {
            char c = reader.Advance();
            sb.Append(c);
            if (c == '\\' && !reader.AtEnd)
            {
                sb.Append(reader.Advance());
            }
            else if (c == quote)
            {
                break;
            }

            reader.SpliceContinuations();
        }

        return sb.ToString();
    }

    private static string ReadPunctuator(Reader reader, out bool known)
    {
        foreach (string p in Punctuators)
        {
            if (reader.StartsWith(p))
            {
                reader.Advance(p.Length);
                known = true;
                return p;
            }
        }

        char c = reader.Advance();
        known = "{}[]()<>;:,.?!~+-*/%^&|=#".IndexOf(c) >= 0;
        return c.ToString();
    }

    private sealed class Reader
    {
        private readonly string _text;
        private int _pos;

        public Reader(string text) => _text = text;

        public int Line { get; private set; } = 1;

        public int Column { get; private set; } = 1;

        public bool AtEnd => _pos >= _text.Length;

        public char Peek() => _text[_pos];

        public char PeekAt(int offset)
        {
            // Looks ahead across line continuations.
            int p = _pos;
            for (int i = 0; ; i++)
            {
                p = SkipSplices(p);
                if (p >= _text.Length)
                {
                    return '\0';
                }

                if (i == offset)
                {
                    return _text[p];
                }

                p++;
            }
        }

        public bool StartsWith(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (PeekAt(i) != s[i])
                {
                    return false;
                }
            }

            return true;
        }

        public char Advance()
        {
            SpliceContinuations();
            char c = _text[_pos++];
            if (c == '\n')
            {
                Line++;
                Column = 1;
            }
            else
            {
                Column++;
            }

            return c;
        }

        public void Advance(int count)
        {
            for (int i = 0; i < count && !AtEnd; i++)
            {
                Advance();
            }
        }

        public string TakeWhile(System.Func<char, bool> predicate)
        {
            var sb = new StringBuilder();
            while (true)
            {
                SpliceContinuations();
                if (AtEnd || !predicate(Peek()))
                {
                    return sb.ToString();
                }

                sb.Append(Advance());
            }
        }

        /// <summary>Skips backslash-newline pairs at the current position.</summary>
        public void SpliceContinuations()
        {
            while (_pos < _text.Length && _text[_pos] == '\\')
            {
                int next = _pos + 1;
                if (next < _text.Length && _text[next] == '\r')
                {
                    next++;
                }

                if (next < _text.Length && _text[next] == '\n')
                {
                    _pos = next + 1;
                    Line++;
                    Column = 1;
                }
                else
                {
                    break;
                }
            }
        }

        private int SkipSplices(int p)
        {
            while (p < _text.Length && _text[p] == '\\')
            {
                int next = p + 1;
                if (next < _text.Length && _text[next] == '\r')
                {
                    next++;
                }

                if (next < _text.Length && _text[next] == '\n')
                {
                    p = next + 1;
                }
                else
                {
                    break;
                }
            }

            return p;
        }
    }
}
