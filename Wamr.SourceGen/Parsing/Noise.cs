using Wamr.SourceGen.Preprocessing;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// Words that do not change a binding and are dropped wherever they appear in a declaration: qualifiers other
/// than <c>const</c>, calling conventions, and attribute-like constructs with an argument list.
/// </summary>
internal static class Noise
{
    /// <summary>Whether <paramref name="word"/> is a calling convention (it may open a parenthesized declarator).</summary>
    public static bool IsCallingConvention(string word) => word is "__cdecl" or "_cdecl" or "__stdcall" or "_stdcall"
        or "__fastcall" or "__thiscall" or "__vectorcall" or "__clrcall";

    /// <summary>Whether <paramref name="word"/> is a dropped word that stands alone.</summary>
    public static bool IsWord(string word) => IsCallingConvention(word) || word is "volatile" or "__volatile" or "__volatile__"
        or "restrict" or "__restrict" or "__restrict__" or "_Atomic" or "__extension__" or "_Nonnull" or "_Nullable"
        or "_Null_unspecified" or "__ptr32" or "__ptr64" or "__unaligned" or "__w64";

    /// <summary>Whether <paramref name="word"/> is a dropped construct followed by a parenthesized argument list.</summary>
    public static bool TakesArguments(string word) => word is "__declspec" or "__attribute__" or "__attribute" or "_Alignas"
        or "alignas" or "__asm__" or "__asm" or "asm" or "_Pragma" or "__pragma";

    /// <summary>Whether the current token starts something dropped.</summary>
    public static bool IsAt(TokenCursor cursor)
    {
        Token t = cursor.Current;
        return !cursor.AtEnd && t.Kind == TokenKind.Identifier
            && (IsWord(t.Text) || (TakesArguments(t.Text) && cursor.Peek(1).Is("(")));
    }

    /// <summary>Skips one dropped construct at the cursor; false when there is none.</summary>
    public static bool TrySkip(TokenCursor cursor)
    {
        if (!IsAt(cursor))
        {
            return false;
        }

        bool withArguments = TakesArguments(cursor.Next().Text);
        if (withArguments)
        {
            cursor.SkipBalanced();
        }

        return true;
    }

    /// <summary>Skips every dropped construct at the cursor.</summary>
    public static void SkipAll(TokenCursor cursor)
    {
        while (TrySkip(cursor))
        {
        }
    }
}
