using System;
using System.Collections.Generic;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Parsing;

/// <summary>The state the parts of the parser share while parsing one unit.</summary>
internal sealed class ParserContext
{
    public ParserContext(IReadOnlyList<Token> tokens, int pointerSize)
    {
        Cursor = new TokenCursor(tokens);
        PointerSize = pointerSize;
        Undo = new UndoLog();
        Table = new TypeTable(Undo);
        Builder = new ModelBuilder();
        Anonymous = new AnonymousTags();
        Specifiers = new DeclSpecifierParser(this);
        Declarators = new DeclaratorParser(this);
        Records = new RecordParser(this);
        Enums = new EnumParser(this);
    }

    public TokenCursor Cursor { get; private set; }

    public int PointerSize { get; }

    public UndoLog Undo { get; }

    public TypeTable Table { get; }

    public ModelBuilder Builder { get; }

    public AnonymousTags Anonymous { get; }

    public DeclSpecifierParser Specifiers { get; }

    public DeclaratorParser Declarators { get; }

    public RecordParser Records { get; }

    public EnumParser Enums { get; }

    /// <summary>
    /// Runs <paramref name="parse"/> over <paramref name="tokens"/> (a function or macro body) instead of the unit's
    /// tokens, then undoes whatever it taught the parser (tags, typedefs, records): a body declares nothing at file
    /// scope. A construct the body parsers do not read, or a syntax error, gives <paramref name="failed"/>'s result.
    /// </summary>
    public T Isolated<T>(IReadOnlyList<Token> tokens, Func<T> parse, Func<CSyntaxProblem, T> failed)
    {
        TokenCursor saved = Cursor;
        ModelBuilder.Snapshot snapshot = Builder.Take();
        int undoMark = Undo.Mark;
        Cursor = new TokenCursor(tokens);
        try
        {
            return parse();
        }
        catch (UnsupportedSyntaxException e)
        {
            return failed(e.Problem);
        }
        catch (ParseException e)
        {
            return failed(new CSyntaxProblem($"code it cannot parse ({e.Diagnostic.Message})", e.Diagnostic.Location));
        }
        finally
        {
            Cursor = saved;
            Builder.Rollback(snapshot);
            Undo.RollbackTo(undoMark);
        }
    }

    /// <summary>Evaluates a constant expression whose identifiers are enum members; a syntax error when it is not one.</summary>
    public ConstantValue Evaluate(List<Token> tokens, Token at, string what)
    {
        ConstantValue? value = TryEvaluate(tokens, out string? error);
        return value ?? throw ParseException.Syntax($"{what} is not a constant expression: {error}", tokens.Count > 0 ? tokens[0] : at);
    }

    /// <summary>Evaluates a constant expression whose identifiers are enum members; null when it is not one.</summary>
    public ConstantValue? TryEvaluate(List<Token> tokens, out string? error) =>
        ConstantExpressionEvaluator.Evaluate(tokens, t => Table.GetEnumConstant(t.Text), PointerSize, out error);
}
