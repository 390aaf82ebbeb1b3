using System.Collections.Generic;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// Parses C expressions at the cursor into <see cref="CExpression"/> trees by precedence climbing: assignments,
/// <c>?:</c>, binary operators, casts, <c>sizeof</c>, prefix operators, calls, member access, indexing, literals and
/// brace initializers. Type names (for casts, <c>sizeof</c> and compound literals) are told apart from values
/// with the parser's table of typedef names. Constructs it does not read (<c>++</c>, the comma operator, GNU
/// statement expressions, <c>#</c> in a macro body…) throw <see cref="UnsupportedSyntaxException"/>.
/// </summary>
internal sealed class ExpressionParser
{
    private static readonly string[][] BinaryLevels =
    {
        new[] { "||" },
        new[] { "&&" },
        new[] { "|" },
        new[] { "^" },
        new[] { "&" },
        new[] { "==", "!=" },
        new[] { "<", ">", "<=", ">=" },
        new[] { "<<", ">>" },
        new[] { "+", "-" },
        new[] { "*", "/", "%" },
    };

    private readonly ParserContext _context;

    public ExpressionParser(ParserContext context) => _context = context;

    private TokenCursor Cursor => _context.Cursor;

    /// <summary>An assignment expression (C's <c>assignment-expression</c>: no comma operator).</summary>
    public CExpression ParseAssignment()
    {
        CExpression target = ParseConditional();
        Token t = Cursor.Current;
        if (!Cursor.AtEnd && t.Kind == TokenKind.Punctuator
            && t.Text is "=" or "+=" or "-=" or "*=" or "/=" or "%=" or "<<=" or ">>=" or "&=" or "^=" or "|=")
        {
            Cursor.Next();
            CExpression value = ParseAssignment();
            return new CAssignment(t.Text, target, value, target.Location);
        }

        return target;
    }

    /// <summary>A full expression; a comma operator is not read.</summary>
    public CExpression ParseExpression()
    {
        CExpression e = ParseAssignment();
        if (Cursor.Is(","))
        {
            throw new UnsupportedSyntaxException("the comma operator", Cursor.Current);
        }

        return e;
    }

    /// <summary>An initializer: a brace list, or an assignment expression.</summary>
    public CExpression ParseInitializer() => Cursor.Is("{") ? ParseInitializerList() : ParseAssignment();

    /// <summary>A brace initializer at the cursor, designators included.</summary>
    public CInitializerList ParseInitializerList()
    {
        Token open = Cursor.Expect("{");
        var items = new List<CInitializerItem>();
        while (!Cursor.Is("}"))
        {
            var designators = new List<string>();
            while (Cursor.Is(".") || Cursor.Is("["))
            {
                if (Cursor.Is("["))
                {
                    throw new UnsupportedSyntaxException("an array designator ([index] =)", Cursor.Current);
                }

                Cursor.Next();
                designators.Add(Cursor.ExpectIdentifier("a field name after '.'").Text);
            }

            if (designators.Count > 0)
            {
                Cursor.Expect("=");
            }

            items.Add(new CInitializerItem(designators.ToEquatableArray(), ParseInitializer()));
            if (!Cursor.Accept(","))
            {
                break;
            }
        }

        Cursor.Expect("}");
        return new CInitializerList(items.ToEquatableArray(), open.Location);
    }

    /// <summary>Whether the cursor is at <c>(</c> followed by a type name (a cast, compound literal or sizeof operand).</summary>
    public bool AtParenthesizedTypeName() =>
        Cursor.Is("(") && _context.Specifiers.StartsSpecifiers(Cursor.Peek(1)) && !Noise.IsCallingConvention(Cursor.Peek(1).Text);

    /// <summary>A type name (specifiers and an abstract declarator) at the cursor.</summary>
    public CType ParseTypeName()
    {
        Token start = Cursor.Current;
        DeclSpecifiers spec = _context.Specifiers.Parse(enclosingRecord: null);
        if (spec.IsTypedef || spec.IsStatic || spec.IsExtern || spec.AnonymousTag is not null || spec.DefinesSkippedRecord)
        {
            throw new UnsupportedSyntaxException("a type definition inside an expression", start);
        }

        Declarator declarator = _context.Declarators.Parse(allowAbstract: true);
        if (declarator.NameToken is { } name)
        {
            throw ParseException.Syntax($"unexpected name '{name.Text}' in a type name", name);
        }

        return declarator.Apply(spec.Type);
    }

    private CExpression ParseConditional()
    {
        CExpression condition = ParseBinary(0);
        if (!Cursor.Accept("?"))
        {
            return condition;
        }

        CExpression whenTrue = ParseExpression();
        Cursor.Expect(":");
        CExpression whenFalse = ParseConditional();
        return new CConditional(condition, whenTrue, whenFalse, condition.Location);
    }

