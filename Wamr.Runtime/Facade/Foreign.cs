using System;

using Wamr.Interop;

namespace Wamr;

/// <summary>
/// A host object that WebAssembly holds as an <c>externref</c> (<c>wasm_foreign_t</c>). Storing an object in an
/// <c>externref</c> table gives it a foreign, one per object and store, kept (with the object) until the store is
/// disposed.
/// </summary>
public sealed unsafe class Foreign
{
    internal Foreign(Store store, object value, wasm_ref_t* reference)
    {
        Store = store;
        Value = value;
        Reference = reference;
    }

    /// <summary>The store the foreign belongs to.</summary>
    public Store Store { get; }

    /// <summary>The host object.</summary>
    public object Value { get; }

    /// <summary>WAMR's reference to the foreign (<c>wasm_foreign_as_ref</c>), owned by the store.</summary>
    internal wasm_ref_t* Reference { get; }

    /// <summary>The foreign for <paramref name="value"/> in <paramref name="store"/> (created on first use).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public static Foreign For(Store store, object value)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(value);
        store.Core.Enter(store);
        try
        {
            return store.ForeignFor(value);
        }
        finally
        {
            store.Core.Exit();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"Foreign({Value})";
}
