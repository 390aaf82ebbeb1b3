using System;
using System.Collections.Generic;
using System.Linq;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// The C-like helpers of a model: its inline functions and value macros translated to C#, each for the class of
/// the header that declares it. A helper the translator cannot handle, or one that calls such a helper, is left
/// out with an Info diagnostic (<see cref="DiagnosticIds.HelperNotTranslated"/>) at its header line.
/// </summary>
internal sealed class HelperSet
{
    private readonly List<TranslatedHelper> _helpers;

    private HelperSet(List<TranslatedHelper> helpers) => _helpers = helpers;

    /// <summary>Translates every helper of <paramref name="types"/>' model; problems go to <paramref name="diagnostics"/>.</summary>
    public static HelperSet Translate(TypeTable types, TypeMapper mapper, BindingOptions options, List<DiagnosticInfo> diagnostics)
    {
        var ctx = new HelperContext(types, mapper, options);
        var translated = new List<TranslatedHelper>();
        var failures = new List<(string What, string Name, string Reason, SourceLocation Location)>();

        foreach (FunctionDecl f in ctx.InlineFunctions)
        {
            Try("inline function", f.Name, f.Location, () => FunctionTranslator.Translate(f, ctx), translated, failures);
        }

        foreach (MacroDefinition m in types.Model.Macros)
        {
            if (types.IsFunction(m.Name))
            {
                continue;
            }

            Try("macro", m.Name, m.Location, () => MacroTranslator.Translate(m, ctx), translated, failures);
        }

        // A helper is emitted only when every inline function it calls is.
        bool changed = true;
        while (changed)
        {
            var available = new HashSet<string>(translated.Select(h => h.Name));
            changed = false;
            foreach (TranslatedHelper h in translated.ToList())
            {
                string? missing = h.Calls.FirstOrDefault(c => !available.Contains(c));
                if (missing is not null)
                {
                    translated.Remove(h);
                    failures.Add((KindOf(h, types), h.Name, $"a call to '{missing}', which is not translated either", h.Location));
                    changed = true;
                }
            }
        }

        foreach ((string what, string name, string reason, SourceLocation location) in failures.OrderBy(f => f.Location.File, StringComparer.Ordinal).ThenBy(f => f.Location.Line))
        {
            diagnostics.Add(new DiagnosticInfo(
                DiagnosticIds.HelperNotTranslated,
                $"The {what} '{name}' has no C# helper: the translator does not support {reason}.",
                location));
        }

        return new HelperSet(translated);
    }

    /// <summary>The helpers of <paramref name="className"/>, in header order.</summary>
    public IEnumerable<TranslatedHelper> For(string className) => _helpers.Where(h => h.ClassName == className);

    private static string KindOf(TranslatedHelper h, TypeTable types) => types.IsFunction(h.Name) ? "inline function" : "macro";

    private static void Try(
        string what,
        string name,
        SourceLocation location,
        Func<TranslatedHelper?> translate,
        List<TranslatedHelper> translated,
        List<(string, string, string, SourceLocation)> failures)
    {
        try
        {
            if (translate() is { } helper)
            {
                translated.Add(helper);
            }
        }
        catch (TranslationException e)
        {
            failures.Add((what, name, e.Message, e.Location.Line > 0 ? e.Location : location));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures.Add((what, name, $"what made the translator fail ({e.GetType().Name}: {e.Message})", location));
        }
    }
}
