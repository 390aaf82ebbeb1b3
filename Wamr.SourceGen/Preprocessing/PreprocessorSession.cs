using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Preprocessing;

/// <summary>One run of the preprocessor over a translation unit: reads headers, obeys directives, expands text.</summary>
internal sealed class PreprocessorSession
{
    /// <summary>The deepest <c>#include</c> nesting allowed.</summary>
    public const int MaxIncludeDepth = 200;

    private readonly PreprocessorOptions _options;
    private readonly IncludeResolver _resolver;
    private readonly MacroTable _macros = new();
    private readonly ConditionalStack _conditions = new();
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly ImmutableArray<Token>.Builder _output = ImmutableArray.CreateBuilder<Token>();
    private readonly List<ExpansionToken> _buffer = new();
    private readonly MacroExpander _expander;
    private readonly HashSet<string> _onceFiles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _systemHeadersSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<HeaderFile, List<Token>> _tokens = new();
    private string? _pendingComment;
    private SourceLocation _lastLocation = SourceLocation.BuiltIn;

    public PreprocessorSession(IReadOnlyList<HeaderFile> headers, PreprocessorOptions options)
    {
        _options = options;
        _resolver = new IncludeResolver(headers);
        _expander = new MacroExpander(_macros, _diagnostics);
    }

    /// <summary>Preprocesses <paramref name="mainFiles"/> in order as one translation unit.</summary>
    public PreprocessResult Run(IReadOnlyList<string> mainFiles)
    {
        try
        {
            DefinePredefined(_options.StandardMacros);
            DefinePredefined(_options.PredefinedMacros);
            foreach (string path in mainFiles)
            {
                HeaderFile? header = _resolver.Resolve(path, null);
                if (header is null)
                {
                    Report(DiagnosticIds.IncludeNotFound, $"main header '{path}' was not given to the generator",
                        new SourceLocation(path, 0, 0));
                    continue;
                }

                Include(header, 0, new SourceLocation(path, 0, 0));
            }
        }
        catch (PreprocessorLimitException e)
        {
            Report(DiagnosticIds.PreprocessorError, e.Message, e.Location);
        }
        catch (Exception e)
        {
            Report(DiagnosticIds.PreprocessorError, $"internal preprocessor error: {e.GetType().Name}: {e.Message}", _lastLocation);
        }

        return new PreprocessResult(
            _output.ToImmutable(),
            SafeMacros(),
            _diagnostics.ToImmutableArray());
    }

    private ImmutableArray<Model.MacroDefinition> SafeMacros()
    {
        try
        {
            return _macros.UserMacros();
        }
        catch (Exception e)
        {
            Report(DiagnosticIds.PreprocessorError, $"internal preprocessor error: {e.GetType().Name}: {e.Message}", _lastLocation);
            return ImmutableArray<Model.MacroDefinition>.Empty;
        }
    }

    private void DefinePredefined(IEnumerable<PredefinedMacro> macros)
    {
        var text = new StringBuilder();
        foreach (PredefinedMacro macro in macros)
        {
            string value = (macro.Value ?? string.Empty).Replace("\r", " ").Replace("\n", " ");
            text.Append("#define ").Append(macro.Name).Append(' ').Append(value).Append('\n');
        }

        if (text.Length > 0)
        {
            ProcessFile("<built-in>", Lexer.Tokenize("<built-in>", text.ToString()), isUser: false, depth: 0);
        }
    }

    private void Include(HeaderFile header, int depth, SourceLocation at)
    {
        string key = IncludeResolver.Normalize(header.Path);
        if (_onceFiles.Contains(key))
        {
            return;
        }

        if (depth >= MaxIncludeDepth)
        {
            Report(DiagnosticIds.PreprocessorError, $"#include nested too deeply (more than {MaxIncludeDepth} levels)", at);
            return;
        }

        if (!_tokens.TryGetValue(header, out List<Token>? tokens))
        {
            tokens = Lexer.Tokenize(header.Path, header.Text ?? string.Empty);
            _tokens.Add(header, tokens);
        }

        ProcessFile(header.Path, tokens, isUser: true, depth);
    }

