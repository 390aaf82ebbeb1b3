using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Wamr.Tests.SourceGen.CrossCheck;

/// <summary>The symbols libiwasm exports, from the list the native build writes next to it (one symbol a line).</summary>
public static class NmExports
{
    private static readonly Lazy<IReadOnlySet<string>> Cached = new(() => Read(CrossCheckEnvironment.ExportsFile));

    /// <summary>The exported symbols of this machine's libiwasm, read once per test run.</summary>
    public static IReadOnlySet<string> Symbols => Cached.Value;

    public static IReadOnlySet<string> Read(string path)
    {
        HashSet<string> symbols = new(
            File.ReadLines(path).Select(line => line.Trim()).Where(line => line.Length > 0),
            StringComparer.Ordinal);
        if (symbols.Count == 0)
        {
            throw new InvalidOperationException($"{path} lists no symbols");
        }

        return symbols;
    }
}
