using System;
using System.Text;

namespace Wamr;

/// <summary>
/// A forward-only reader of a WebAssembly binary's encodings (bytes, LEB128 integers, names, limits, constant
/// expressions) over a span, for the façade's managed passes over module binaries: <see cref="ModuleScreen"/>'s limits
/// check and <see cref="ModuleBinary"/>'s section scans. Every method returns false instead of reading past the end.
/// </summary>
internal ref struct WasmBinaryReader
{
    private ReadOnlySpan<byte> _rest;

    public WasmBinaryReader(ReadOnlySpan<byte> bytes) => _rest = bytes;

    public readonly bool AtEnd => _rest.IsEmpty;

    public readonly int Remaining => _rest.Length;

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

    public bool TrySkipLeb(int maxBytes)
    {
        for (int i = 0; i < maxBytes; i++)
        {
            if (!TryByte(out byte b))
            {
                return false;
            }

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

    public bool TrySkipName() => TryU32(out uint length) && TrySlice(length, out _);

    /// <summary>Limits (flags, initial, optional maximum); returns the initial size.</summary>
    public bool TryLimits(out uint initial)
    {
        initial = 0;
        return TryByte(out byte flags) && TryU32(out initial) && ((flags & 1) == 0 || TryU32(out _));
    }

    /// <summary>Skips a constant expression WAMR 1.1.2 accepts: one constant or reference instruction, then end.</summary>
    public bool TrySkipConstantExpression()
    {
        if (!TryByte(out byte opcode))
        {
            return false;
        }

        bool operand = opcode switch
        {
            0x41 => TrySkipLeb(5),            // i32.const
            0x42 => TrySkipLeb(10),           // i64.const
            0x43 => TrySlice(4, out _),       // f32.const
            0x44 => TrySlice(8, out _),       // f64.const
            0x23 or 0xD2 => TryU32(out _),    // global.get, ref.func
            0xD0 => TryByte(out _),           // ref.null
            _ => false,
        };
        return operand && TryByte(out byte end) && end == 0x0B;
    }

    /// <summary>Limits (flags, initial, optional maximum), skipped.</summary>
    public bool TryLimits() => TryLimits(out _);

    public bool Skip(int count)
    {
        if (_rest.Length < count)
        {
            return false;
        }

        _rest = _rest[count..];
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

    /// <summary>Skips a constant expression up to its <c>end</c>; says whether it has a <c>ref.func</c> below
    /// <paramref name="limit"/>. False for an instruction a constant expression cannot hold.</summary>
    public bool TrySkipConstant(uint limit, out bool namesFunctionBelow)
    {
        namesFunctionBelow = false;
        while (TryByte(out byte opcode))
        {
            switch (opcode)
            {
                case 0x0B:
                    return true;
                case 0x41 or 0x42:
                    if (!TrySkipLeb(10))
                    {
                        return false;
                    }

                    break;
                case 0x23:
                    if (!TryU32(out _))
                    {
                        return false;
                    }

                    break;
                case 0xD0:
                    if (!TryByte(out _))
                    {
                        return false;
                    }

                    break;
                case 0xD2:
                    if (!TryU32(out uint function))
                    {
                        return false;
                    }

                    namesFunctionBelow |= function < limit;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }
}
