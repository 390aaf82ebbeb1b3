using System.Collections.Generic;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// Parses declarators (<c>*const name[4]</c>, <c>(*callback)(void*)</c>) and abstract ones (no name), with
/// their parameter lists and array lengths.
/// </summary>
internal sealed class DeclaratorParser
{
    private readonly ParserContext _context;

    public DeclaratorParser(ParserContext context) => _context = context;

    /// <summary>Parses a declarator at the cursor; without <paramref name="allowAbstract"/> it must name something.</summary>
    public Declarator Parse(bool allowAbstract)
    {
        TokenCursor cursor = _context.Cursor;
        var ops = new List<DeclaratorOp>();
        while (true)
        {
            Noise.SkipAll(cursor);
            if (!cursor.Accept("*"))
            {
                break;
            }

            bool isConst = false;
            while (true)
            {
                if (cursor.Is("const") || cursor.Is("__const") || cursor.Is("__const__"))
                {
                    cursor.Next();
                    isConst = true;
                }
                else if (!Noise.TrySkip(cursor))
                {
                    break;
                }
            }

            ops.Add(new DeclaratorOp.Pointer(isConst));
        }

        Declarator? inner = null;
        Token? name = null;
        if (cursor.Is("(") && IsNestedDeclarator(allowAbstract))
        {
            cursor.Next();
            inner = Parse(allowAbstract);
            cursor.Expect(")");
        }
        else if (cursor.Current.Kind == TokenKind.Identifier && !cursor.AtEnd)
        {
            name = cursor.Next();
        }
        else if (!allowAbstract)
        {
            throw ParseException.Syntax($"expected a name but found {TokenCursor.Describe(cursor.Current)}", cursor.Current);
        }

        var suffixes = new List<DeclaratorOp>();
        while (true)
        {
            if (cursor.Is("["))
            {
                suffixes.Add(ParseArray());
            }
            else if (cursor.Is("("))
            {
                suffixes.Add(ParseParameters());
            }
            else if (!Noise.TrySkip(cursor))
            {
                break;
            }
        }

        // T *a[2][3]: pointer to T first, then the suffixes from the innermost (rightmost) out.
        for (int i = suffixes.Count - 1; i >= 0; i--)
        {
            ops.Add(suffixes[i]);
        }

        if (inner is not null)
        {
            ops.AddRange(inner.Ops);
            name = inner.NameToken;
        }

        if (name is null && !allowAbstract)
        {
            throw ParseException.Syntax("expected a name in the declarator", cursor.Current);
        }

        return new Declarator(name, ops);
    }

    /// <summary>Whether the <c>(</c> at the cursor opens a parenthesized declarator rather than a parameter list.</summary>
    private bool IsNestedDeclarator(bool allowAbstract)
    {
        Token next = _context.Cursor.Peek(1);
        if (next.Is("*") || next.Is("(") || next.Is("^"))
        {
            return true;
        }

        if (next.Kind != TokenKind.Identifier)
        {
            return false;
        }

        if (Noise.IsCallingConvention(next.Text))
        {
            return true;
        }

        // (name) is a parenthesized declarator; (type ...) is a parameter list of an abstract declarator.
        return !(allowAbstract && _context.Specifiers.StartsSpecifiers(next));
    }

    private DeclaratorOp ParseArray()
    {
        TokenCursor cursor = _context.Cursor;
        Token open = cursor.Expect("[");
        while (cursor.Is("static") || cursor.Is("const") || Noise.IsAt(cursor))
        {
            if (!Noise.TrySkip(cursor))
            {
                cursor.Next();
            }
        }

        if (cursor.Accept("]"))
        {
            return new DeclaratorOp.Array(null);
        }

        if (cursor.Is("*") && cursor.Peek(1).Is("]"))
        {
            cursor.Next();
            cursor.Next();
            return new DeclaratorOp.Array(null);
        }

        List<Token> expression = cursor.CollectUntil("]", ";");
        cursor.Expect("]");
        ConstantValue length = _context.Evaluate(expression, open, "the array length");
        if (!length.IsUnsigned && length.Bits < 0)
        {
            throw ParseException.Syntax($"the array length {length} is negative", expression[0]);
        }

        return new DeclaratorOp.Array(length.Bits);
    }

    /// <summary>Parses <c>( parameters )</c>: <c>()</c> and <c>(void)</c> have none; <c>...</c> makes it variadic.</summary>
    private DeclaratorOp.Function ParseParameters()
    {
        TokenCursor cursor = _context.Cursor;
        cursor.Expect("(");
        if (cursor.Accept(")"))
        {
            return new DeclaratorOp.Function(EquatableArray<CParameter>.Empty, isVariadic: false);
        }

        if (cursor.Is("void") && cursor.Peek(1).Is(")"))
        {
            cursor.Next();
            cursor.Next();
            return new DeclaratorOp.Function(EquatableArray<CParameter>.Empty, isVariadic: false);
        }

        var parameters = new List<CParameter>();
        bool isVariadic = false;
        do
        {
            if (cursor.Accept("..."))
            {
                isVariadic = true;
                break;
            }

            DeclSpecifiers spec = _context.Specifiers.Parse(enclosingRecord: null);
            Declarator declarator = Parse(allowAbstract: true);
            CType type = declarator.Apply(spec.Type);
            if (type is CFunctionType)
            {
                // A parameter of function type is a function pointer.
                type = new CPointerType(type);
            }

            parameters.Add(new CParameter(declarator.Name, type));
        }
        while (cursor.Accept(","));

        cursor.Expect(")");
        return new DeclaratorOp.Function(parameters.ToEquatableArray(), isVariadic);
    }
}
