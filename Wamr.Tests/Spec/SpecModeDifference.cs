using System;
using System.Collections.Generic;
using System.Linq;

namespace Wamr.Tests.Spec;

/// <summary>
/// Why a spec command has another result precompiled (AOT) than interpreted. Every difference between the modes must
/// match one of these (<see cref="SpecPrecompiledTests"/>); the results page counts them.
/// </summary>
/// <param name="Id">Short name.</param>
/// <param name="Direction">"fails precompiled" or "passes precompiled".</param>
/// <param name="Explanation">What happens, and why.</param>
/// <param name="Matches">Whether the difference (interpreted outcome, precompiled outcome) is this one.</param>
public sealed record SpecModeDifference(string Id, string Direction, string Explanation, Func<SpecOutcome, SpecOutcome, bool> Matches)
{
    private const string Fails = "fails precompiled";
    private const string Passes = "passes precompiled";

    /// <summary>Every known difference, in the order of the results page.</summary>
    public static readonly IReadOnlyList<SpecModeDifference> All =
    [
        new("aot-table-imported-function", Fails,
            "the façade refuses a precompiled module whose element segments put an imported function into a table: WAMR 1.1.2's AOT code calls it through call_indirect with a broken environment (garbage results; with the façade's host functions, a call without a live store, which ends the process — what this runner saw before the guard). The interpreter handles these modules.",
            (i, a) => Refused(a, "an element segment puts an imported function")),
        new("aot-table-memory-import", Fails,
            "the façade refuses a precompiled module that imports a table or a memory: WAMR 1.1.2's AOT loader ignores such imports (every instance gets a private one, and the C API does not list them). Interpreted, the same modules fail with a LinkException, or pass where the specification expects the link to fail.",
            (i, a) => Refused(a, "imports a table or a memory")),
        new("aot-frame-stack", Fails,
            "deep recursion traps with \"auxiliary call stack overflow\": with call-stack frames on (the compiler's default, for trap traces), every AOT call takes a frame from the instance's wasm stack (InstanceOptions, 32 KiB by default), where the interpreted run of the same functions does not run out.",
            (i, a) => a.Detail.Contains("auxiliary call stack overflow", StringComparison.Ordinal)),
        new("aot-reexported-import", Fails,
            "calling an exported function that is itself an import (a re-export) traps with a bogus \"invalid argument count\" in AOT code.",
            (i, a) => a.Detail.Contains("invalid argument count", StringComparison.Ordinal)),
        new("aot-start-import", Fails,
            "a precompiled module with a start function and function imports is refused: the façade runs start functions itself (after binding the imports) only for modules loaded from wasm, where the engine extension takes the start function from WAMR's module; WAMR 1.1.2's AOT runtime cannot call a function the module does not export, so precompiled modules keep WAMR's behaviour, which crashes when the start function calls an import (start-import).",
            (i, a) => a.Status == SpecStatus.Failed && a.Detail.Contains("has a start function and imports functions", StringComparison.Ordinal)),
        new("aot-quiet-nan", Passes,
            "floor, ceil, trunc and nearest of a signalling NaN return a quiet NaN in AOT code (LLVM's intrinsics), as the specification requires; the interpreter returns it unchanged (snan-rounding).",
            (i, a) => i.Category == "snan-rounding" && a.Status == SpecStatus.Passed),
    ];

    /// <summary>The difference that explains <paramref name="precompiled"/> against <paramref name="interpreted"/>, or null.</summary>
    public static SpecModeDifference? Explain(SpecOutcome interpreted, SpecOutcome precompiled) =>
        All.FirstOrDefault(d => d.Direction == (precompiled.Status == SpecStatus.Passed ? Passes : Fails) && d.Matches(interpreted, precompiled));

    private static bool Refused(SpecOutcome outcome, string reason) =>
        outcome.Status == SpecStatus.Failed && outcome.Detail.Contains("NotSupportedException: The module is precompiled and", StringComparison.Ordinal)
        && outcome.Detail.Contains(reason, StringComparison.Ordinal);
}
