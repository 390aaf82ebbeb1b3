using System;
using System.Collections.Generic;
using System.Text;

namespace Wamr;

/// <summary>
/// What the façade reads from a module's binary itself, because WAMR's C API does not expose it: whether there is a
/// start section (id 8), the function indices of exports (section 7) and function names (the custom "name" section).
/// Only section headers and these three sections are decoded; anything malformed simply ends the reading (WAMR has
/// validated the module already).
/// </summary>
internal sealed class ModuleBinary
{
    private const byte CustomSection = 0;
    private const byte ImportSection = 2;
    private const byte ExportSection = 7;
    private const byte StartSection = 8;
    private const byte ElementSection = 9;
    private const byte ExportKindFunction = 0;

    private readonly Dictionary<uint, string> _functionNames = new();
    private readonly Dictionary<uint, string> _exportNames = new();

    private ModuleBinary()
    {
    }

    /// <summary>Whether the module has a start function (assumed when <see cref="IsOpaque"/>).</summary>
    public bool HasStartSection { get; private set; }

    /// <summary>The start function's index (imports first), when the start section could be read.</summary>
    public uint? StartFunction { get; private set; }

    /// <summary>
    /// Whether WAMR no longer runs the start function itself (the engine extension took it away after loading,
    /// <c>wamr_ext_module_take_start</c>): each <see cref="Instance"/> runs <see cref="StartFunction"/> after
    /// instantiation, with its imports bound and interruptible. Set once, when the module is loaded, and shared by every
    /// module obtained from it (they are the same native module).
    /// </summary>
    public bool StartDeferred { get; private set; }

    /// <summary>
    /// How the module's WASI imports were linked by its first instantiation that had them (shared by every module obtained
    /// from it): WAMR keeps an import's calling convention in the module, shared by all its instances, so instances that
    /// take WASI from the engine and instances given WASI host functions cannot coexist. Read and set under the module's
    /// instantiation lock.
    /// </summary>
    public WasiLinking WasiLinking { get; set; }

    /// <summary>Records that WAMR's module no longer runs the start function (see <see cref="StartDeferred"/>).</summary>
    public void DeferStart(uint index)
    {
        StartFunction = index;
        StartDeferred = true;
    }

    private byte[]? _elements;
    private bool _importsUnreadable;

    /// <summary>How many functions the module imports (the first indices of its function index space).</summary>
    public uint ImportedFunctions { get; private set; }

    /// <summary>How many tables and memories the module imports.</summary>
    public uint ImportedTablesAndMemories { get; private set; }

    /// <summary>
    /// Whether an element segment (active, passive or declarative: every way a function becomes a funcref) names an
    /// imported function, so that a table may hold one; true when the sections cannot be read.
    /// </summary>
    public bool TablesMayHoldImportedFunctions =>
        IsOpaque || _importsUnreadable || (ImportedFunctions > 0 && _elements is not null && ElementsNameFunctionBelow(_elements, ImportedFunctions));

    /// <summary>Whether the façade could not read the module's sections (a raw AOT image): nothing is known.</summary>
    public bool IsOpaque { get; private set; }

    /// <summary>What is known of a module whose WebAssembly sections cannot be read (a raw AOT image): it is assumed to
    /// have a start function, so that the start-function guard stays on.</summary>
    public static ModuleBinary Opaque() => new() { HasStartSection = true, IsOpaque = true };

