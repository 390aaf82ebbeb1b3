using System;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>The type of an import or export (<c>wasm_externtype_t</c>): a <see cref="FuncType"/>,
/// <see cref="GlobalType"/>, <see cref="TableType"/> or <see cref="MemoryType"/>.</summary>
/// <remarks>Types are immutable .NET values read from WAMR; they own nothing native and need no disposal.</remarks>
public abstract class ExternType : IEquatable<ExternType>
{
    private protected ExternType()
    {
    }

    /// <summary>Which of the four kinds this is.</summary>
    public abstract ExternKind Kind { get; }

    /// <inheritdoc/>
    public abstract bool Equals(ExternType? other);

    /// <inheritdoc/>
    public sealed override bool Equals(object? obj) => Equals(obj as ExternType);

    /// <inheritdoc/>
    public abstract override int GetHashCode();

    /// <summary>Whether two types are equal.</summary>
    public static bool operator ==(ExternType? left, ExternType? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two types differ.</summary>
    public static bool operator !=(ExternType? left, ExternType? right) => !(left == right);

    /// <summary>Reads a native extern type (checking its kind before any cast; WAMR's casts are unchecked).</summary>
    internal static unsafe ExternType FromNative(wasm_externtype_t* type)
    {
        if (type == null)
        {
            throw new WasmException("WAMR returned no type for an import or export.");
        }

        wasm_externkind_t kind = wasm_externtype_kind(type);
        return kind switch
        {
            WASM_EXTERN_FUNC => FuncType.FromNative(wasm_externtype_as_functype(type)),
            WASM_EXTERN_GLOBAL => GlobalType.FromNative(wasm_externtype_as_globaltype(type)),
            WASM_EXTERN_TABLE => TableType.FromNative(wasm_externtype_as_tabletype(type)),
            WASM_EXTERN_MEMORY => MemoryType.FromNative(wasm_externtype_as_memorytype(type)),
            _ => throw new WasmException($"WAMR returned an extern type of unknown kind {(byte)kind}."),
        };
    }
}