    private void ProcessFile(string path, List<Token> tokens, bool isUser, int depth)
    {
        int entryDepth = _conditions.Depth;
        var reader = new TokenReader();
        int pos = 0;
        while (pos < tokens.Count)
        {
            Token token = tokens[pos];
            if (TokenReader.IsDirectiveStart(token))
            {
                int end = pos + 1;
                while (end < tokens.Count && !tokens[end].AtLineStart)
                {
                    end++;
                }

                _lastLocation = token.Location;
                HandleDirective(tokens, pos, end, path, isUser, depth);
                pos = end;
                continue;
            }

            if (!_conditions.IsActive)
            {
                pos++;
                continue;
            }

            _lastLocation = token.Location;
            reader.Reset(tokens, pos);
            _buffer.Clear();
            _expander.Expand(reader, _buffer, ref _pendingComment);
            pos = reader.Position;
            foreach (ExpansionToken t in _buffer)
            {
                _output.Add(t.Token);
            }
        }

        while (_conditions.Depth > entryDepth)
        {
            SourceLocation open = _conditions.PopUnterminated();
            Report(DiagnosticIds.PreprocessorError, "unterminated conditional directive (#if without #endif)", open);
        }
    }

    private void HandleDirective(List<Token> tokens, int start, int end, string path, bool isUser, int depth)
    {
        Token hash = tokens[start];
        if (start + 1 >= end)
        {
            return; // the null directive
        }

        Token directive = tokens[start + 1];
        int args = start + 2;
        bool active = _conditions.IsActive;
        if (directive.Kind != TokenKind.Identifier)
        {
            if (active && directive.Kind != TokenKind.Number)
            {
                // "# 12 "file"" is a line marker; anything else is not a directive.
                Report(DiagnosticIds.PreprocessorError, $"invalid preprocessing directive '#{directive.Text}'", hash.Location);
            }

            return;
        }

        switch (directive.Text)
        {
            case "if":
                _conditions.Push(active && EvaluateCondition(tokens, args, end, hash), hash.Location);
                return;
            case "ifdef":
            case "ifndef":
                _conditions.Push(active && IsDefinedCondition(tokens, args, end, hash, directive.Text), hash.Location);
                return;
            case "elif":
            case "elifdef":
            case "elifndef":
                if (_conditions.ElifNeedsCondition(out string? elifError))
                {
                    _conditions.Elif(directive.Text == "elif"
                        ? EvaluateCondition(tokens, args, end, hash)
                        : IsDefinedCondition(tokens, args, end, hash, directive.Text.Substring(2)));
                }
                else if (elifError is not null)
                {
                    Report(DiagnosticIds.PreprocessorError, elifError, hash.Location);
                }

                return;
            case "else":
                ReportIfError(_conditions.Else(), hash.Location);
                return;
            case "endif":
                ReportIfError(_conditions.EndIf(), hash.Location);
                return;
        }

        if (!active)
        {
            return;
        }

        switch (directive.Text)
        {
            case "define":
                Define(tokens, args, end, hash, isUser);
                break;
            case "undef":
                if (args < end && tokens[args].Kind == TokenKind.Identifier)
                {
                    _macros.Undefine(tokens[args].Text);
                }
                else
                {
                    Report(DiagnosticIds.PreprocessorError, "#undef expects a macro name", hash.Location);
                }

                break;
            case "include":
            case "include_next":
                HandleInclude(tokens, args, end, hash, path, depth);
                break;
            case "pragma":
                if (args < end && tokens[args].Is("once"))
                {
                    _onceFiles.Add(IncludeResolver.Normalize(path));
                }

                break;
            case "error":
                Report(DiagnosticIds.ErrorDirective, "#error " + JoinText(tokens, args, end), hash.Location);
                break;
            case "warning":
            case "line":
            case "ident":
            case "sccs":
                break;
            default:
                Report(DiagnosticIds.PreprocessorError, $"invalid preprocessing directive '#{directive.Text}'", hash.Location);
                break;
        }
    }

    private void ReportIfError(string? error, SourceLocation location)
    {
        if (error is not null)
        {
            Report(DiagnosticIds.PreprocessorError, error, location);
        }
    }

    private bool IsDefinedCondition(List<Token> tokens, int start, int end, Token hash, string directive)
    {
        if (start >= end || tokens[start].Kind != TokenKind.Identifier)
        {
            Report(DiagnosticIds.PreprocessorError, $"#{directive} expects a macro name", hash.Location);
            return false;
        }

        bool defined = _macros.IsDefined(tokens[start].Text);
        return directive == "ifdef" ? defined : !defined;
    }