    private CExpression ParseBinary(int level)
    {
        if (level == BinaryLevels.Length)
        {
            return ParseUnary();
        }

        CExpression left = ParseBinary(level + 1);
        while (!Cursor.AtEnd && Cursor.Current.Kind == TokenKind.Punctuator && System.Array.IndexOf(BinaryLevels[level], Cursor.Current.Text) >= 0)
        {
            string op = Cursor.Next().Text;
            CExpression right = ParseBinary(level + 1);
            left = new CBinary(op, left, right, left.Location);
        }

        return left;
    }

    private CExpression ParseUnary()
    {
        Token t = Cursor.Current;
        if (Cursor.AtEnd)
        {
            throw ParseException.Syntax("expected an expression but found end of input", t);
        }

        if (t.Kind == TokenKind.Punctuator)
        {
            switch (t.Text)
            {
                case "+" or "-" or "!" or "~" or "*" or "&":
                    Cursor.Next();
                    return new CUnary(t.Text, ParseUnary(), t.Location);
                case "++" or "--":
                    throw new UnsupportedSyntaxException($"the increment operator '{t.Text}'", t);
                case "#" or "##":
                    throw new UnsupportedSyntaxException(t.Text == "#" ? "stringizing (#)" : "token pasting (##)", t);
                case "(" when AtParenthesizedTypeName():
                    Cursor.Next();
                    CType type = ParseTypeName();
                    Cursor.Expect(")");
                    if (Cursor.Is("{"))
                    {
                        return ParsePostfix(new CCompoundLiteral(type, ParseInitializerList(), t.Location));
                    }

                    return new CCast(type, ParseUnary(), t.Location);
            }
        }

        if (t.Is("sizeof"))
        {
            Cursor.Next();
            if (AtParenthesizedTypeName())
            {
                Cursor.Next();
                CType type = ParseTypeName();
                Cursor.Expect(")");
                return new CSizeOfType(type, t.Location);
            }

            return new CSizeOfExpression(ParseUnary(), t.Location);
        }

        if (t.Kind == TokenKind.Identifier && t.Text is "_Alignof" or "alignof" or "__alignof__" or "_Generic" or "__builtin_offsetof" or "offsetof")
        {
            throw new UnsupportedSyntaxException($"'{t.Text}'", t);
        }

        return ParsePostfix(ParsePrimary());
    }

    private CExpression ParsePostfix(CExpression e)
    {
        while (!Cursor.AtEnd)
        {
            Token t = Cursor.Current;
            if (t.Is("["))
            {
                Cursor.Next();
                CExpression index = ParseExpression();
                Cursor.Expect("]");
                e = new CIndex(e, index, e.Location);
            }
            else if (t.Is("("))
            {
                Cursor.Next();
                var arguments = new List<CExpression>();
                if (!Cursor.Is(")"))
                {
                    do
                    {
                        arguments.Add(ParseAssignment());
                    }
                    while (Cursor.Accept(","));
                }

                Cursor.Expect(")");
                e = new CCall(e, arguments.ToEquatableArray(), e.Location);
            }
            else if (t.Is(".") || t.Is("->"))
            {
                Cursor.Next();
                string member = Cursor.ExpectIdentifier("a field name").Text;
                e = new CMemberAccess(e, member, t.Text == "->", e.Location);
            }
            else if (t.Is("++") || t.Is("--"))
            {
                throw new UnsupportedSyntaxException($"the increment operator '{t.Text}'", t);
            }
            else
            {
                return e;
            }
        }

        return e;
    }

    private CExpression ParsePrimary()
    {
        Token t = Cursor.Next();
        switch (t.Kind)
        {
            case TokenKind.Identifier:
                if (t.Text == "__VA_ARGS__")
                {
                    throw new UnsupportedSyntaxException("variadic macro arguments (__VA_ARGS__)", t);
                }

                if (_context.Table.IsTypeName(t.Text) || PrimitiveTypes.IsKeyword(t.Text) || t.Text is "struct" or "union" or "enum")
                {
                    throw ParseException.Syntax($"expected an expression but found the type name '{t.Text}'", t);
                }

                return new CIdentifier(t.Text, t.Location);
            case TokenKind.Number:
                return new CLiteral(ConstantValue.ParseInteger(t.Text) is null ? CLiteralKind.Floating : CLiteralKind.Integer, t.Text, t.Location);
            case TokenKind.Character:
                return new CLiteral(CLiteralKind.Character, t.Text, t.Location);
            case TokenKind.String:
                if (Cursor.Current.Kind == TokenKind.String && !Cursor.AtEnd)
                {
                    throw new UnsupportedSyntaxException("adjacent string literals", Cursor.Current);
                }

                return new CLiteral(CLiteralKind.String, t.Text, t.Location);
            case TokenKind.Punctuator when t.Text == "(":
                if (Cursor.Is("{"))
                {
                    throw new UnsupportedSyntaxException("a statement expression ({ ... })", t);
                }

                CExpression inner = ParseExpression();
                Cursor.Expect(")");
                return inner;
            case TokenKind.Punctuator when t.Text is "#" or "##":
                throw new UnsupportedSyntaxException(t.Text == "#" ? "stringizing (#)" : "token pasting (##)", t);
            default:
                throw ParseException.Syntax($"expected an expression but found {TokenCursor.Describe(t)}", t);
        }
    }
}
