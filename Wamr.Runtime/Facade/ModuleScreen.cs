using System;
using System.Globalization;

namespace Wamr;

/// <summary>
/// The façade's pre-check of a module binary against <see cref="ModuleLimits"/>, before WAMR's loader allocates for it.
/// It reads section headers, every vector count WAMR allocates for, the local declarations of each code body, element
/// segments' function lists, and memory and table limits; it decodes no instruction. What it cannot read (a bad header,
/// an unknown constant expression, a section that runs past the end) it leaves to WAMR, which rejects such binaries
/// without large allocations. The work is linear in the binary's size.
/// </summary>
internal static class ModuleScreen
{
    private const string DeclaredCount = "declared count";

    private static readonly string[] SectionNames =
    [
        "custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "data count",
    ];

    /// <summary>Throws <see cref="ModuleLimitException"/> if the binary is beyond a limit.</summary>
    public static void Check(ReadOnlySpan<byte> binary, ModuleLimits limits)
    {
        if (Problem(binary, limits) is { } problem)
        {
            throw new ModuleLimitException(problem.Limit, "The module was refused before loading: " + problem.Message);
        }
    }

    /// <summary>Refuses a binary of <paramref name="length"/> bytes beyond <see cref="ModuleLimits.MaxBinarySize"/>.</summary>
    public static void CheckSize(long length, ModuleLimits limits)
    {
        if (length > limits.MaxBinarySize)
        {
            throw new ModuleLimitException(
                nameof(ModuleLimits.MaxBinarySize),
                $"The module was refused before loading: the binary has {length:N0} bytes, more than ModuleLimits.MaxBinarySize ({limits.MaxBinarySize:N0}).");
        }
    }

    /// <summary>The limit the binary breaks and a message, or null.</summary>
    public static (string Limit, string Message)? Problem(ReadOnlySpan<byte> binary, ModuleLimits limits)
    {
        if (binary.Length > limits.MaxBinarySize)
        {
            return (nameof(ModuleLimits.MaxBinarySize), $"the binary has {binary.Length:N0} bytes, more than ModuleLimits.MaxBinarySize ({limits.MaxBinarySize:N0}).");
        }

        if (binary.Length < 8)
        {
            return null;
        }

        var reader = new WasmBinaryReader(binary[8..]);
        while (!reader.AtEnd)
        {
            if (!reader.TryByte(out byte id) || !reader.TryU32(out uint size) || !reader.TrySlice(size, out ReadOnlySpan<byte> content))
            {
                return null;
            }

            var section = new WasmBinaryReader(content);
            (string, string)? problem = id switch
            {
                1 or 2 or 3 or 6 or 7 or 11 => CheckCount(ref section, id),
                4 => CheckTables(ref section, limits),
                5 => CheckMemories(ref section, limits),
                9 => CheckElements(ref section),
                10 => CheckCode(ref section, limits),
                _ => null,
            };
            if (problem is not null)
            {
                return problem;
            }

            if (id == 2 && CheckImportLimits(content, limits) is { } importProblem)
            {
                return importProblem;
            }
        }

        return null;
    }

    /// <summary>A vector's count against the bytes after it: each entry takes at least one byte.</summary>
    private static (string, string)? CheckCount(ref WasmBinaryReader reader, byte id) =>
        reader.TryU32(out uint count) ? CountFits(count, reader.Remaining, $"the {SectionNames[id]} section") : null;

    private static (string, string)? CountFits(uint count, int bytes, string where) =>
        count > (uint)bytes
            ? (DeclaredCount, $"{where} declares {count.ToString("N0", CultureInfo.InvariantCulture)} entries in {bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes (the binary is malformed; WAMR would allocate for the count first).")
            : null;

    private static (string, string)? CheckTables(ref WasmBinaryReader reader, ModuleLimits limits)
    {
        if (!reader.TryU32(out uint count))
        {
            return null;
        }

        if (CountFits(count, reader.Remaining, "the table section") is { } problem)
        {
            return problem;
        }

        for (uint i = 0; i < count; i++)
        {
            if (!reader.TryByte(out _) || !reader.TryLimits(out uint initial))
            {
                return null;
            }

            if (TableTooLarge(initial, limits, $"table {i}") is { } tooLarge)
            {
                return tooLarge;
            }
        }

        return null;
    }

    private static (string, string)? CheckMemories(ref WasmBinaryReader reader, ModuleLimits limits)
    {
        if (!reader.TryU32(out uint count))
        {
            return null;
        }

        if (CountFits(count, reader.Remaining, "the memory section") is { } problem)
        {
            return problem;
        }

        for (uint i = 0; i < count; i++)
        {
            if (!reader.TryLimits(out uint initial))
            {
                return null;
            }

            if (MemoryTooLarge(initial, limits, $"memory {i}") is { } tooLarge)
            {
                return tooLarge;
            }
        }

        return null;
    }

