using System.Collections.Generic;
using System.Linq;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Emitting;

/// <summary>Object-like macros whose body is an integer constant expression (enum members allowed), and their C# type.</summary>
internal static class MacroConstants
{
    /// <summary>The value of <paramref name="macro"/>'s body, or null when it is not an integer constant expression.</summary>
    public static ConstantValue? Evaluate(MacroDefinition macro, TypeTable types, int pointerSize)
    {
        if (macro.IsFunctionLike || macro.BodyTokens.Count == 0)
        {
            return null;
        }

        List<Token> tokens = Lexer.Tokenize(macro.Location.File, macro.Body);
        if (tokens.Count == 0 || tokens.Any(t => t.Kind is TokenKind.String or TokenKind.Other || t.Text is "{" or "}" or "," or ";" or "="))
        {
            return null;
        }

        var enumValues = new Dictionary<string, long>();
        foreach (EnumDecl e in types.Model.Enums)
        {
            foreach (EnumMember m in e.Members)
            {
                enumValues[m.Name] = m.Value;
            }
        }

        return ConstantExpressionEvaluator.Evaluate(
            tokens,
            t => enumValues.TryGetValue(t.Text, out long v) ? ConstantValue.Signed(v) : null,
            pointerSize,
            out _);
    }

    /// <summary>The smallest of <c>int</c>, <c>uint</c>, <c>long</c>, <c>ulong</c> that C#'s constant has for <paramref name="value"/>.</summary>
    public static string CSharpType(ConstantValue value) =>
        value.IsUnsigned
            ? (unchecked((ulong)value.Bits) <= uint.MaxValue ? "uint" : "ulong")
            : (value.Bits is >= int.MinValue and <= int.MaxValue ? "int" : "long");
}
