using System.Collections.Generic;
using System.Linq;

using Wamr.SourceGen.Model;

using P = Wamr.SourceGen.Emitting.CSharpPrecedence;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// Translates the statements of an inline function's body to C# lines: <c>return</c>, expression statements,
/// locals (C arrays become <c>stackalloc</c>), <c>if</c>/<c>else</c> and blocks. It also keeps C# from rejecting
/// what C accepts: locals read before C# sees them assigned start as <c>default</c>, a body that can fall off its
/// end without a value, unreachable statements and unused locals are not translated.
/// </summary>
internal sealed class StatementTranslator
{
    private readonly ExpressionTranslator _x;
    private readonly HelperContext _ctx;
    private readonly CType _returnType;
    private readonly List<string> _lines = new();
    private int _indent;

    public StatementTranslator(HelperContext context, ExpressionTranslator expressions, CType returnType)
    {
        _ctx = context;
        _x = expressions;
        _returnType = returnType;
    }

    /// <summary>The C# lines, indented relative to the method body.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>
    /// When the body is one <c>return value;</c> (or, in a void function, one expression statement): that value's C#
    /// text, for an expression-bodied member.
    /// </summary>
    public string? SingleExpression { get; private set; }

    /// <summary>Translates a whole body.</summary>
    public void Body(IReadOnlyList<CStatement> statements, Text.SourceLocation at)
    {
        if (!_ctx.Facts.IsVoid(_returnType) && !AlwaysReturns(statements))
        {
            throw new TranslationException("a path through the body that returns no value", statements.Count > 0 ? statements[statements.Count - 1].Location : at);
        }

        Statements(statements);
        if (statements.Count == 1 && _lines.Count == 1)
        {
            string line = _lines[0];
            if (statements[0] is CReturnStatement { Value: not null } && !_ctx.Facts.IsVoid(_returnType))
            {
                SingleExpression = line.Substring("return ".Length, line.Length - "return ".Length - 1);
            }
            else if (statements[0] is CExpressionStatement && _ctx.Facts.IsVoid(_returnType) && !line.StartsWith("_ = ", System.StringComparison.Ordinal))
            {
                SingleExpression = line.Substring(0, line.Length - 1);
            }
        }
    }

    private void Statements(IReadOnlyList<CStatement> statements)
    {
        for (int i = 0; i < statements.Count; i++)
        {
            CStatement s = statements[i];
            if (i > 0 && AlwaysReturns(new[] { statements[i - 1] }))
            {
                throw new TranslationException("a statement that is never reached", s.Location);
            }

            if (s is CDeclarationStatement declaration)
            {
                Declaration(declaration, statements.Skip(i + 1).ToList());
            }
            else
            {
                Statement(s);
            }
        }
    }

    private void Statement(CStatement statement)
    {
        switch (statement)
        {
            case CReturnStatement { Value: null }:
                if (!_ctx.Facts.IsVoid(_returnType))
                {
                    throw new TranslationException("'return' without a value in a function that returns one", statement.Location);
                }

                Line("return;");
                break;
            case CReturnStatement r:
                if (_ctx.Facts.IsVoid(_returnType))
                {
                    TranslatedExpression value = _x.Translate(r.Value!);
                    if (value.CsType != "void")
                    {
                        throw new TranslationException("'return' with a value in a void function", r.Location);
                    }

                    Line(value.Text + ";");
                    Line("return;");
                    break;
                }

                Line("return " + _x.TranslateAs(r.Value!, _returnType).Text + ";");
                break;
            case CExpressionStatement e:
                Line(ExpressionStatement(e.Expression) + ";");
                break;
            case CIfStatement i:
                If(i, "if");
                break;
            case CBlockStatement b:
                Line("{");
                Nested(b.Statements);
                Line("}");
                break;
            default:
                throw new TranslationException("an unknown kind of statement", statement.Location);
        }
    }

    private void If(CIfStatement statement, string keyword)
    {
        TranslatedExpression condition = _x.Truth(_x.Translate(statement.Condition), statement.Location);
        Line($"{keyword} ({condition.Text})");
        Line("{");
        Nested(Unwrap(statement.Then));
        Line("}");
        if (statement.Else is CIfStatement elseIf)
        {
            If(elseIf, "else if");
        }
        else if (statement.Else is { } otherwise)
        {
            Line("else");
            Line("{");
            Nested(Unwrap(otherwise));
            Line("}");
        }
    }

    private static IReadOnlyList<CStatement> Unwrap(CStatement s) => s is CBlockStatement b ? b.Statements : new[] { s };

    private void Nested(IReadOnlyList<CStatement> statements)
    {
        _x.Scope.Push();
        _indent++;
        Statements(statements);
        _indent--;
        _x.Scope.Pop();
    }

    /// <summary>C# allows only calls and assignments as statements: any other value is discarded with <c>_ =</c>.</summary>
    private string ExpressionStatement(CExpression expression)
    {
        if (expression is CCast { Operand: var operand } cast && _ctx.Facts.IsVoid(cast.Type))
        {
            expression = operand;
        }

        TranslatedExpression e = _x.Translate(expression);
        if (expression is CCall or CAssignment || e.CsType == "void")
        {
            return e.Text;
        }

        return "_ = " + e.Text;
    }