    private bool EvaluateCondition(List<Token> tokens, int start, int end, Token hash)
    {
        var raw = new List<Token>(end - start);
        for (int i = start; i < end; i++)
        {
            raw.Add(tokens[i]);
        }

        List<Token>? replaced = ReplaceDefined(raw, hash);
        if (replaced is null)
        {
            return false;
        }

        var pending = new List<ExpansionToken>(replaced.Count);
        foreach (Token t in replaced)
        {
            pending.Add(new ExpansionToken(t, null));
        }

        var reader = new TokenReader();
        reader.Push(pending);
        var expanded = new List<ExpansionToken>(pending.Count);
        string? comment = null;
        _expander.Expand(reader, expanded, ref comment);
        var expression = new List<Token>(expanded.Count);
        foreach (ExpansionToken t in expanded)
        {
            expression.Add(t.Token);
        }

        // A "defined" produced by a macro is evaluated too (as common compilers do).
        expression = ReplaceDefined(expression, hash);
        if (expression is null)
        {
            return false;
        }

        if (expression.Count == 0)
        {
            Report(DiagnosticIds.PreprocessorError, "#if with no expression", hash.Location);
            return false;
        }

        ConstantValue? value = ConstantExpressionEvaluator.Evaluate(
            expression, static _ => ConstantValue.Signed(0), _options.PointerSize, out string? error);
        if (value is null)
        {
            Report(DiagnosticIds.PreprocessorError, $"invalid #if expression: {error}", hash.Location);
            return false;
        }

        return value.Value.IsTrue;
    }

    private List<Token>? ReplaceDefined(List<Token> tokens, Token hash)
    {
        List<Token>? result = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            Token t = tokens[i];
            if (!(t.Kind == TokenKind.Identifier && t.Text == "defined"))
            {
                result?.Add(t);
                continue;
            }

            if (result is null)
            {
                result = new List<Token>(tokens.Count);
                for (int k = 0; k < i; k++)
                {
                    result.Add(tokens[k]);
                }
            }

            int j = i + 1;
            bool parenthesized = j < tokens.Count && tokens[j].Is("(");
            if (parenthesized)
            {
                j++;
            }

            if (j >= tokens.Count || tokens[j].Kind != TokenKind.Identifier)
            {
                Report(DiagnosticIds.PreprocessorError, "operator 'defined' requires an identifier", hash.Location);
                return null;
            }

            string name = tokens[j].Text;
            if (parenthesized)
            {
                j++;
                if (j >= tokens.Count || !tokens[j].Is(")"))
                {
                    Report(DiagnosticIds.PreprocessorError, "missing ')' after 'defined'", hash.Location);
                    return null;
                }
            }

            result.Add(new Token(TokenKind.Number, _macros.IsDefined(name) ? "1" : "0", t.Location, t.HasLeadingSpace));
            i = j;
        }