    /// <summary>Memory and table imports declare initial sizes too (WAMR refuses such imports, but loads the module).</summary>
    private static (string, string)? CheckImportLimits(ReadOnlySpan<byte> content, ModuleLimits limits)
    {
        var reader = new WasmBinaryReader(content);
        if (!reader.TryU32(out uint count))
        {
            return null;
        }

        for (uint i = 0; i < count; i++)
        {
            if (!reader.TrySkipName() || !reader.TrySkipName() || !reader.TryByte(out byte kind))
            {
                return null;
            }

            uint initial;
            switch (kind)
            {
                case 0:
                    if (!reader.TryU32(out _))
                    {
                        return null;
                    }

                    break;
                case 1:
                    if (!reader.TryByte(out _) || !reader.TryLimits(out initial))
                    {
                        return null;
                    }

                    if (TableTooLarge(initial, limits, $"imported table (import {i})") is { } table)
                    {
                        return table;
                    }

                    break;
                case 2:
                    if (!reader.TryLimits(out initial))
                    {
                        return null;
                    }

                    if (MemoryTooLarge(initial, limits, $"imported memory (import {i})") is { } memory)
                    {
                        return memory;
                    }

                    break;
                case 3:
                    if (!reader.TryByte(out _) || !reader.TryByte(out _))
                    {
                        return null;
                    }

                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static (string, string)? TableTooLarge(uint initial, ModuleLimits limits, string what) =>
        initial > limits.MaxTableElements
            ? (nameof(ModuleLimits.MaxTableElements), $"{what} starts with {initial.ToString("N0", CultureInfo.InvariantCulture)} elements, more than ModuleLimits.MaxTableElements ({limits.MaxTableElements.ToString("N0", CultureInfo.InvariantCulture)}).")
            : null;

    private static (string, string)? MemoryTooLarge(uint initial, ModuleLimits limits, string what) =>
        initial > limits.MaxMemoryPages
            ? (nameof(ModuleLimits.MaxMemoryPages), $"{what} starts with {initial.ToString("N0", CultureInfo.InvariantCulture)} pages of 64 KiB, more than ModuleLimits.MaxMemoryPages ({limits.MaxMemoryPages.ToString("N0", CultureInfo.InvariantCulture)}).")
            : null;

    private static (string, string)? CheckElements(ref WasmBinaryReader reader)
    {
        if (!reader.TryU32(out uint count))
        {
            return null;
        }

        if (CountFits(count, reader.Remaining, "the element section") is { } problem)
        {
            return problem;
        }

        for (uint i = 0; i < count; i++)
        {
            if (!reader.TryU32(out uint flags) || flags > 7)
            {
                return null;
            }

            // Bit 1 (without bit 0): an explicit table index; bit 0 clear: an offset expression; bits 0 or 1: an element
            // kind or reference type byte; bit 2: the elements are expressions instead of function indices.
            if ((flags & 3) == 2 && !reader.TryU32(out _))
            {
                return null;
            }

            if ((flags & 1) == 0 && !reader.TrySkipConstantExpression())
            {
                return null;
            }

            if ((flags & 3) != 0 && !reader.TryByte(out _))
            {
                return null;
            }

            if (!reader.TryU32(out uint elements))
            {
                return null;
            }

            if (CountFits(elements, reader.Remaining, $"element segment {i}") is { } tooMany)
            {
                return tooMany;
            }

            for (uint e = 0; e < elements; e++)
            {
                if ((flags & 4) == 0 ? !reader.TryU32(out _) : !reader.TrySkipConstantExpression())
                {
                    return null;
                }
            }
        }

        return null;
    }

    private static (string, string)? CheckCode(ref WasmBinaryReader reader, ModuleLimits limits)
    {
        if (!reader.TryU32(out uint count))
        {
            return null;
        }

        if (CountFits(count, reader.Remaining, "the code section") is { } problem)
        {
            return problem;
        }

        for (uint i = 0; i < count; i++)
        {
            if (!reader.TryU32(out uint size) || !reader.TrySlice(size, out ReadOnlySpan<byte> body))
            {
                return null;
            }

            var locals = new WasmBinaryReader(body);
            if (!locals.TryU32(out uint groups))
            {
                return null;
            }

            if (CountFits(groups, locals.Remaining, $"the local declarations of code body {i}") is { } tooManyGroups)
            {
                return tooManyGroups;
            }

            ulong cells = 0;
            for (uint g = 0; g < groups; g++)
            {
                if (!locals.TryU32(out uint declared) || !locals.TryByte(out byte type))
                {
                    return null;
                }

                // i64 and f64 take two cells, v128 four, the rest one (WAMR's wasm_value_type_cell_num).
                cells += declared * (ulong)(type switch { 0x7E or 0x7C => 2, 0x7B => 4, _ => 1 });
            }

            if (cells > (ulong)limits.MaxFunctionLocalCells)
            {
                return (nameof(ModuleLimits.MaxFunctionLocalCells),
                    $"code body {i} declares {cells.ToString("N0", CultureInfo.InvariantCulture)} cells of locals, more than ModuleLimits.MaxFunctionLocalCells ({limits.MaxFunctionLocalCells.ToString("N0", CultureInfo.InvariantCulture)}; WAMR's own limit is {ModuleLimits.WamrMaxLocalCells:N0}, checked after it allocates).");
            }
        }

        return null;
    }
}
