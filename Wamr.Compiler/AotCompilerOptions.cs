using System;

namespace Wamr.Compiler;

/// <summary>How <see cref="AotCompiler"/> compiles. Immutable; the defaults suit the runtime in this process.</summary>
public sealed record AotCompilerOptions
{
    /// <summary>The default options: optimisation level 3, size level 3, portable CPU, bounds checks as the runtime
    /// requires, bulk memory and reference types on, call-stack frames on, interruptible.</summary>
    public static AotCompilerOptions Default { get; } = new();

    /// <summary>LLVM's optimisation level, 0 to 3 (wamrc's <c>--opt-level</c>). Default 3.</summary>
    public int OptimizationLevel { get; init; } = 3;

    /// <summary>LLVM's size level, 0 to 3 (wamrc's <c>--size-level</c>). Default 3.</summary>
    public int SizeLevel { get; init; } = 3;

    /// <summary>The CPU to compile for. Default <see cref="AotTargetCpu.Portable"/>.</summary>
    public AotTargetCpu TargetCpu { get; init; } = AotTargetCpu.Portable;

    /// <summary>
    /// Software bounds checks on memory accesses; <see langword="null"/> (the default) means whatever the runtime needs.
    /// This package's runtime has no guard pages, so code compiled without them would access memory unchecked:
    /// <see langword="false"/> is refused for it.
    /// </summary>
    public bool? BoundsChecks { get; init; }

    /// <summary>Compile the bulk-memory proposal's instructions (the runtime supports them). Default on.</summary>
    public bool BulkMemory { get; init; } = true;

    /// <summary>Compile the reference-types proposal's instructions (the runtime supports them). Default on.</summary>
    public bool ReferenceTypes { get; init; } = true;

    /// <summary>Push call-stack frames, so that traps carry their wasm stack trace (as interpreted code does). Off
    /// makes calls slightly faster and trap traces empty. Default on.</summary>
    public bool CallStackFrames { get; init; } = true;

    /// <summary>
    /// Compile interruption checks (a test of the thread's termination flag on every backward branch and call), so that
    /// <c>Store.Interrupt</c>, a call's timeout or cancellation token can stop the code. Off makes tight loops faster (in
    /// the benchmarks' memory loop 0.68 instead of 0.82 ns per iteration) and the module not interruptible
    /// (<c>Module.IsInterruptible</c> false: timed and cancellable calls into it are refused, and a runaway loop cannot be
    /// stopped): only for code you trust to terminate. Default on.
    /// </summary>
    public bool Interruptible { get; init; } = true;

    /// <summary>Throws when a value is out of range.</summary>
    internal void Validate()
    {
        if (OptimizationLevel is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(OptimizationLevel), OptimizationLevel, "The optimisation level is 0 to 3.");
        }

        if (SizeLevel is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(SizeLevel), SizeLevel, "The size level is 0 to 3.");
        }

        if (!Enum.IsDefined(TargetCpu))
        {
            throw new ArgumentOutOfRangeException(nameof(TargetCpu), TargetCpu, "Not an AotTargetCpu value.");
        }
    }
}
