using System.Collections.Generic;
using System.Globalization;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// Turns <c>static const T name = expression;</c> into a <see cref="ConstantDecl"/> when <c>T</c> is (a typedef of)
/// an arithmetic type or an enum and the initializer is constant. The value is converted to <c>T</c> as C would
/// (<c>(uint32_t)-1</c> is <c>4294967295</c>) and written as invariant decimal text.
/// </summary>
internal static class ConstantInitializer
{
    /// <summary>The constant, or null when the object is not a constant of a bindable type.</summary>
    public static ConstantDecl? TryCreate(ParserContext context, CType type, Token name, List<Token> initializer, string? doc)
    {
        if (!IsConst(context, type) || Canonical(context, type) is not { } canonical)
        {
            return null;
        }

        string? value = PrimitiveTypes.IsFloating(canonical)
            ? FloatingValue(initializer)
            : IntegerValue(context, canonical, initializer);
        return value is null ? null : new ConstantDecl(name.Text, type, value, name.Location, doc);
    }

    private static bool IsConst(ParserContext context, CType type)
    {
        for (int depth = 0; depth < 64; depth++)
        {
            switch (type)
            {
                case CPrimitiveType { IsConst: true } or CTagRef { IsConst: true } or CTypedefRef { IsConst: true }:
                    return true;
                case CTypedefRef t when context.Table.TryGetTypedef(t.Name, out CType target):
                    type = target;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The canonical arithmetic type <paramref name="type"/> stands for (an enum is an <c>int</c>), or null.</summary>
    private static string? Canonical(ParserContext context, CType type)
    {
        for (int depth = 0; depth < 64; depth++)
        {
            switch (type)
            {
                case CPrimitiveType p:
                    return p.Name == "void" ? null : p.Name;
                case CTagRef { Kind: TagKind.Enum }:
                    return "int";
                case CTypedefRef t when context.Table.TryGetTypedef(t.Name, out CType target):
                    type = target;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static string? IntegerValue(ParserContext context, string canonical, List<Token> initializer)
    {
        if (context.TryEvaluate(initializer, out _) is not { } value
            || !PrimitiveTypes.TryGetIntegerInfo(canonical, context.PointerSize, out int size, out bool isUnsigned))
        {
            return null;
        }

        if (canonical == "_Bool")
        {
            return value.IsTrue ? "1" : "0";
        }

        long bits = value.Bits;
        if (size < 8)
        {
            int shift = 64 - (size * 8);
            bits = isUnsigned ? (long)((ulong)(bits << shift) >> shift) : (bits << shift) >> shift;
        }

        return new ConstantValue(bits, isUnsigned).ToString();
    }

    private static string? FloatingValue(List<Token> initializer)
    {
        int i = 0;
        bool negative = false;
        while (i < initializer.Count && (initializer[i].Is("-") || initializer[i].Is("+")))
        {
            negative ^= initializer[i].Is("-");
            i++;
        }

        if (i != initializer.Count - 1 || initializer[i].Kind != TokenKind.Number)
        {
            return null;
        }

        string text = initializer[i].Text;
        double number;
        if (ConstantValue.ParseInteger(text) is { } integer)
        {
            number = integer.IsUnsigned ? unchecked((ulong)integer.Bits) : integer.Bits;
        }
        else
        {
            string digits = text.TrimEnd('f', 'F', 'l', 'L');
            if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            {
                return null;
            }
        }

        return (negative ? -number : number).ToString("R", CultureInfo.InvariantCulture);
    }
}
