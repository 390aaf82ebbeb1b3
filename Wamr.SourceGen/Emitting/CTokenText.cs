using System.Collections.Generic;
using System.Text;

namespace Wamr.SourceGen.Emitting;

/// <summary>Writes C tokens back as readable C (<c>{.kind = WASM_I32, .of = {.i32 = i}}</c>), for doc comments.</summary>
public static class CTokenText
{
    /// <summary>Joins <paramref name="tokens"/> with the spaces C code usually has.</summary>
    public static string Join(IReadOnlyList<string> tokens)
    {
        var sb = new StringBuilder();
        string? previous = null;
        bool previousIsPrefix = false;
        foreach (string t in tokens)
        {
            if (previous is not null && !previousIsPrefix && NeedsSpace(previous, t))
            {
                sb.Append(' ');
            }

            // A prefix operator (*p, -x, &v) sticks to its operand: it follows an operator or an opening bracket.
            previousIsPrefix = t is "*" or "-" or "+" or "&" && (previous is null || previous is "(" or "[" or "{" or "," or "=" or "return" || IsOperator(previous));
            sb.Append(t);
            previous = t;
        }

        return sb.ToString();
    }

    private static bool NeedsSpace(string previous, string next)
    {
        if (next is ")" or "]" or "," or ";" or "->" || previous is "(" or "[" or "->" or "#" or "~" or "!")
        {
            return false;
        }

        if (next == ".")
        {
            // Member access (a.b) has no space; a designator (.kind) follows '{' or ','.
            return previous is "{" or ",";
        }

        if (previous == ".")
        {
            return false;
        }

        if (next is "(" or "[")
        {
            // A call or index directly follows its name; '(' after an operator or keyword is spaced.
            return !IsWord(previous) && previous is not ")" and not "]";
        }

        return true;
    }

    private static bool IsOperator(string token) => token.Length > 0 && !IsWord(token) && token is not ")" and not "]" and not "}";

    private static bool IsWord(string token) => token.Length > 0 && (char.IsLetterOrDigit(token[0]) || token[0] == '_');
}
