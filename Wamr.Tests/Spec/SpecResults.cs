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
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<SpecOutcome>>> PrecompiledCache = new();

    /// <summary>The outcomes of <paramref name="wastFile"/> (running it on first use).</summary>
    public static IReadOnlyList<SpecOutcome> For(string wastFile) =>
        Cache.GetOrAdd(wastFile, file => new Lazy<IReadOnlyList<SpecOutcome>>(() => SpecFileRunner.Run(file), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>The outcomes of every file, in file order.</summary>
    public static IReadOnlyList<SpecOutcome> All() => SpecSuite.Files.SelectMany(For).ToList();

    /// <summary>The outcomes of <paramref name="wastFile"/> precompiled (in a child process, on first use).</summary>
    public static IReadOnlyList<SpecOutcome> PrecompiledFor(string wastFile) =>
        PrecompiledCache.GetOrAdd(wastFile, file => new Lazy<IReadOnlyList<SpecOutcome>>(() => SpecChildProcess.Run(file, SpecMode.Precompiled), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>The precompiled outcomes of every file, in file order (two child processes at a time).</summary>
    public static IReadOnlyList<SpecOutcome> AllPrecompiled()
    {
        IReadOnlyList<string> files = SpecSuite.Files;
        System.Threading.Tasks.Parallel.ForEach(files, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 2 }, file => PrecompiledFor(file));
        return files.SelectMany(PrecompiledFor).ToList();
    }
}
