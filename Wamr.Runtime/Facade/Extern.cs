using System;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>
/// Something an instance imports or exports (<c>wasm_extern_t</c>): a <see cref="Func"/>, <see cref="Global"/>,
/// <see cref="Table"/> or <see cref="Memory"/>. Externs belong to a store and die with it; exports also become unusable
/// when their instance is disposed.
/// </summary>
public abstract unsafe class Extern
{
    private protected Extern(Store store, Instance? instance, string? name)
    {
        Store = store;
        Instance = instance;
        Name = name;
    }

    /// <summary>The store the extern belongs to.</summary>
    public Store Store { get; }

    /// <summary>The instance that exports it, or null for one the host created.</summary>
    public Instance? Instance { get; }

    /// <summary>The export name it was obtained under, or null.</summary>
    public string? Name { get; }

    /// <summary>Which kind of extern this is.</summary>
    public abstract ExternKind Kind { get; }

    /// <summary>Its type.</summary>
    public ExternType Type => ExternTypeCore;

    /// <summary>Whether it can no longer be used (its store or instance is disposed).</summary>
    public bool IsDisposed => Store.IsDisposed || (Instance?.IsDisposed ?? false);

    private protected abstract ExternType ExternTypeCore { get; }

    /// <summary>The native extern, for import vectors; call inside the store.</summary>
    internal abstract wasm_extern_t* NativeExtern { get; }

    /// <summary>Claims the store for the calling thread (see <see cref="Store"/>'s thread model) and checks disposal.</summary>
    internal void Enter()
    {
        Store.Core.Enter(this);
        if (Instance is { IsDisposed: true })
        {
            Store.Core.Exit();
            throw new ObjectDisposedException(GetType().FullName, "The instance this object was exported from has been disposed.");
        }
    }

    /// <summary>Gives the store back.</summary>
    internal void Exit() => Store.Core.Exit();

    /// <summary>Wraps an export of <paramref name="instance"/>, checking its kind before any cast (WAMR's casts are unchecked).</summary>
    internal static Extern FromExport(Store store, Instance instance, wasm_extern_t* native, string name)
    {
        wasm_externkind_t kind = wasm_extern_kind(native);
        return kind switch
        {
            WASM_EXTERN_FUNC => Func.FromExport(store, instance, wasm_extern_as_func(native), name),
            WASM_EXTERN_GLOBAL => new Global(store, instance, wasm_extern_as_global(native), name),
            WASM_EXTERN_TABLE => new Table(store, instance, wasm_extern_as_table(native), name),
            WASM_EXTERN_MEMORY => new Memory(store, instance, wasm_extern_as_memory(native), name),
            _ => throw new WasmException($"WAMR returned an export of unknown kind {(byte)kind}."),
        };
    }

    /// <summary>Describes the extern: its kind, name and type.</summary>
    public override string ToString() => Name is null ? ExternTypeCore.ToString()! : $"{NativeText.Quote(Name)} {ExternTypeCore}";
}
