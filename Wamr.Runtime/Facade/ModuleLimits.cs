using System;

namespace Wamr;

/// <summary>
/// Bounds on what loading a module may cost, checked by the façade before WAMR's loader sees the binary (in
/// milliseconds, with no native call): WAMR 1.1.2 allocates and fills memory for counts it reads from the binary before
/// it checks them (a 32-byte module declaring 0xBFFFFFFF locals makes it fill 3 GB), and for the initial memory and
/// table sizes when it instantiates. A module beyond a limit is refused with a <see cref="ModuleLimitException"/> saying
/// what and where. Set per store (<see cref="Store.ModuleLimits"/>); <see cref="Default"/> accepts every module WAMR
/// itself accepts, up to 1 GiB of initial memory.
/// </summary>
/// <remarks>
/// Beyond these limits the check always refuses a vector (types, imports, functions, tables, memories, globals, exports,
/// element segments and their function lists, code bodies and their local groups, data segments) that declares more
/// entries than its bytes could hold: such a binary is malformed, and the count is what WAMR would have allocated for.
/// </remarks>
public sealed record ModuleLimits
{
    private readonly long _maxBinarySize = 256L * 1024 * 1024;
    private readonly int _maxFunctionLocalCells = WamrMaxLocalCells;
    private readonly uint _maxMemoryPages = 16384;

    /// <summary>WAMR's own limit on a function's locals: 65,535 cells (an i64 or f64 takes two).</summary>
    public const int WamrMaxLocalCells = ushort.MaxValue;

    /// <summary>The defaults: 256 MiB of binary, WAMR's 65,535 local cells, 16,384 initial pages (1 GiB) of memory,
    /// 10,000,000 initial table elements.</summary>
    public static ModuleLimits Default { get; } = new();

    /// <summary>The largest binary accepted, in bytes (default 256 MiB).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or less.</exception>
    public long MaxBinarySize
    {
        get => _maxBinarySize;
        init => _maxBinarySize = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxBinarySize), value, "must be positive");
    }

    /// <summary>The most local cells one function may declare (parameters not counted; an i64 or f64 local takes two
    /// cells). Default and maximum: <see cref="WamrMaxLocalCells"/>, which WAMR enforces only after allocating.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 0 to <see cref="WamrMaxLocalCells"/>.</exception>
    public int MaxFunctionLocalCells
    {
        get => _maxFunctionLocalCells;
        init => _maxFunctionLocalCells = value is >= 0 and <= WamrMaxLocalCells ? value : throw new ArgumentOutOfRangeException(nameof(MaxFunctionLocalCells), value, $"must be 0 to {WamrMaxLocalCells}");
    }

    /// <summary>The largest initial size of a memory, in 64 KiB pages (WAMR allocates it at instantiation). Default 16,384
    /// (1 GiB); at most 65,536.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set above 65,536.</exception>
    public uint MaxMemoryPages
    {
        get => _maxMemoryPages;
        init => _maxMemoryPages = value <= 65536 ? value : throw new ArgumentOutOfRangeException(nameof(MaxMemoryPages), value, "a memory has at most 65,536 pages");
    }

    /// <summary>The largest initial size of a table, in elements (WAMR allocates 4 bytes for each, and room to grow to
    /// twice that, at instantiation). Default 10,000,000.</summary>
    public uint MaxTableElements { get; init; } = 10_000_000;
}
