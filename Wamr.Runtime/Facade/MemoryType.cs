using System;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>A linear memory's type (<c>wasm_memorytype_t</c>): its size limits in 64 KiB pages.</summary>
public sealed class MemoryType : ExternType
{
    /// <summary>A memory type.</summary>
    public MemoryType(Limits limits) => Limits = limits;

    /// <inheritdoc/>
    public override ExternKind Kind => ExternKind.Memory;

    /// <summary>The size limits, in pages of 64 KiB.</summary>
    public Limits Limits { get; }

    /// <inheritdoc/>
    public override bool Equals(ExternType? other) => other is MemoryType m && m.Limits == Limits;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ExternKind.Memory, Limits);

    /// <summary>As in the text format: <c>(memory 1 3)</c>.</summary>
    public override string ToString() => $"(memory {Limits})";

    internal static unsafe MemoryType FromNative(wasm_memorytype_t* type)
    {
        if (type == null)
        {
            throw new WasmException("WAMR returned no memory type.");
        }

        return new MemoryType(Limits.FromNative(wasm_memorytype_limits(type)));
    }
}
