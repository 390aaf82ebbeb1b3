using System.Linq;

namespace Wamr.SourceGen.Emitting;

/// <summary>Builds the XML doc comments of generated members from the header's own comments.</summary>
public static class DocComments
{
    /// <summary>
    /// A summary from the header comment <paramref name="doc"/> (escaped), or <paramref name="fallback"/>
    /// (already XML) when there is none; <paramref name="remarks"/> (XML) is added after it.
    /// </summary>
    public static string Summary(string? doc, string fallback, string? remarks = null)
    {
        string summary = string.IsNullOrWhiteSpace(doc) ? fallback : Clean(doc!);
        string text = "<summary>\n" + summary + "\n</summary>";
        if (remarks is not null)
        {
            text += "\n<remarks>" + remarks + "</remarks>";
        }

        return text;
    }

    private static string Clean(string doc)
    {
        string[] lines = doc.Split('\n').Select(l => l.Trim()).ToArray();
        // Drop decoration lines made only of slashes or stars (section banners).
        lines = lines.Where(l => l.Trim('/', '*', '-', '=', ' ').Length > 0).ToArray();

        // Drop formatter switches (clang-format off/on): they are about the header's layout, not its API.
        lines = lines.Where(l => !l.StartsWith("clang-format ", System.StringComparison.Ordinal)).ToArray();
        return lines.Length == 0 ? "(no description)" : Identifiers.Xml(string.Join("\n", lines));
    }
}
