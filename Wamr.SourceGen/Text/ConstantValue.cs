using System;
using System.Globalization;

namespace Wamr.SourceGen.Text;

/// <summary>An integer constant as C evaluates it in <c>#if</c> and constant expressions: 64 bits, signed or unsigned.</summary>
/// <param name="Bits">The two's-complement bits.</param>
/// <param name="IsUnsigned">Whether arithmetic and comparisons treat it as unsigned.</param>
public readonly record struct ConstantValue(long Bits, bool IsUnsigned)
{
    /// <summary>Whether the value is non-zero.</summary>
    public bool IsTrue => Bits != 0;

    /// <summary>The value as invariant decimal text.</summary>
    public override string ToString() =>
        IsUnsigned ? unchecked((ulong)Bits).ToString(CultureInfo.InvariantCulture) : Bits.ToString(CultureInfo.InvariantCulture);

    /// <summary>A signed value.</summary>
    public static ConstantValue Signed(long value) => new(value, false);

    /// <summary>An unsigned value.</summary>
    public static ConstantValue Unsigned(ulong value) => new(unchecked((long)value), true);

    /// <summary>Parses a C integer literal (<c>0x1F</c>, <c>017</c>, <c>10u</c>, <c>1ULL</c>); null when it is not one.</summary>
    public static ConstantValue? ParseInteger(string text)
    {
        string s = text;
        bool unsignedSuffix = false;
        while (s.Length > 0 && (s[s.Length - 1] is 'u' or 'U' or 'l' or 'L'))
        {
            if (s[s.Length - 1] is 'u' or 'U')
            {
                unsignedSuffix = true;
            }

            s = s.Substring(0, s.Length - 1);
        }

        if (s.Length == 0)
        {
            return null;
        }

        ulong value;
        bool isDecimal = false;
        try
        {
            if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                if (!ulong.TryParse(s.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value))
                {
                    return null;
                }
            }
            else if (s.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
            {
                value = Convert.ToUInt64(s.Substring(2), 2);
            }
            else if (s.Length > 1 && s[0] == '0')
            {
                value = Convert.ToUInt64(s.Substring(1), 8);
            }
            else
            {
                isDecimal = true;
                if (!ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value))
                {
                    return null;
                }
            }
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null; // "0b" with no digits
        }

        // A literal too big for a signed 64-bit value is unsigned (octal/hex) as in C.
        bool isUnsigned = unsignedSuffix || (!isDecimal && value > long.MaxValue) || value > long.MaxValue;
        return new ConstantValue(unchecked((long)value), isUnsigned);
    }
}
