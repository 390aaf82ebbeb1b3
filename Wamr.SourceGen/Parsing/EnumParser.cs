using System.Collections.Generic;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// Parses the body of an enum into an <see cref="EnumDecl"/>, evaluating every member: an explicit value is a
/// constant expression that may use the members declared before it (of this or other enums); an implicit one
/// is the previous value plus one (0 for the first).
/// </summary>
internal sealed class EnumParser
{
    private readonly ParserContext _context;

    public EnumParser(ParserContext context) => _context = context;

    /// <summary>Parses <c>{ members }</c> at the cursor for the enum <paramref name="name"/> (a tag or a placeholder).</summary>
    public void ParseBody(string name, Token nameToken, string? doc)
    {
        TokenCursor cursor = _context.Cursor;
        bool isAnonymous = AnonymousTags.IsPlaceholder(name);
        bool isRedefinition = !isAnonymous && _context.Table.IsDefined(name);
        cursor.Expect("{");

        var members = new List<EnumMember>();
        ConstantValue next = ConstantValue.Signed(0);
        while (!cursor.Is("}"))
        {
            Token member = cursor.ExpectIdentifier("an enumerator name");
            Noise.SkipAll(cursor);
            ConstantValue value = next;
            if (cursor.Accept("="))
            {
                List<Token> expression = cursor.CollectUntil(",", "}", ";");
                value = _context.Evaluate(expression, cursor.Current, $"the value of '{member.Text}'");
            }

            members.Add(new EnumMember(member.Text, value.Bits, member.Location, member.LeadingComment));
            _context.Table.AddEnumConstant(member.Text, value);
            next = value with { Bits = unchecked(value.Bits + 1) };
            if (!cursor.Accept(","))
            {
                break;
            }
        }

        cursor.Expect("}");
        if (!isAnonymous)
        {
            _context.Table.DefineTag(TagKind.Enum, name, nameToken.Location, _context.Builder.NextSequence(), skipped: false);
        }

        if (!isRedefinition)
        {
            _context.Builder.AddEnum(new EnumDecl(name, members.ToEquatableArray(), isAnonymous, nameToken.Location, doc));
        }
    }
}
