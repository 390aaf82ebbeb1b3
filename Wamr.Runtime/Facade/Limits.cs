using System;
using System.Globalization;

using Wamr.Interop;

namespace Wamr;

/// <summary>The size limits of a table (elements) or a memory (64 KiB pages): <c>wasm_limits_t</c>.</summary>
public readonly struct Limits : IEquatable<Limits>
{
    /// <summary>What WAMR stores as the maximum when there is none (<c>wasm_limits_max_default</c>).</summary>
    public const uint NoMaximum = uint.MaxValue;

    /// <summary>Limits with a minimum and an optional maximum.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximum"/> is below <paramref name="minimum"/>.</exception>
    public Limits(uint minimum, uint? maximum = null)
    {
        if (maximum is { } max && max < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, $"the maximum is below the minimum {minimum}");
        }

        Minimum = minimum;
        Maximum = maximum == NoMaximum ? null : maximum;
    }

    /// <summary>The initial size.</summary>
    public uint Minimum { get; }

    /// <summary>The largest size, or <see langword="null"/> when there is none.</summary>
    public uint? Maximum { get; }

    /// <inheritdoc/>
    public bool Equals(Limits other) => Minimum == other.Minimum && Maximum == other.Maximum;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Limits other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Minimum, Maximum);

    /// <summary>As in the text format: <c>1</c> or <c>1 10</c>.</summary>
    public override string ToString() => Maximum is { } max
        ? Minimum.ToString(CultureInfo.InvariantCulture) + " " + max.ToString(CultureInfo.InvariantCulture)
        : Minimum.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether two limits are equal.</summary>
    public static bool operator ==(Limits left, Limits right) => left.Equals(right);

    /// <summary>Whether two limits differ.</summary>
    public static bool operator !=(Limits left, Limits right) => !left.Equals(right);

    internal static unsafe Limits FromNative(wasm_limits_t* limits) =>
        new(limits->min, limits->max == NoMaximum ? null : limits->max);

    internal wasm_limits_t ToNative() => new() { min = Minimum, max = Maximum ?? NoMaximum };
}
