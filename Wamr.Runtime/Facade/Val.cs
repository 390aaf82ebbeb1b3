using System;
using System.Globalization;

using Wamr.Interop;

namespace Wamr;

/// <summary>A WebAssembly value (<c>wasm_val_t</c>): a number of one of the four numeric kinds, or a reference.</summary>
/// <remarks>
/// Equality is by kind and bits (so a NaN equals the same NaN, and <c>0.0</c> differs from <c>-0.0</c>), by
/// reference identity for references (the façade hands out one <see cref="Func"/> object per function of an instance).
/// C# numbers convert implicitly: <c>Val v = 42;</c> is an <c>i32</c>.
/// </remarks>
public readonly struct Val : IEquatable<Val>
{
    private readonly long _bits;
    private readonly object? _reference;

    private Val(ValKind kind, long bits, object? reference)
    {
        Kind = kind;
        _bits = bits;
        _reference = reference;
    }

    /// <summary>The kind of value.</summary>
    public ValKind Kind { get; }

    /// <summary>Whether this is a reference (<c>funcref</c> or <c>externref</c>).</summary>
    public bool IsReference => Kind is ValKind.FuncRef or ValKind.ExternRef;

    /// <summary>Whether this is a null reference.</summary>
    public bool IsNull => IsReference && _reference is null;

    /// <summary>An <c>i32</c>.</summary>
    public static Val I32(int value) => new(ValKind.I32, value, null);

    /// <summary>An <c>i64</c>.</summary>
    public static Val I64(long value) => new(ValKind.I64, value, null);

    /// <summary>An <c>f32</c>.</summary>
    public static Val F32(float value) => new(ValKind.F32, BitConverter.SingleToInt32Bits(value), null);

    /// <summary>An <c>f64</c>.</summary>
    public static Val F64(double value) => new(ValKind.F64, BitConverter.DoubleToInt64Bits(value), null);

    /// <summary>A <c>funcref</c>: a function, or null.</summary>
    public static Val FuncRef(Func? function) => new(ValKind.FuncRef, 0, function);

    /// <summary>An <c>externref</c>: any .NET object, or null.</summary>
    public static Val ExternRef(object? value) => new(ValKind.ExternRef, 0, value);

    /// <summary>The zero (or null) value of <paramref name="kind"/>, as WebAssembly initialises locals.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static Val Default(ValKind kind) => new(ValType.Of(kind).Kind, 0, null);

    /// <summary>The <c>i32</c> value.</summary>
    /// <exception cref="InvalidOperationException">The value is not an <c>i32</c>.</exception>
    public int AsI32() => Kind == ValKind.I32 ? (int)_bits : throw WrongKind(ValKind.I32);

    /// <summary>The <c>i64</c> value.</summary>
    /// <exception cref="InvalidOperationException">The value is not an <c>i64</c>.</exception>
    public long AsI64() => Kind == ValKind.I64 ? _bits : throw WrongKind(ValKind.I64);

    /// <summary>The <c>f32</c> value.</summary>
    /// <exception cref="InvalidOperationException">The value is not an <c>f32</c>.</exception>
    public float AsF32() => Kind == ValKind.F32 ? BitConverter.Int32BitsToSingle((int)_bits) : throw WrongKind(ValKind.F32);

    /// <summary>The <c>f64</c> value.</summary>
    /// <exception cref="InvalidOperationException">The value is not an <c>f64</c>.</exception>
    public double AsF64() => Kind == ValKind.F64 ? BitConverter.Int64BitsToDouble(_bits) : throw WrongKind(ValKind.F64);

    /// <summary>The function of a <c>funcref</c> (null for a null reference).</summary>
    /// <exception cref="InvalidOperationException">The value is not a <c>funcref</c>.</exception>
    public Func? AsFunc() => Kind == ValKind.FuncRef ? (Func?)_reference : throw WrongKind(ValKind.FuncRef);

    /// <summary>The object of an <c>externref</c> (null for a null reference).</summary>
    /// <exception cref="InvalidOperationException">The value is not an <c>externref</c>.</exception>
    public object? AsExternRef() => Kind == ValKind.ExternRef ? _reference : throw WrongKind(ValKind.ExternRef);

    /// <summary>An <c>i32</c>.</summary>
    public static implicit operator Val(int value) => I32(value);

    /// <summary>An <c>i64</c>.</summary>
    public static implicit operator Val(long value) => I64(value);

    /// <summary>An <c>f32</c>.</summary>
    public static implicit operator Val(float value) => F32(value);

    /// <summary>An <c>f64</c>.</summary>
    public static implicit operator Val(double value) => F64(value);

    /// <inheritdoc/>
    public bool Equals(Val other) =>
        Kind == other.Kind && _bits == other._bits && ReferenceEquals(_reference, other._reference);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Val other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => IsReference
        ? HashCode.Combine(Kind, _reference is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_reference))
        : HashCode.Combine(Kind, _bits);

    /// <summary>As a text-format constant: <c>(i32.const 42)</c>, <c>(f64.const 1.5)</c>, <c>(ref.null func)</c>, <c>(ref.func …)</c>.</summary>
    public override string ToString() => Kind switch
    {
        ValKind.I32 => "(i32.const " + ((int)_bits).ToString(CultureInfo.InvariantCulture) + ")",
        ValKind.I64 => "(i64.const " + _bits.ToString(CultureInfo.InvariantCulture) + ")",
        ValKind.F32 => "(f32.const " + Float(BitConverter.Int32BitsToSingle((int)_bits)) + ")",
        ValKind.F64 => "(f64.const " + Float(BitConverter.Int64BitsToDouble(_bits)) + ")",
        ValKind.FuncRef => _reference is null ? "(ref.null func)" : "(ref.func " + _reference + ")",
        ValKind.ExternRef => _reference is null ? "(ref.null extern)" : "(ref.extern " + _reference + ")",
        _ => "(unknown kind " + ((byte)Kind).ToString(CultureInfo.InvariantCulture) + ")",
    };

    /// <summary>Whether two values are equal.</summary>
    public static bool operator ==(Val left, Val right) => left.Equals(right);

    /// <summary>Whether two values differ.</summary>
    public static bool operator !=(Val left, Val right) => !left.Equals(right);

    private static string Float(double value) =>
        double.IsNaN(value) ? "nan" : double.IsPositiveInfinity(value) ? "inf" : double.IsNegativeInfinity(value) ? "-inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private InvalidOperationException WrongKind(ValKind wanted) =>
        new($"the value {this} is {ValType.Name(Kind)}, not {ValType.Name(wanted)}");

    /// <summary>A numeric value as WAMR's struct. References never cross <c>wasm_func_call</c>: callers refuse them first.</summary>
    internal wasm_val_t ToNative()
    {
        wasm_val_t native = default;
        native.kind = (wasm_valkind_t)Kind;
        switch (Kind)
        {
            case ValKind.I32:
                native.of.i32 = (int)_bits;
                break;
            case ValKind.F32:
                native.of.i32 = (int)_bits;
                break;
            case ValKind.I64:
            case ValKind.F64:
                native.of.i64 = _bits;
                break;
            default:
                throw new NotSupportedException($"a {ValType.Name(Kind)} value cannot be passed to WAMR here");
        }

        return native;
    }

    /// <summary>A numeric value from WAMR's struct.</summary>
    internal static unsafe Val FromNative(wasm_val_t* native) => (ValKind)native->kind switch
    {
        ValKind.I32 => I32(native->of.i32),
        ValKind.I64 => I64(native->of.i64),
        ValKind.F32 => new Val(ValKind.F32, native->of.i32, null),
        ValKind.F64 => new Val(ValKind.F64, native->of.i64, null),
        _ => throw new NotSupportedException($"WAMR returned a value of kind {ValType.Name((ValKind)native->kind)}, which cannot be read here"),
    };
}
