using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Parsing;
using Wamr.Tests.SourceGen.CrossCheck;

namespace Wamr.Tests.Interop.Safety;

/// <summary>The committed guard list Wamr.Runtime hands to the generator, read and written.</summary>
public static class GuardListFile
{
    /// <summary>Its path in the repository.</summary>
    public static string Path => System.IO.Path.Combine(CrossCheckEnvironment.RepoRoot, "Wamr.Runtime", "Interop", "wasm_c_api.guards");

    /// <summary>The committed list: guarded parameters by function; fails on a malformed file.</summary>
    public static SortedDictionary<string, SortedSet<string>> Read()
    {
        var diagnostics = new List<DiagnosticInfo>();
        var guards = GuardListParser.Parse(Path, File.ReadAllText(Path), diagnostics);
        if (diagnostics.Count > 0)
        {
            throw new InvalidDataException(string.Join("\n", diagnostics));
        }

        var result = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (ArgumentGuard g in guards)
        {
            result[g.Function] = new SortedSet<string>(g.Parameters, StringComparer.Ordinal);
        }

        return result;
    }

    /// <summary>The file for the crashing NULL cases of <paramref name="results"/>, functions in probe order.</summary>
    public static string Format(IReadOnlyList<NullProbeResult> results)
    {
        var text = new StringBuilder();
        text.Append("""
            # Parameters of wasm_c_api.h functions that WAMR 1.1.2 dereferences without a NULL check: NULL crashes the process.
            # The generated binding of each function listed throws ArgumentNullException for these parameters instead.
            #
            # Measured, not guessed: Wamr.Tests/Interop/Safety/null-probe.c calls every exported function once for each pointer
            # parameter with that parameter NULL, in a fork()ed child (every call and its outcome: docs/null-probe.md).
            # The safety tests fail when this list differs from a fresh measurement; this rewrites it:
            #   WAMR_UPDATE_SAFETY=1 dotnet test Wamr.Tests --filter FullyQualifiedName~Interop.Safety
            #
            # Format: function: parameter, parameter   (the binding's names: the C name, or argN for the unnamed N-th, from 0)

            """);
        foreach (IGrouping<string, NullProbeResult> function in results.Where(r => r.IsNullCase && r.Crashed).GroupBy(r => r.Function))
        {
            text.Append(function.Key).Append(": ").AppendJoin(", ", function.OrderBy(r => r.NullIndex).Select(r => r.NullParameter).Distinct()).Append('\n');
        }

        return text.ToString();
    }
}
