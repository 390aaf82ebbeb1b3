using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Wamr.Tests.Spec;

/// <summary>Each file's outcomes, run once per test run and shared by the per-file tests and the results page.</summary>
public static class SpecResults
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<SpecOutcome>>> Cache = new();

    /// <summary>The outcomes of <paramref name="wastFile"/> (running it on first use).</summary>
    public static IReadOnlyList<SpecOutcome> For(string wastFile) =>
        Cache.GetOrAdd(wastFile, file => new Lazy<IReadOnlyList<SpecOutcome>>(() => SpecFileRunner.Run(file), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>The outcomes of every file, in file order.</summary>
    public static IReadOnlyList<SpecOutcome> All() => SpecSuite.Files.SelectMany(For).ToList();
}
