using System;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>A table's type (<c>wasm_tabletype_t</c>): its element type and size limits.</summary>
public sealed class TableType : ExternType
{
    /// <summary>A table type.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="element"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="element"/> is not a reference type.</exception>
    public TableType(ValType element, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (!element.IsReference)
        {
            throw new ArgumentException($"a table holds references (funcref or externref), not {element}", nameof(element));
        }

        Element = element;
        Limits = limits;
    }

    /// <inheritdoc/>
    public override ExternKind Kind => ExternKind.Table;

    /// <summary>The element type: <c>funcref</c> or <c>externref</c>.</summary>
    public ValType Element { get; }

    /// <summary>The size limits, in elements.</summary>
    public Limits Limits { get; }

    /// <inheritdoc/>
    public override bool Equals(ExternType? other) => other is TableType t && t.Element == Element && t.Limits == Limits;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ExternKind.Table, Element.Kind, Limits);

    /// <summary>As in the text format: <c>(table 1 10 funcref)</c>.</summary>
    public override string ToString() => $"(table {Limits} {Element})";

    internal static unsafe TableType FromNative(wasm_tabletype_t* type)
    {
        if (type == null)
        {
            throw new WasmException("WAMR returned no table type.");
        }

        return new TableType(ValType.FromNative(wasm_tabletype_element(type)), Limits.FromNative(wasm_tabletype_limits(type)));
    }
}
