using System;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>
/// An instance's table (<c>wasm_table_t</c>) of <c>funcref</c> or <c>externref</c> elements.
/// </summary>
/// <remarks>
/// <para>A <c>funcref</c> table holds functions of its own instance: <see cref="Set"/> accepts a <see cref="Func"/>
/// exported by (or read from a table of) the same instance, or null. WAMR stores a function as an index into its
/// instance, so a function of another instance or a host function would silently become a different function.</para>
/// <para>An <c>externref</c> table holds .NET objects (through <see cref="Foreign"/>s). WAMR 1.1.2 does not store a null
/// externref as <c>ref.null</c>, so setting null is refused.</para>
/// <para>Tables come from instance exports only (WAMR 1.1.2 refuses table imports) and cannot be grown from the host.</para>
/// </remarks>
public sealed unsafe class Table : Extern
{
    private readonly wasm_table_t* _native;
    private readonly TableType _type;

    internal Table(Store store, Instance instance, wasm_table_t* native, string name)
        : base(store, instance, name)
    {
        _native = native;
        wasm_tabletype_t* type = wasm_table_type(native);
        try
        {
            _type = TableType.FromNative(type);
        }
        finally
        {
            wasm_tabletype_delete(type);
        }
    }

    /// <inheritdoc/>
    public override ExternKind Kind => ExternKind.Table;

    /// <summary>The table's type. WAMR 1.1.2 reports a table declared without a maximum with its internal cap of 1024 elements.</summary>
    public new TableType Type => _type;

    /// <summary>The element kind: <see cref="ValKind.FuncRef"/> or <see cref="ValKind.ExternRef"/>.</summary>
    public ValKind ElementKind => _type.Element.Kind;

    /// <summary>The current number of elements (<c>wasm_table_size</c>).</summary>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public uint Size
    {
        get
        {
            Enter();
            try
            {
                return wasm_table_size(_native);
            }
            finally
            {
                Exit();
            }
        }
    }

    private protected override ExternType ExternTypeCore => _type;

    internal override wasm_extern_t* NativeExtern => wasm_table_as_extern(_native);

    /// <summary>The element at <paramref name="index"/>: a <c>funcref</c> (a <see cref="Func"/> or null) or an
    /// <c>externref</c> (the object, or null).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Size"/>.</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public Val Get(uint index)
    {
        Enter();
        try
        {
            CheckIndex(index);
            wasm_ref_t* reference = wasm_table_get(_native, index);
            if (_type.Element.Kind == ValKind.ExternRef)
            {
                // WAMR returns the stored reference itself (not a copy): do not delete it.
                if (reference == null)
                {
                    return Val.ExternRef(null);
                }

                Foreign foreign = Store.FindForeign(reference)
                    ?? throw new WasmException("The table holds an externref the façade did not create (set outside Wamr's classes).");
                return Val.ExternRef(foreign.Value);
            }

            if (reference == null)
            {
                return Val.FuncRef(null);
            }

            wasm_func_t* function = wasm_ref_as_func(reference);
            wasm_ref_delete(reference);
            if (function == null)
            {
                throw new WasmException("wasm_ref_as_func returned NULL for a funcref table element.");
            }

            return Val.FuncRef(Instance!.FunctionFromTable(function));
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Sets the element at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Size"/>.</exception>
    /// <exception cref="ArgumentException">The value is not of the element kind, or is a function of another instance.</exception>
    /// <exception cref="NotSupportedException">A host function, or a null externref (see the remarks).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public void Set(uint index, Val value)
    {
        if (value.Kind != _type.Element.Kind)
        {
            throw new ArgumentException($"The table {this} holds {_type.Element}, not {value}.", nameof(value));
        }

        Enter();
        try
        {
            CheckIndex(index);
            bool stored;
            if (value.Kind == ValKind.ExternRef)
            {
                object target = value.AsExternRef()
                    ?? throw new NotSupportedException("WAMR 1.1.2 stores a null externref as a non-null reference; it cannot be set from the host.");
                stored = wasm_table_set(_native, index, Store.ForeignFor(target).Reference);
            }
            else if (value.AsFunc() is not { } function)
            {
                stored = wasm_table_set(_native, index, null);
            }
            else
            {
                if (function.IsHostFunction)
                {
                    throw new NotSupportedException(
                        "WAMR 1.1.2 stores a funcref as an index into the table's instance: a host function cannot be stored from the host.");
                }

                if (function.Instance != Instance)
                {
                    throw new ArgumentException(
                        "The function belongs to another instance; WAMR 1.1.2 stores a funcref as an index into the table's own instance.", nameof(value));
                }

                wasm_ref_t* reference = wasm_func_as_ref(function.Native);
                stored = wasm_table_set(_native, index, reference);
                if (!stored)
                {
                    wasm_ref_delete(reference);
                }
            }

            if (!stored)
            {
                throw new WasmException($"WAMR refused to store {value} at index {index} of {this}.");
            }
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Grows the table (<c>wasm_table_grow</c>).</summary>
    /// <exception cref="NotSupportedException">WAMR refused: WAMR 1.1.2 never grows a table from the host (only the
    /// <c>table.grow</c> instruction does).</exception>
    public void Grow(uint delta)
    {
        Enter();
        try
        {
            if (!wasm_table_grow(_native, delta, null))
            {
                throw new NotSupportedException(
                    $"WAMR refused to grow the table by {delta}: WAMR 1.1.2 cannot grow a table from the host (wasm_table_grow always returns false); use table.grow in WebAssembly.");
            }
        }
        finally
        {
            Exit();
        }
    }

    private void CheckIndex(uint index)
    {
        uint size = wasm_table_size(_native);
        if (index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the table has {size} element(s)");
        }
    }
}
