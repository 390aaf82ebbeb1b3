using System;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>One export of a module (<c>wasm_exporttype_t</c>): name and type.</summary>
public sealed class ExportType : IEquatable<ExportType>
{
    /// <summary>An export description.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ExportType(string name, ExternType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
    }

    /// <summary>The export's name.</summary>
    public string Name { get; }

    /// <summary>The export's type.</summary>
    public ExternType Type { get; }

    /// <inheritdoc/>
    public bool Equals(ExportType? other) => other is not null && other.Name == Name && other.Type == Type;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ExportType);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Type);

    /// <summary>As in the text format: <c>(export "add" (func (param i32 i32) (result i32)))</c>.</summary>
    public override string ToString() => $"(export {NativeText.Quote(Name)} {Type})";

    internal static unsafe ExportType FromNative(wasm_exporttype_t* export) =>
        new(NativeText.Read(wasm_exporttype_name(export)), ExternType.FromNative(wasm_exporttype_type(export)));
}
