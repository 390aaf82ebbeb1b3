using System;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>A global's type (<c>wasm_globaltype_t</c>): its value type and whether it is mutable.</summary>
public sealed class GlobalType : ExternType
{
    /// <summary>A global type.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    public GlobalType(ValType content, Mutability mutability)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
        Mutability = mutability;
    }

    /// <inheritdoc/>
    public override ExternKind Kind => ExternKind.Global;

    /// <summary>The type of the global's value.</summary>
    public ValType Content { get; }

    /// <summary>Whether the global can be set.</summary>
    public Mutability Mutability { get; }

    /// <inheritdoc/>
    public override bool Equals(ExternType? other) => other is GlobalType g && g.Content == Content && g.Mutability == Mutability;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ExternKind.Global, Content.Kind, Mutability);

    /// <summary>As in the text format: <c>(global i32)</c> or <c>(global (mut i32))</c>.</summary>
    public override string ToString() => Mutability == Mutability.Var ? $"(global (mut {Content}))" : $"(global {Content})";

    internal static unsafe GlobalType FromNative(wasm_globaltype_t* type)
    {
        if (type == null)
        {
            throw new WasmException("WAMR returned no global type.");
        }

        return new GlobalType(ValType.FromNative(wasm_globaltype_content(type)), (Mutability)wasm_globaltype_mutability(type));
    }

    /// <summary>A new native global type; the caller owns it.</summary>
    internal unsafe wasm_globaltype_t* ToNative()
    {
        wasm_valtype_t* content = Content.ToNative();
        wasm_globaltype_t* native = wasm_globaltype_new(content, (wasm_mutability_t)Mutability);
        if (native == null)
        {
            wasm_valtype_delete(content);
            throw new OutOfMemoryException("wasm_globaltype_new returned NULL");
        }

        return native;
    }
}
