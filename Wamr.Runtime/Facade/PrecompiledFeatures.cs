using System;

namespace Wamr;

/// <summary>
/// What the code in a precompiled module assumes of the runtime that runs it, recorded in the envelope by the compiler
/// and checked by <see cref="Module.FromPrecompiled(Store, ReadOnlySpan{byte}, PrecompiledTrust)"/>.
/// </summary>
[Flags]
internal enum PrecompiledFeatures : uint
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Memory accesses are bounds-checked in software (required by a runtime without guard pages).</summary>
    BoundsChecks = 1,

    /// <summary>Bulk-memory instructions compiled.</summary>
    BulkMemory = 2,

    /// <summary>Reference-types instructions compiled.</summary>
    ReferenceTypes = 4,

    /// <summary>The code checks the thread manager's suspend flags (interruption from another thread works).</summary>
    ThreadManagerChecks = 8,

    /// <summary>The code pushes call-stack frames (WAMR_BUILD_DUMP_CALL_STACK): trap traces.</summary>
    CallStackFrames = 16,

    /// <summary>SIMD instructions compiled.</summary>
    Simd = 32,

    /// <summary>Tail calls compiled.</summary>
    TailCall = 64,
}
