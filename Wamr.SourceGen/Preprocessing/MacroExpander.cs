using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Preprocessing;

/// <summary>
/// Expands macros in a token stream as C does: arguments are collected and fully expanded first (except
/// next to <c>#</c> and <c>##</c>), the replacement is rescanned together with the rest of the input, and
/// hide sets keep a macro from expanding inside its own expansion. Expanded tokens take the place of the
/// macro's name: its location, its leading white space and its leading comment.
/// </summary>
internal sealed class MacroExpander
{
    /// <summary>The deepest nesting of argument pre-expansion allowed.</summary>
    public const int MaxNesting = 200;

    /// <summary>The most macro expansions one translation unit may perform.</summary>
    public const int MaxExpansions = 200_000;

    private readonly MacroTable _macros;
    private readonly List<DiagnosticInfo> _diagnostics;
    private int _nesting;
    private int _expansions;

    public MacroExpander(MacroTable macros, List<DiagnosticInfo> diagnostics)
    {
        _macros = macros;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Reads <paramref name="reader"/> to its end, appending the fully expanded tokens to
    /// <paramref name="output"/>. <paramref name="pendingComment"/> holds a comment of a macro that expanded to
    /// nothing, to be put on the next token emitted.
    /// </summary>
    public void Expand(TokenReader reader, List<ExpansionToken> output, ref string? pendingComment)
    {
        while (reader.TryRead(out ExpansionToken current))
        {
            Token token = current.Token;
            if (token.Kind == TokenKind.Identifier && !HideSet.Contains(current.Hide, token.Text))
            {
                if (_macros.TryGet(token.Text, out Macro macro))
                {
                    if (TryExpand(reader, current, macro, ref pendingComment))
                    {
                        continue;
                    }
                }
                else if (token.Text == "_Pragma" && TrySkipPragmaOperator(reader))
                {
                    // _Pragma("...") is a #pragma written as an operator: ignored like #pragma, comment kept.
                    pendingComment = CombineComments(pendingComment, token.LeadingComment);
                    continue;
                }
                else if (token.Text == "__LINE__")
                {
                    token = new Token(TokenKind.Number, token.Location.Line.ToString(CultureInfo.InvariantCulture),
                        token.Location, token.HasLeadingSpace, false, token.LeadingComment);
                }
                else if (token.Text == "__FILE__")
                {
                    token = new Token(TokenKind.String, Quote(token.Location.File), token.Location,
                        token.HasLeadingSpace, false, token.LeadingComment);
                }
            }

            if (pendingComment is not null)
            {
                token = token with { LeadingComment = CombineComments(pendingComment, token.LeadingComment) };
                pendingComment = null;
            }

            output.Add(ReferenceEquals(token, current.Token) ? current : new ExpansionToken(token, current.Hide));
        }
    }

    /// <summary>Joins two comments (either may be null) with a line break.</summary>
    public static string? CombineComments(string? first, string? second)
    {
        if (first is null)
        {
            return second;
        }

        return second is null ? first : first + "\n" + second;
    }

    private bool TryExpand(TokenReader reader, ExpansionToken name, Macro macro, ref string? pendingComment)
    {
        Token nameToken = name.Token;
        List<List<ExpansionToken>>? arguments = null;
        HideSet hide;
        if (macro.IsFunctionLike)
        {
            if (!reader.TryPeek(out ExpansionToken next) || !next.Token.Is("("))
            {
                return false;
            }

            var consumed = new List<ExpansionToken>();
            reader.TryRead(out ExpansionToken open);
            consumed.Add(open);
            if (!CollectArguments(reader, macro, consumed, out arguments, out ExpansionToken close, out string? error))
            {
                Report(error!, nameToken.Location);
                reader.Push(consumed);
                return false;
            }

            hide = HideSet.Add(HideSet.Intersect(name.Hide, close.Hide), macro.Name);
        }
        else
        {
            hide = HideSet.Add(name.Hide, macro.Name);
        }

        if (++_expansions > MaxExpansions)
        {
            throw new PreprocessorLimitException("macro expansion does not end (too many expansions)", nameToken.Location);
        }

        List<ExpansionToken> replacement = Substitute(macro, arguments, hide, nameToken);
        if (nameToken.LeadingComment is not null)
        {
            if (replacement.Count > 0)
            {
                ExpansionToken first = replacement[0];
                replacement[0] = new ExpansionToken(
                    first.Token with { LeadingComment = CombineComments(nameToken.LeadingComment, first.Token.LeadingComment) },
                    first.Hide);
            }
            else
            {
                pendingComment = CombineComments(pendingComment, nameToken.LeadingComment);
            }
        }

        reader.Push(replacement);
        if (reader.PendingCount > TokenReader.MaxPending)
        {
            throw new PreprocessorLimitException("macro expansion does not end (too many tokens)", nameToken.Location);
        }

        return true;
    }

    private static bool TrySkipPragmaOperator(TokenReader reader)
    {
        var read = new List<ExpansionToken>(3);
        string[] expected = { "(", "\"", ")" };
        foreach (string e in expected)
        {
            bool matches = reader.TryRead(out ExpansionToken t)
                && (e == "\"" ? t.Token.Kind == TokenKind.String : t.Token.Is(e));
            if (t.Token is not null)
            {
                read.Add(t);
            }

            if (!matches)
            {
                reader.Push(read);
                return false;
            }
        }

        return true;
    }

    private static bool CollectArguments(
        TokenReader reader,
        Macro macro,
        List<ExpansionToken> consumed,
        out List<List<ExpansionToken>> arguments,
        out ExpansionToken close,
        out string? error)
    {
        arguments = new List<List<ExpansionToken>>();
        var current = new List<ExpansionToken>();
        int depth = 0;
        int parameters = macro.Parameters.Count;
        while (true)
        {
            if (!reader.TryRead(out ExpansionToken token))
            {
                close = default;
                error = $"unterminated argument list invoking macro '{macro.Name}'";
                return false;
            }

            consumed.Add(token);
            Token t = token.Token;
            if (t.Kind == TokenKind.Punctuator)
            {
                if (t.Text == "(")
                {
                    depth++;
                }
                else if (t.Text == ")")
                {
                    if (depth == 0)
                    {
                        close = token;
                        break;
                    }

                    depth--;
                }
                else if (t.Text == "," && depth == 0 && !(macro.IsVariadic && arguments.Count == parameters - 1))
                {
                    arguments.Add(current);
                    current = new List<ExpansionToken>();
                    continue;
                }
            }

            current.Add(token);
        }

        arguments.Add(current);
        if (parameters == 0)
        {
            if (arguments.Count == 1 && arguments[0].Count == 0)
            {
                arguments.Clear();
                error = null;
                return true;
            }

            error = $"macro '{macro.Name}' takes no arguments";
            return false;
        }

        if (macro.IsVariadic && arguments.Count == parameters - 1)
        {
            arguments.Add(new List<ExpansionToken>());
        }

        if (arguments.Count != parameters)
        {
            error = $"macro '{macro.Name}' takes {parameters} argument{(parameters == 1 ? string.Empty : "s")} but {arguments.Count} were given";
            return false;
        }

        error = null;
        return true;
    }

    private List<ExpansionToken> Substitute(Macro macro, List<List<ExpansionToken>>? arguments, HideSet hide, Token name)
    {
        IReadOnlyList<Token> body = macro.Body;
        int[] parameterIndex = macro.ParameterIndex;
        var result = new List<ExpansionToken>(body.Count);
        List<ExpansionToken>?[]? expanded = arguments is null ? null : new List<ExpansionToken>?[arguments.Count];

        for (int i = 0; i < body.Count; i++)
        {
            Token token = body[i];
            if (arguments is not null && token.Is("#") && i + 1 < body.Count && parameterIndex[i + 1] >= 0)
            {
                result.Add(Stringize(arguments[parameterIndex[i + 1]], name.Location));
                i++;
                continue;
            }

            if (token.Is("##") && i + 1 < body.Count && result.Count > 0)
            {
                i++;
                Token right = body[i];
                List<ExpansionToken> operand;
                if (arguments is not null && right.Is("#") && i + 1 < body.Count && parameterIndex[i + 1] >= 0)
                {
                    operand = new List<ExpansionToken> { Stringize(arguments[parameterIndex[i + 1]], name.Location) };
                    i++;
                }
                else if (arguments is not null && parameterIndex[i] >= 0)
                {
                    int p = parameterIndex[i];
                    operand = arguments[p];
                    if (macro.IsVariadic && p == arguments.Count - 1 && result[result.Count - 1].Token.Is(","))
                    {
                        // GNU: ", ## __VA_ARGS__" drops the comma when there are no variable arguments.
                        if (operand.Count == 0)
                        {
                            result.RemoveAt(result.Count - 1);
                        }
                        else
                        {
                            result.AddRange(operand);
                        }

                        continue;
                    }
                }
                else
                {
                    operand = new List<ExpansionToken> { new(right, null) };
                }

                ExpansionToken left = result[result.Count - 1];
                result.RemoveAt(result.Count - 1);
                if (operand.Count == 0)
                {
                    result.Add(left);
                    continue;
                }

                Paste(left, operand[0], name.Location, result);
                for (int k = 1; k < operand.Count; k++)
                {
                    result.Add(operand[k]);
                }

                continue;
            }

            if (arguments is not null && parameterIndex[i] >= 0)
            {
                int p = parameterIndex[i];
                if (i + 1 < body.Count && body[i + 1].Is("##"))
                {
                    if (arguments[p].Count == 0)
                    {
                        result.Add(new ExpansionToken(ExpansionToken.Placemarker, null));
                    }
                    else
                    {
                        result.AddRange(arguments[p]);
                    }
                }
                else
                {
                    List<ExpansionToken> argument = expanded![p] ??= ExpandArgument(arguments[p], name.Location);
                    result.AddRange(argument);
                }

                continue;
            }

            result.Add(new ExpansionToken(token, null));
        }

        // Final form: placemarkers gone, every token at the macro's use, hidden from the macros it came from.
        int write = 0;
        for (int i = 0; i < result.Count; i++)
        {
            ExpansionToken item = result[i];
            if (item.IsPlacemarker)
            {
                continue;
            }

            Token t = item.Token;
            bool leadingSpace = write == 0 ? name.HasLeadingSpace : t.HasLeadingSpace;
            result[write++] = new ExpansionToken(
                new Token(t.Kind, t.Text, name.Location, leadingSpace, false, t.LeadingComment),
                HideSet.Union(item.Hide, hide));
        }

        result.RemoveRange(write, result.Count - write);
        return result;
    }

    private List<ExpansionToken> ExpandArgument(List<ExpansionToken> argument, SourceLocation location)
    {
        bool anyMacro = false;
        foreach (ExpansionToken t in argument)
        {
            if (t.Token.Kind == TokenKind.Identifier
                && (_macros.IsDefined(t.Token.Text) || t.Token.Text is "__LINE__" or "__FILE__")
                && !HideSet.Contains(t.Hide, t.Token.Text))
            {
                anyMacro = true;
                break;
            }
        }

        if (!anyMacro)
        {
            return argument;
        }

        if (++_nesting > MaxNesting)
        {
            throw new PreprocessorLimitException("macro arguments are nested too deeply", location);
        }

        try
        {
            var reader = new TokenReader();
            reader.Push(argument);
            var output = new List<ExpansionToken>(argument.Count);
            string? comment = null;
            Expand(reader, output, ref comment);
            return output;
        }
        finally
        {
            _nesting--;
        }
    }

    private static ExpansionToken Stringize(List<ExpansionToken> argument, SourceLocation location)
    {
        var sb = new StringBuilder("\"");
        for (int i = 0; i < argument.Count; i++)
        {
            Token t = argument[i].Token;
            if (i > 0 && t.HasLeadingSpace)
            {
                sb.Append(' ');
            }

            if (t.Kind is TokenKind.String or TokenKind.Character)
            {
                foreach (char c in t.Text)
                {
                    if (c is '"' or '\\')
                    {
                        sb.Append('\\');
                    }

                    sb.Append(c);
                }
            }
            else
            {
                sb.Append(t.Text);
            }
        }

        sb.Append('"');
        return new ExpansionToken(new Token(TokenKind.String, sb.ToString(), location), null);
    }

    private void Paste(ExpansionToken left, ExpansionToken right, SourceLocation location, List<ExpansionToken> result)
    {
        if (left.IsPlacemarker)
        {
            result.Add(right);
            return;
        }

        if (right.IsPlacemarker)
        {
            result.Add(left);
            return;
        }

        Token l = left.Token, r = right.Token;
        string text = l.Text + r.Text;
        TokenKind? kind = null;
        if ((l.Kind is TokenKind.Identifier or TokenKind.Number) && (r.Kind is TokenKind.Identifier or TokenKind.Number)
            && IsIdentifierChars(r.Text))
        {
            kind = l.Kind == TokenKind.Identifier ? TokenKind.Identifier : TokenKind.Number;
        }
        else
        {
            List<Token> lexed = Lexer.Tokenize(location.File, text);
            if (lexed.Count == 1 && lexed[0].Text.Length == text.Length)
            {
                kind = lexed[0].Kind;
            }
        }

        if (kind is null)
        {
            Report($"pasting \"{l.Text}\" and \"{r.Text}\" does not give a valid preprocessing token", location);
            result.Add(left);
            result.Add(right);
            return;
        }

        var pasted = new Token(kind.Value, text, location, l.HasLeadingSpace, false, l.LeadingComment);
        result.Add(new ExpansionToken(pasted, HideSet.Union(left.Hide, right.Hide)));
    }

    private static bool IsIdentifierChars(string text)
    {
        foreach (char c in text)
        {
            if (!Lexer.IsIdentifierPart(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private void Report(string message, SourceLocation location) =>
        _diagnostics.Add(new DiagnosticInfo(DiagnosticIds.PreprocessorError, message, location));
}
