using System.Collections.Generic;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// Parses the body of a struct or union into a <see cref="RecordDecl"/>. A record with a bit-field (or with a
/// member record that has one) cannot be laid out in C#: it is reported (WAMRGEN005) and left out.
/// </summary>
internal sealed class RecordParser
{
    private readonly ParserContext _context;

    public RecordParser(ParserContext context) => _context = context;

    /// <summary>
    /// Parses <c>{ members }</c> at the cursor for the record <paramref name="name"/> (a tag or a placeholder).
    /// Returns false when the record was skipped.
    /// </summary>
    public bool ParseBody(TagKind kind, string name, Token nameToken, string? doc)
    {
        TokenCursor cursor = _context.Cursor;
        bool isAnonymous = AnonymousTags.IsPlaceholder(name);
        bool isRedefinition = !isAnonymous && _context.Table.IsDefined(name);
        cursor.Expect("{");

        var fields = new List<FieldDecl>();
        bool skip = false;
        int unnamed = 0;
        while (!cursor.Is("}"))
        {
            if (cursor.AtEnd)
            {
                throw ParseException.Syntax($"the body of '{nameToken.Text}' is never closed", nameToken);
            }

            if (cursor.Accept(";"))
            {
                continue;
            }

            if (cursor.Is("static_assert") || cursor.Is("_Static_assert"))
            {
                cursor.Next();
                cursor.SkipBalanced();
                cursor.Expect(";");
                continue;
            }

            skip |= !ParseMember(kind, name, fields, ref unnamed);
        }

        cursor.Expect("}");
        int sequence = _context.Builder.NextSequence();
        if (!isAnonymous)
        {
            _context.Table.DefineTag(kind, name, nameToken.Location, sequence, skip);
        }

        if (!skip && !isRedefinition)
        {
            _context.Builder.AddRecord(sequence, new RecordDecl(
                name, kind, fields.ToEquatableArray(), IsOpaque: false, isAnonymous, nameToken.Location, doc));
        }

        return !skip;
    }

    /// <summary>Parses one member declaration (<c>T a, *b;</c>); false when it makes the record unbindable.</summary>
    private bool ParseMember(TagKind kind, string recordName, List<FieldDecl> fields, ref int unnamed)
    {
        TokenCursor cursor = _context.Cursor;
        Token first = cursor.Current;
        string? doc = first.LeadingComment;
        DeclSpecifiers spec = _context.Specifiers.Parse(recordName);
        bool bindable = !spec.DefinesSkippedRecord;

        if (cursor.Accept(";"))
        {
            if (spec.AnonymousTag is not null && spec.Type is CTagRef { Kind: not TagKind.Enum })
            {
                // A C11 anonymous struct/union member.
                _context.Anonymous.SetUnnamedIndex(spec.AnonymousTag, ++unnamed);
                fields.Add(new FieldDecl(null, spec.Type, first.Location, doc));
            }

            return bindable;
        }

        bool isFirst = true;
        do
        {
            Declarator declarator = _context.Declarators.Parse(allowAbstract: true);
            if (cursor.Is(":"))
            {
                Token colon = cursor.Next();
                Token at = declarator.NameToken ?? colon;
                string what = kind == TagKind.Union ? "union" : "struct";
                _context.Builder.Report(new DiagnosticInfo(
                    DiagnosticIds.Unsupported,
                    $"bit-field '{declarator.Name ?? "(unnamed)"}' cannot be bound; the {what} that contains it is skipped",
                    at.Location));
                cursor.CollectUntil(",", ";");
                bindable = false;
            }
            else
            {
                Token name = declarator.NameToken
                    ?? throw ParseException.Syntax($"expected a member name but found {TokenCursor.Describe(cursor.Current)}", cursor.Current);
                if (isFirst && spec.AnonymousTag is not null)
                {
                    _context.Anonymous.SetMemberName(spec.AnonymousTag, name.Text);
                }

                fields.Add(new FieldDecl(name.Text, declarator.Apply(spec.Type), name.Location, doc));
            }

            isFirst = false;
        }
        while (cursor.Accept(","));

        cursor.Expect(";");
        return bindable;
    }
}