        return result ?? tokens;
    }

    private void Define(List<Token> tokens, int start, int end, Token hash, bool isUser)
    {
        if (start >= end || tokens[start].Kind != TokenKind.Identifier)
        {
            Report(DiagnosticIds.PreprocessorError, "#define expects a macro name", hash.Location);
            return;
        }

        Token name = tokens[start];
        if (name.Text == "defined")
        {
            Report(DiagnosticIds.PreprocessorError, "'defined' cannot be used as a macro name", hash.Location);
            return;
        }

        int i = start + 1;
        bool functionLike = i < end && tokens[i].Is("(") && !tokens[i].HasLeadingSpace;
        var parameters = new List<string>();
        bool variadic = false;
        if (functionLike)
        {
            i++;
            bool closed = false;
            bool expectName = true;
            while (i < end)
            {
                Token p = tokens[i++];
                if (p.Is(")") && (!expectName || parameters.Count == 0) && !(variadic && expectName))
                {
                    closed = true;
                    break;
                }

                if (variadic)
                {
                    break; // only ")" may follow "..."
                }

                if (expectName && p.Is("..."))
                {
                    parameters.Add("__VA_ARGS__");
                    variadic = true;
                    expectName = false;
                    continue;
                }

                if (expectName && p.Kind == TokenKind.Identifier && p.Text != "__VA_ARGS__" && !parameters.Contains(p.Text))
                {
                    parameters.Add(p.Text);
                    expectName = false;
                    if (i < end && tokens[i].Is("..."))
                    {
                        variadic = true; // GNU named variadic parameter: "args..."
                        i++;
                    }

                    continue;
                }

                if (!expectName && p.Is(","))
                {
                    expectName = true;
                    continue;
                }

                break;
            }

            if (!closed)
            {
                Report(DiagnosticIds.PreprocessorError, $"malformed parameter list of macro '{name.Text}'", hash.Location);
                return;
            }
        }

        var body = new List<Token>(end - i);
        for (; i < end; i++)
        {
            Token t = tokens[i];
            body.Add(t.LeadingComment is null && !t.AtLineStart ? t : t with { LeadingComment = null, AtLineStart = false });
        }

        if (body.Count > 0 && (body[0].Is("##") || body[body.Count - 1].Is("##")))
        {
            Report(DiagnosticIds.PreprocessorError, $"'##' cannot appear at either end of the replacement of macro '{name.Text}'", hash.Location);
            return;
        }

        var macro = new Macro(name.Text, functionLike, parameters, variadic, body, name.Location, hash.LeadingComment, isUser);
        if (functionLike)
        {
            for (int k = 0; k < body.Count; k++)
            {
                if (body[k].Is("#") && (k + 1 >= body.Count || macro.ParameterIndex[k + 1] < 0))
                {
                    Report(DiagnosticIds.PreprocessorError, $"'#' is not followed by a parameter in macro '{name.Text}'", hash.Location);
                    return;
                }
            }
        }

        _macros.Define(macro);
    }

    private void HandleInclude(List<Token> tokens, int start, int end, Token hash, string path, int depth)
    {
        List<Token> operand = new(end - start);
        for (int i = start; i < end; i++)
        {
            operand.Add(tokens[i]);
        }

        if (operand.Count > 0 && operand[0].Kind == TokenKind.Identifier)
        {
            // #include MACRO: expand, then read the result as a header name.
            var pending = new List<ExpansionToken>(operand.Count);
            foreach (Token t in operand)
            {
                pending.Add(new ExpansionToken(t, null));
            }

            var reader = new TokenReader();
            reader.Push(pending);
            var expanded = new List<ExpansionToken>();
            string? comment = null;
            _expander.Expand(reader, expanded, ref comment);
            operand.Clear();
            foreach (ExpansionToken t in expanded)
            {
                operand.Add(t.Token);
            }
        }

        string? name = null;
        bool angled = false;
        if (operand.Count > 0 && operand[0].Kind == TokenKind.String && operand[0].Text.Length >= 2)
        {
            name = operand[0].Text.Substring(1, operand[0].Text.Length - 2);
        }
        else if (operand.Count > 0 && operand[0].Is("<"))
        {
            var sb = new StringBuilder();
            for (int i = 1; i < operand.Count; i++)
            {
                if (operand[i].Is(">"))
                {
                    name = sb.ToString();
                    angled = true;
                    break;
                }

                if (i > 1 && operand[i].HasLeadingSpace)
                {
                    sb.Append(' ');
                }

                sb.Append(operand[i].Text);
            }
        }

        if (string.IsNullOrEmpty(name))
        {
            Report(DiagnosticIds.PreprocessorError, "#include expects \"FILENAME\" or <FILENAME>", hash.Location);
            return;
        }

        if (angled && SystemHeaders.TryGet(name!, _options.PointerSize, out string text))
        {
            if (_systemHeadersSeen.Add(name!))
            {
                string file = "<" + name + ">";
                ProcessFile(file, Lexer.Tokenize(file, text), isUser: false, depth + 1);
            }

            return;
        }

        HeaderFile? header = _resolver.Resolve(name!, path);
        if (header is null)
        {
            string message = angled
                ? $"system header <{name}> is not known to the generator; it is ignored"
                : $"cannot find include file \"{name}\" among the headers given to the generator";
            Report(DiagnosticIds.IncludeNotFound, message, hash.Location);
            return;
        }

        Include(header, depth + 1, hash.Location);
    }

    private static string JoinText(List<Token> tokens, int start, int end)
    {
        var sb = new StringBuilder();
        for (int i = start; i < end; i++)
        {
            if (i > start && tokens[i].HasLeadingSpace)
            {
                sb.Append(' ');
            }

            sb.Append(tokens[i].Text);
        }

        return sb.ToString();
    }

    private void Report(string id, string message, SourceLocation location) =>
        _diagnostics.Add(new DiagnosticInfo(id, message, location));
}