    /// <summary>Whether a WebAssembly binary has a custom section named "name".</summary>
    public static bool HasNameSection(ReadOnlySpan<byte> wasm)
    {
        var reader = new WasmBinaryReader(wasm);
        if (!reader.Skip(8))
        {
            return false;
        }

        while (!reader.AtEnd)
        {
            if (!reader.TryByte(out byte id) || !reader.TryU32(out uint size) || !reader.TrySlice(size, out ReadOnlySpan<byte> content))
            {
                return false;
            }

            if (id == CustomSection && new WasmBinaryReader(content).TryName(out string? name) && name == "name")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The part of a WebAssembly binary the façade reads (header, import, start, export, element and "name" sections, in order), as a
    /// smaller binary <see cref="Read"/> accepts: the module metadata a precompiled envelope carries.
    /// </summary>
    public static byte[] ExtractMetadata(ReadOnlySpan<byte> wasm)
    {
        var output = new System.IO.MemoryStream();
        if (wasm.Length < 8)
        {
            return [];
        }

        output.Write(wasm[..8]);
        var reader = new WasmBinaryReader(wasm);
        reader.Skip(8);
        while (!reader.AtEnd)
        {
            if (!reader.TryByte(out byte id) || !reader.TryU32(out uint size) || !reader.TrySlice(size, out ReadOnlySpan<byte> content))
            {
                break;
            }

            bool keep = id is ImportSection or StartSection or ExportSection or ElementSection
                || (id == CustomSection && new WasmBinaryReader(content).TryName(out string? name) && name == "name");
            if (keep)
            {
                output.WriteByte(id);
                for (uint rest = size; ; rest >>= 7)
                {
                    byte b = (byte)(rest & 0x7F);
                    if (rest >> 7 == 0)
                    {
                        output.WriteByte(b);
                        break;
                    }

                    output.WriteByte((byte)(b | 0x80));
                }

                output.Write(content);
            }
        }

        return output.ToArray();
    }

    /// <summary>The function's name from the "name" section, or null.</summary>
    public string? FunctionName(uint index) => _functionNames.TryGetValue(index, out string? name) ? name : null;

    /// <summary>The first name the function is exported under, or null.</summary>
    public string? ExportNameOfFunction(uint index) => _exportNames.TryGetValue(index, out string? name) ? name : null;

    /// <summary>Reads the sections the façade needs from a module binary.</summary>
    public static ModuleBinary Read(ReadOnlySpan<byte> bytes)
    {
        var result = new ModuleBinary();
        var reader = new WasmBinaryReader(bytes);
        if (!reader.Skip(8))
        {
            return result;
        }

        while (!reader.AtEnd)
        {
            if (!reader.TryByte(out byte id) || !reader.TryU32(out uint size) || !reader.TrySlice(size, out ReadOnlySpan<byte> content))
            {
                break;
            }

            switch (id)
            {
                case ImportSection:
                    result.ReadImports(content);
                    break;
                case ElementSection:
                    result._elements = content.ToArray();
                    break;
                case StartSection:
                    result.HasStartSection = true;
                    result.StartFunction = new WasmBinaryReader(content).TryU32(out uint start) ? start : null;
                    break;
                case ExportSection:
                    result.ReadExports(content);
                    break;
                case CustomSection:
                    result.ReadCustom(content);
                    break;
            }
        }

        return result;
    }

    private void ReadImports(ReadOnlySpan<byte> content)
    {
        var reader = new WasmBinaryReader(content);
        if (!reader.TryU32(out uint count))
        {
            _importsUnreadable = true;
            return;
        }

        for (uint i = 0; i < count; i++)
        {
            if (!reader.TryName(out _) || !reader.TryName(out _) || !reader.TryByte(out byte kind))
            {
                _importsUnreadable = true;
                return;
            }

            bool ok = kind switch
            {
                0 => reader.TryU32(out _),
                1 => reader.TryByte(out _) && reader.TryLimits(),
                2 => reader.TryLimits(),
                3 => reader.TryByte(out _) && reader.TryByte(out _),
                _ => false,
            };
            if (!ok)
            {
                _importsUnreadable = true;
                return;
            }

            if (kind == 0)
            {
                ImportedFunctions++;
            }
            else if (kind is 1 or 2)
            {
                ImportedTablesAndMemories++;
            }
        }
    }

    /// <summary>Whether the element section names a function index below <paramref name="limit"/> (or cannot be read).</summary>
    private static bool ElementsNameFunctionBelow(ReadOnlySpan<byte> content, uint limit)
    {
        var reader = new WasmBinaryReader(content);
        if (!reader.TryU32(out uint count))
        {
            return true;
        }

        for (uint i = 0; i < count; i++)
        {
            if (!reader.TryU32(out uint flags) || flags > 7)
            {
                return true;
            }

            bool hasTable = flags is 2 or 6;
            bool hasOffset = (flags & 1) == 0;
            bool expressions = (flags & 4) != 0;
            if ((hasTable && !reader.TryU32(out _)) || (hasOffset && !reader.TrySkipConstant(limit, out _)))
            {
                return true;
            }

            if ((flags & 3) != 0 && !reader.TryByte(out _))
            {
                return true; // element kind (0x00) or reference type
            }

            if (!reader.TryU32(out uint items))
            {
                return true;
            }

            for (uint j = 0; j < items; j++)
            {
                if (expressions)
                {
                    if (!reader.TrySkipConstant(limit, out bool namesImport) || namesImport)
                    {
                        return true;
                    }
                }
                else if (!reader.TryU32(out uint function) || function < limit)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void ReadExports(ReadOnlySpan<byte> content)
    {
        var reader = new WasmBinaryReader(content);
        if (!reader.TryU32(out uint count))
        {
            return;
        }

        for (uint i = 0; i < count; i++)
        {
            if (!reader.TryName(out string? name) || !reader.TryByte(out byte kind) || !reader.TryU32(out uint index))
            {
                return;
            }

            if (kind == ExportKindFunction)
            {
                _exportNames.TryAdd(index, name);
            }
        }
    }

    private void ReadCustom(ReadOnlySpan<byte> content)
    {
        var reader = new WasmBinaryReader(content);
        if (!reader.TryName(out string? sectionName) || sectionName != "name")
        {
            return;
        }

        while (!reader.AtEnd)
        {
            if (!reader.TryByte(out byte subsection) || !reader.TryU32(out uint size) || !reader.TrySlice(size, out ReadOnlySpan<byte> body))
            {
                return;
            }

            if (subsection != 1)
            {
                continue;
            }

            var names = new WasmBinaryReader(body);
            if (!names.TryU32(out uint count))
            {
                return;
            }

            for (uint i = 0; i < count; i++)
            {
                if (!names.TryU32(out uint index) || !names.TryName(out string? name))
                {
                    return;
                }

                _functionNames[index] = name;
            }
        }
    }
}