    private void Declaration(CDeclarationStatement declaration, IReadOnlyList<CStatement> following)
    {
        var parts = new List<(string Cs, string Text, bool IsArray)>();
        foreach (CLocal local in declaration.Locals)
        {
            if (!following.Any(s => Mentions(s, local.Name)) && !declaration.Locals.Any(l => l != local && l.Initializer is { } init && MentionsExpression(init, local.Name)))
            {
                throw new TranslationException($"the local '{local.Name}', which is never used", local.Location);
            }

            CType type = CTypeFacts.Strip(local.Type);
            string name = Identifiers.Escape(local.Name);
            if (_ctx.Facts.Resolve(type) is CArrayType array)
            {
                parts.Add((string.Empty, ArrayLocal(local, array, name), true));
            }
            else
            {
                if (_ctx.Facts.IsVoid(type) || _ctx.Facts.Record(type) is { IsOpaque: true })
                {
                    throw new TranslationException($"a local of type {_ctx.Map(type)}", local.Location);
                }

                string cs = _ctx.Map(type);
                string text = local.Initializer is { } initializer
                    ? $"{name} = {_x.TranslateAs(initializer, type).At(P.Assignment)}"
                    : NeedsDefault(local.Name, following) ? $"{name} = default" : name;
                parts.Add((cs, text, false));
            }

            if (!_x.Scope.TryDeclare(new Variable(local.Name, name, type, VariableKind.Value)))
            {
                throw new TranslationException($"the local '{local.Name}', which hides another variable (C# does not allow it)", local.Location);
            }
        }

        if (parts.All(p => !p.IsArray) && parts.Select(p => p.Cs).Distinct().Count() == 1)
        {
            Line($"{parts[0].Cs} {string.Join(", ", parts.Select(p => p.Text))};");
            return;
        }

        foreach ((string cs, string text, bool isArray) in parts)
        {
            Line(isArray ? text : $"{cs} {text};");
        }
    }

    /// <summary><c>T name[N] = {…}</c> → <c>T* name = stackalloc T[N] { … };</c> (missing values are zero, as in C).</summary>
    private string ArrayLocal(CLocal local, CArrayType array, string name)
    {
        if (_ctx.Facts.IsArray(array.Element) || array.Length is not { } length || length <= 0 || length > 1024)
        {
            throw new TranslationException($"the array local '{local.Name}' (only one-dimensional arrays of 1 to 1024 elements are translated)", local.Location);
        }

        CType element = CTypeFacts.Strip(array.Element);
        string cs = _ctx.Map(element);
        string count = length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (local.Initializer is null)
        {
            return $"{cs}* {name} = stackalloc {cs}[{count}];";
        }

        if (local.Initializer is not CInitializerList list || list.Items.Any(i => i.Designators.Count > 0))
        {
            throw new TranslationException($"the initializer of the array '{local.Name}'", local.Location);
        }

        if (list.Items.Count > length)
        {
            throw new TranslationException($"more values than the array '{local.Name}' holds", local.Location);
        }

        var values = list.Items.Select(i => _x.TranslateAs(i.Value, element).At(P.Assignment)).ToList();
        string zero = CSharpTypes.IsPointer(cs) ? "null" : CSharpTypes.IsNumeric(cs) ? "0" : "default";
        while (values.Count < length)
        {
            values.Add(zero);
        }

        return $"{cs}* {name} = stackalloc {cs}[{count}] {{ {string.Join(", ", values)} }};";
    }

    /// <summary>
    /// Whether C# would see <paramref name="name"/> read before it is assigned: unless the first statement that
    /// mentions it, at this level, takes its address or assigns it whole.
    /// </summary>
    private static bool NeedsDefault(string name, IReadOnlyList<CStatement> following)
    {
        CStatement? first = following.FirstOrDefault(s => Mentions(s, name));
        if (first is not CExpressionStatement { Expression: var e })
        {
            return true;
        }

        if (e is CAssignment { Operator: "=", Target: CIdentifier target, Value: var value } && target.Name == name && !MentionsExpression(value, name))
        {
            return false;
        }

        CExpression? firstMention = null;
        ArrayIdiom.Visit(e, x =>
        {
            if (firstMention is null && (x is CIdentifier id && id.Name == name || x is CUnary { Operator: "&", Operand: CIdentifier { Name: var n } } && n == name))
            {
                firstMention = x;
            }
        });
        return firstMention is not CUnary;
    }

    private static bool Mentions(CStatement s, string name) => s switch
    {
        CReturnStatement r => r.Value is { } v && MentionsExpression(v, name),
        CExpressionStatement e => MentionsExpression(e.Expression, name),
        CDeclarationStatement d => d.Locals.Any(l => l.Initializer is { } i && MentionsExpression(i, name)),
        CIfStatement i => MentionsExpression(i.Condition, name) || Mentions(i.Then, name) || (i.Else is { } e && Mentions(e, name)),
        CBlockStatement b => b.Statements.Any(x => Mentions(x, name)),
        _ => false,
    };

    private static bool MentionsExpression(CExpression e, string name)
    {
        bool found = false;
        ArrayIdiom.Visit(e, x => found |= x is CIdentifier id && id.Name == name);
        return found;
    }

    /// <summary>Whether running <paramref name="statements"/> always ends in a <c>return</c>.</summary>
    private static bool AlwaysReturns(IReadOnlyList<CStatement> statements) =>
        statements.Count > 0 && statements[statements.Count - 1] switch
        {
            CReturnStatement => true,
            CBlockStatement b => AlwaysReturns(b.Statements),
            CIfStatement { Else: { } otherwise } i => AlwaysReturns(Unwrap(i.Then)) && AlwaysReturns(Unwrap(otherwise)),
            _ => false,
        };

    private void Line(string text) => _lines.Add(new string(' ', _indent * 4) + text);
}
