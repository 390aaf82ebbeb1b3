using System;
using System.Collections.Generic;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// Parses external declarations one after another. A malformed one is reported and dropped with everything it
/// introduced, and parsing resumes after it: after the next <c>;</c> at file scope, or after the closing
/// <c>}</c> of a function body.
/// </summary>
internal sealed class TranslationUnitParser
{
    private readonly ParserContext _context;
    private int _externCDepth;

    public TranslationUnitParser(ParserContext context) => _context = context;

    private TokenCursor Cursor => _context.Cursor;

    public void ParseAll()
    {
        while (!Cursor.AtEnd)
        {
            ParseExternalDeclaration();
        }
    }

    private void ParseExternalDeclaration()
    {
        int start = Cursor.Position;
        ModelBuilder.Snapshot snapshot = _context.Builder.Take();
        int undoMark = _context.Undo.Mark;
        _context.Anonymous.Reset();
        try
        {
            ParseDeclaration();
            _context.Builder.Rename(snapshot, _context.Anonymous.Resolve());
            _context.Undo.Clear();
            return;
        }
        catch (ParseException e)
        {
            _context.Builder.Report(e.Diagnostic);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _context.Builder.Report(new DiagnosticInfo(
                DiagnosticIds.InternalError, $"the parser failed: {e.GetType().Name}: {e.Message}", Cursor.At(start).Location));
        }

        _context.Builder.Rollback(snapshot);
        _context.Undo.RollbackTo(undoMark);
        _context.Undo.Clear();
        Recover(start);
    }

    private void ParseDeclaration()
    {
        TokenCursor cursor = Cursor;
        if (cursor.Accept(";"))
        {
            return;
        }

        if (cursor.Is("static_assert") || cursor.Is("_Static_assert"))
        {
            cursor.Next();
            if (!cursor.Is("("))
            {
                throw ParseException.Syntax($"expected '(' but found {TokenCursor.Describe(cursor.Current)}", cursor.Current);
            }

            cursor.SkipBalanced();
            cursor.Expect(";");
            return;
        }

        if (cursor.Is("extern") && cursor.Peek(1).Kind == TokenKind.String)
        {
            // extern "C" { ... } or extern "C" declaration: the linkage block itself is transparent.
            cursor.Next();
            cursor.Next();
            if (cursor.Accept("{"))
            {
                _externCDepth++;
            }

            return;
        }

        if (cursor.Is("}"))
        {
            if (_externCDepth == 0)
            {
                throw ParseException.Syntax("unexpected '}'", cursor.Current);
            }

            _externCDepth--;
            cursor.Next();
            return;
        }

        DeclSpecifiers spec = _context.Specifiers.Parse(enclosingRecord: null);
        string? doc = spec.First.LeadingComment;
        if (cursor.Accept(";"))
        {
            // struct tag; / a struct, union or enum definition alone.
            if (spec.ReferencedTag is not null)
            {
                _context.Table.DocumentTag(spec.ReferencedTag, doc);
            }

            return;
        }

        bool isFirst = true;
        do
        {
            Declarator declarator = _context.Declarators.Parse(allowAbstract: false);
            Token name = declarator.NameToken!;
            if (spec.IsTypedef)
            {
                AddTypedef(spec, declarator, name, doc);
            }
            else if (declarator.IsFunction)
            {
                var function = (DeclaratorOp.Function)declarator.Ops[declarator.Ops.Count - 1];
                CType returnType = declarator.Apply(spec.Type, declarator.Ops.Count - 1);
                bool isDefinition = isFirst && cursor.Is("{");
                FunctionBody? body = null;
                if (isDefinition)
                {
                    // A definition: an inline one's body is parsed (the emitter translates it); others are not bound.
                    int bodyStart = cursor.Position;
                    cursor.SkipBalanced();
                    if (spec.IsInline)
                    {
                        body = new BodyParser(_context).Parse(cursor.Slice(bodyStart, cursor.Position));
                    }
                }

                _context.Builder.AddFunction(new FunctionDecl(
                    name.Text, returnType, function.Parameters, function.IsVariadic, spec.IsInline, name.Location, doc, body));
                if (isDefinition)
                {
                    return;
                }
            }
            else if (cursor.Accept("="))
            {
                List<Token> initializer = cursor.CollectUntil(",", ";");
                if (declarator.Ops.Count == 0
                    && ConstantInitializer.TryCreate(_context, spec.Type, name, initializer, doc) is { } constant)
                {
                    _context.Builder.AddConstant(constant);
                }
            }

            isFirst = false;
        }
        while (cursor.Accept(","));

        cursor.Expect(";");
    }

    private void AddTypedef(DeclSpecifiers spec, Declarator declarator, Token name, string? doc)
    {
        if (spec.ReferencedTag is not null)
        {
            _context.Table.DocumentTag(spec.ReferencedTag, doc);
        }

        if (spec.AnonymousTag is not null && declarator.Ops.Count == 0)
        {
            _context.Anonymous.SetTypedefName(spec.AnonymousTag, name.Text);
        }

        if (PrimitiveTypes.BuiltInTypedef(name.Text) is not null)
        {
            // typedef unsigned int uint32_t; and the like: the built-in meaning stays.
            return;
        }

        CType type = declarator.Apply(spec.Type);
        _context.Builder.AddTypedef(new TypedefDecl(name.Text, type, name.Location, doc));
        _context.Table.AddTypedef(name.Text, type);
    }

    /// <summary>
    /// Skips the declaration that starts at <paramref name="start"/>: to the first <c>;</c> outside any
    /// brackets, or to the end of a brace block that follows <c>)</c> (a function body). Always moves forward.
    /// </summary>
    private void Recover(int start)
    {
        TokenCursor cursor = Cursor;
        cursor.Position = start;
        int depth = 0;
        while (!cursor.AtEnd)
        {
            Token t = cursor.Current;
            if (t.Kind != TokenKind.Punctuator)
            {
                cursor.Next();
                continue;
            }

            switch (t.Text)
            {
                case "(" or "[":
                    depth++;
                    break;
                case ")" or "]":
                    depth = Math.Max(0, depth - 1);
                    break;
                case ";" when depth == 0:
                    cursor.Next();
                    return;
                case "}" when depth == 0:
                    if (cursor.Position == start)
                    {
                        cursor.Next();
                    }

                    return;
                case "{":
                    bool isBody = depth == 0 && cursor.Position > start && cursor.At(cursor.Position - 1).Is(")");
                    SkipBraces();
                    if (isBody)
                    {
                        return;
                    }

                    continue;
            }

            cursor.Next();
        }
    }

    /// <summary>Skips a brace block from its <c>{</c>, to the end of input when it is never closed.</summary>
    private void SkipBraces()
    {
        int depth = 0;
        while (!Cursor.AtEnd)
        {
            Token t = Cursor.Next();
            if (t.Is("{"))
            {
                depth++;
            }
            else if (t.Is("}") && --depth == 0)
            {
                return;
            }
        }
    }
}
