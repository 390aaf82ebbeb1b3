using System.Collections.Generic;
using System.Linq;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// Reads a guard list: one function a line, <c>function: parameter, parameter</c>; <c>#</c> starts a comment.
/// Parameter names are those of the binding: the C name, or <c>argN</c> (0-based position) for an unnamed one.
/// </summary>
public static class GuardListParser
{
    /// <summary>Parses <paramref name="text"/> (the file at <paramref name="path"/>); malformed lines become diagnostics.</summary>
    public static EquatableArray<ArgumentGuard> Parse(string path, string text, List<DiagnosticInfo> diagnostics)
    {
        var guards = new List<ArgumentGuard>();
        var seen = new HashSet<string>();
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int comment = line.IndexOf('#');
            string content = (comment >= 0 ? line.Substring(0, comment) : line).Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var location = new SourceLocation(path, i + 1, line.Length - line.TrimStart().Length + 1);
            int colon = content.IndexOf(':');
            string function = colon < 0 ? string.Empty : content.Substring(0, colon).Trim();
            string[] parameters = colon < 0
                ? new string[0]
                : content.Substring(colon + 1).Split(',').Select(p => p.Trim()).ToArray();
            if (!IsIdentifier(function) || parameters.Length == 0 || !parameters.All(IsIdentifier))
            {
                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticIds.GuardListSyntax,
                    $"Guard list line '{content}' is not 'function: parameter, parameter' (C identifiers; '#' starts a comment).",
                    location));
                continue;
            }

            if (!seen.Add(function))
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.GuardListSyntax, $"The guard list names {function} twice; list all its parameters on one line.", location));
                continue;
            }

            guards.Add(new ArgumentGuard(function, parameters.Distinct().ToEquatableArray(), location));
        }

        return guards.ToEquatableArray();
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && Lexer.IsIdentifierStart(s[0]) && s.All(Lexer.IsIdentifierPart) && !s.Contains('$');
}
