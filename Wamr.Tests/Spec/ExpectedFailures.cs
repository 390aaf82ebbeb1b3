using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

using Wamr.Tests.SourceGen.CrossCheck;

namespace Wamr.Tests.Spec;

/// <summary>One line of <c>expected-failures.txt</c>: a failing command, the engine limitation behind it, and a note.</summary>
/// <param name="Location"><c>file.wast:line</c>.</param>
/// <param name="Category">A <see cref="SpecFailureCategory"/> id.</param>
/// <param name="Note">What happens; for a failure caused by an earlier one, <c>after file.wast:line</c> first.</param>
public sealed record ExpectedFailure(string Location, string Category, string Note)
{
    /// <summary>The earlier failure this one follows from (<c>after file.wast:line…</c>), or null.</summary>
    public string? After => Note.StartsWith("after ", StringComparison.Ordinal)
        ? Note["after ".Length..].Split([' ', ':'], 3) is [string file, string line, ..] ? file + ":" + line.TrimEnd(',', ';', ')') : null
        : null;
}

/// <summary>Reads and writes <c>Wamr.Tests/Spec/expected-failures.txt</c>.</summary>
public static class ExpectedFailures
{
    private const string Header =
        """
        # Spec testsuite commands that fail through the binding, each with the WAMR 1.1.2 limitation behind it.
        # Format: file.wast:line  category  note. Categories and their C-level proofs: SpecFailureCategory.cs and
        # repros/repros.c (run by SpecReproTests). A failure whose own text does not show its cause names the earlier
        # failure it follows from ("after file.wast:line"), which must be listed with the same category.
        # A failure not listed here, or a listed command that passes, fails SpecTestsuiteTests.
        # Rewritten (categories from the failures' text, hand-written notes kept) only when explicitly asked:
        #   WAMR_UPDATE_SPEC=failures dotnet test Wamr.Tests --filter FullyQualifiedName~Spec
        """;

    /// <summary>The file in the repository.</summary>
    public static string FilePath => Path.Combine(CrossCheckEnvironment.RepoRoot, "Wamr.Tests", "Spec", "expected-failures.txt");

    /// <summary>The entries by location.</summary>
    public static IReadOnlyDictionary<string, ExpectedFailure> Load()
    {
        var entries = new Dictionary<string, ExpectedFailure>(StringComparer.Ordinal);
        if (!File.Exists(FilePath))
        {
            return entries;
        }

        foreach (string raw in File.ReadAllLines(FilePath))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] parts = line.Split("  ", 3, StringSplitOptions.TrimEntries);
            if (parts.Length < 2)
            {
                throw new FormatException($"{FilePath}: '{line}' is not 'file.wast:line  category  note'.");
            }

            entries.Add(parts[0], new ExpectedFailure(parts[0], parts[1], parts.Length > 2 ? parts[2] : string.Empty));
        }

        return entries;
    }

    /// <summary>The file's text for <paramref name="outcomes"/>: every failure, its category from its text (or the
    /// existing entry's for one whose text does not show it), keeping existing notes of such entries.</summary>
    public static string Render(IEnumerable<SpecOutcome> outcomes, IReadOnlyDictionary<string, ExpectedFailure> existing)
    {
        var text = new StringBuilder(Header.ReplaceLineEndings("\n")).Append('\n');
        foreach (SpecOutcome o in outcomes.Where(o => o.Status == SpecStatus.Failed))
        {
            existing.TryGetValue(o.Location, out ExpectedFailure? old);
            string category = o.Category ?? old?.Category ?? "unexplained";
            string note = o.Category is null && old is not null ? old.Note : o.Detail;
            text.Append(o.Location).Append("  ").Append(category).Append("  ").Append(note).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>What is wrong with <paramref name="file"/>'s outcomes against the list: new failures, unexpected passes,
    /// unknown or mismatched categories, unexplained follow-on failures. Empty when all is as listed.</summary>
    public static IReadOnlyList<string> Problems(string file, IReadOnlyList<SpecOutcome> outcomes, IReadOnlyDictionary<string, ExpectedFailure> expected)
    {
        var problems = new List<string>();
        var failing = outcomes.Where(o => o.Status == SpecStatus.Failed).ToDictionary(o => o.Location, StringComparer.Ordinal);
        foreach (SpecOutcome o in failing.Values)
        {
            if (!expected.TryGetValue(o.Location, out ExpectedFailure? entry))
            {
                problems.Add($"new failure {o.Location} ({o.Command}, {o.Category ?? "no known cause"}): {o.Detail}");
                continue;
            }

            if (SpecFailureCategory.Find(entry.Category) is null)
            {
                problems.Add($"{o.Location} is listed with '{entry.Category}', which is not a proven limitation (SpecFailureCategory.All)");
            }
            else if (o.Category is not null && o.Category != entry.Category)
            {
                problems.Add($"{o.Location} is listed as {entry.Category} but fails as {o.Category}: {o.Detail}");
            }
            else if (o.Category is null && entry.Category != "global-import-copy")
            {
                // Its text does not show the cause: it must follow from a listed earlier failure of the same category.
                if (entry.After is not { } after || !failing.ContainsKey(after) || !expected.TryGetValue(after, out ExpectedFailure? cause) || cause.Category != entry.Category)
                {
                    problems.Add($"{o.Location} ({o.Detail}) is listed as {entry.Category} without naming an earlier failure of that category it follows from ('after file.wast:line')");
                }
            }
        }

        foreach (ExpectedFailure entry in expected.Values.Where(e => e.Location.StartsWith(file + ":", StringComparison.Ordinal)))
        {
            if (!failing.ContainsKey(entry.Location))
            {
                string line = entry.Location[(file.Length + 1)..];
                bool exists = outcomes.Any(o => o.Line.ToString(CultureInfo.InvariantCulture) == line);
                problems.Add(exists ? $"unexpected pass {entry.Location} (listed as {entry.Category})" : $"{entry.Location} is listed but the file has no command there");
            }
        }

        return problems;
    }
}
