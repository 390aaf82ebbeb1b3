using System;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>The type of a WebAssembly value (<c>wasm_valtype_t</c>): one of the six <see cref="ValKind"/>s.</summary>
/// <remarks>Immutable; the six instances are shared (<see cref="I32"/> …), and equal types are equal objects.</remarks>
public sealed class ValType : IEquatable<ValType>
{
    /// <summary><c>i32</c>.</summary>
    public static readonly ValType I32 = new(ValKind.I32);

    /// <summary><c>i64</c>.</summary>
    public static readonly ValType I64 = new(ValKind.I64);

    /// <summary><c>f32</c>.</summary>
    public static readonly ValType F32 = new(ValKind.F32);

    /// <summary><c>f64</c>.</summary>
    public static readonly ValType F64 = new(ValKind.F64);

    /// <summary><c>externref</c>.</summary>
    public static readonly ValType ExternRef = new(ValKind.ExternRef);

    /// <summary><c>funcref</c>.</summary>
    public static readonly ValType FuncRef = new(ValKind.FuncRef);

    private ValType(ValKind kind) => Kind = kind;

    /// <summary>The kind of value.</summary>
    public ValKind Kind { get; }

    /// <summary>Whether values of this type are references (<c>funcref</c>, <c>externref</c>).</summary>
    public bool IsReference => Kind is ValKind.ExternRef or ValKind.FuncRef;

    /// <summary>The shared instance for <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined <see cref="ValKind"/>.</exception>
    public static ValType Of(ValKind kind) => kind switch
    {
        ValKind.I32 => I32,
        ValKind.I64 => I64,
        ValKind.F32 => F32,
        ValKind.F64 => F64,
        ValKind.ExternRef => ExternRef,
        ValKind.FuncRef => FuncRef,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a WebAssembly value kind"),
    };

    /// <summary>The text-format name: <c>i32</c>, <c>i64</c>, <c>f32</c>, <c>f64</c>, <c>externref</c> or <c>funcref</c>.</summary>
    public static string Name(ValKind kind) => kind switch
    {
        ValKind.I32 => "i32",
        ValKind.I64 => "i64",
        ValKind.F32 => "f32",
        ValKind.F64 => "f64",
        ValKind.ExternRef => "externref",
        ValKind.FuncRef => "funcref",
        _ => "kind" + ((byte)kind).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <inheritdoc/>
    public bool Equals(ValType? other) => other is not null && other.Kind == Kind;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ValType);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)Kind;

    /// <summary>The text-format name, e.g. <c>i32</c>.</summary>
    public override string ToString() => Name(Kind);

    /// <summary>Whether two types are equal.</summary>
    public static bool operator ==(ValType? left, ValType? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two types differ.</summary>
    public static bool operator !=(ValType? left, ValType? right) => !(left == right);

    internal static unsafe ValType FromNative(wasm_valtype_t* type) => Of((ValKind)wasm_valtype_kind(type));

    /// <summary>A new native value type; the caller owns it.</summary>
    internal unsafe wasm_valtype_t* ToNative()
    {
        wasm_valtype_t* native = wasm_valtype_new((wasm_valkind_t)Kind);
        return native != null ? native : throw new OutOfMemoryException("wasm_valtype_new returned NULL");
    }
}
