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
    private const byte ExportSection = 7;
    private const byte StartSection = 8;
    private const byte ExportKindFunction = 0;

    private readonly Dictionary<uint, string> _functionNames = new();
    private readonly Dictionary<uint, string> _exportNames = new();

    private ModuleBinary()
    {
    }

    /// <summary>Whether the module has a start function (assumed when <see cref="IsOpaque"/>).</summary>
    public bool HasStartSection { get; private set; }

    /// <summary>Whether the façade could not read the module's sections (a raw AOT image): nothing is known.</summary>
    public bool IsOpaque { get; private set; }

    /// <summary>What is known of a module whose WebAssembly sections cannot be read (a raw AOT image): it is assumed to
    /// have a start function, so that the start-function guard stays on.</summary>
    public static ModuleBinary Opaque() => new() { HasStartSection = true, IsOpaque = true };

    /// <summary>Whether a WebAssembly binary has a custom section named "name".</summary>
    public static bool HasNameSection(ReadOnlySpan<byte> wasm)
    {
        var reader = new Reader(wasm);
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

            if (id == CustomSection && new Reader(content).TryName(out string? name) && name == "name")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The part of a WebAssembly binary the façade reads (header, start, export and "name" sections, in order), as a
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
        var reader = new Reader(wasm);
        reader.Skip(8);
        while (!reader.AtEnd)
        {
            if (!reader.TryByte(out byte id) || !reader.TryU32(out uint size) || !reader.TrySlice(size, out ReadOnlySpan<byte> content))
            {
                break;
            }

            bool keep = id is StartSection or ExportSection
                || (id == CustomSection && new Reader(content).TryName(out string? name) && name == "name");
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
        var reader = new Reader(bytes);
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
                case StartSection:
                    result.HasStartSection = true;
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

    private void ReadExports(ReadOnlySpan<byte> content)
    {
        var reader = new Reader(content);
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
        var reader = new Reader(content);
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

            var names = new Reader(body);
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

    private ref struct Reader
    {
        private ReadOnlySpan<byte> _rest;

        public Reader(ReadOnlySpan<byte> bytes) => _rest = bytes;

        public readonly bool AtEnd => _rest.IsEmpty;

        public bool Skip(int count)
        {
            if (_rest.Length < count)
            {
                return false;
            }

            _rest = _rest[count..];
            return true;
        }

        public bool TryByte(out byte value)
        {
            if (_rest.IsEmpty)
            {
                value = 0;
                return false;
            }

            value = _rest[0];
            _rest = _rest[1..];
            return true;
        }

        public bool TryU32(out uint value)
        {
            value = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                if (!TryByte(out byte b))
                {
                    return false;
                }

                value |= (uint)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        public bool TrySlice(uint length, out ReadOnlySpan<byte> slice)
        {
            if (length > (uint)_rest.Length)
            {
                slice = default;
                return false;
            }

            slice = _rest[..(int)length];
            _rest = _rest[(int)length..];
            return true;
        }

        public bool TryName([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? name)
        {
            if (!TryU32(out uint length) || !TrySlice(length, out ReadOnlySpan<byte> bytes))
            {
                name = null;
                return false;
            }

            name = Encoding.UTF8.GetString(bytes);
            return true;
        }
    }
}
