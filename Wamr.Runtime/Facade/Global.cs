using System;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>
/// A global (<c>wasm_global_t</c>): exported by an instance, or created by the host to be imported.
/// </summary>
/// <remarks>
/// <para>Get and set check the value kind and the mutability. Reference-typed globals (<c>funcref</c>,
/// <c>externref</c>) cannot be read or written through WAMR 1.1.2's C API from .NET.</para>
/// <para>WAMR copies an imported global's value into the instance. A host global therefore reads and writes its own
/// value until it is imported; from then on it reads and writes the copy inside the instance it was most recently
/// imported into (WAMR re-points it at each instantiation). Each instantiation imports the global's current value.</para>
/// </remarks>
public sealed unsafe class Global : Extern
{
    private readonly GlobalType _type;
    private wasm_global_t* _native;
    private Val _hostValue;
    private bool _linked;

    internal Global(Store store, Instance instance, wasm_global_t* native, string name)
        : base(store, instance, name)
    {
        _native = native;
        wasm_globaltype_t* type = wasm_global_type(native);
        try
        {
            _type = GlobalType.FromNative(type);
        }
        finally
        {
            wasm_globaltype_delete(type);
        }
    }

    private Global(Store store, GlobalType type, Val value, wasm_global_t* native)
        : base(store, null, null)
    {
        _type = type;
        _hostValue = value;
        _native = native;
        IsHostGlobal = true;
    }

    /// <inheritdoc/>
    public override ExternKind Kind => ExternKind.Global;

    /// <summary>The global's type.</summary>
    public new GlobalType Type => _type;

    /// <summary>Whether the global can be set.</summary>
    public Mutability Mutability => _type.Mutability;

    /// <summary>Whether the host created the global (rather than an instance exporting it).</summary>
    public bool IsHostGlobal { get; }

    /// <summary>The global's value (see <see cref="GetValue"/> and <see cref="SetValue"/>).</summary>
    public Val Value
    {
        get => GetValue();
        set => SetValue(value);
    }

    private protected override ExternType ExternTypeCore => _type;

    internal override wasm_extern_t* NativeExtern => wasm_global_as_extern(_native);

    /// <summary>A host global with an initial value, to be imported by instances.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not of the type's kind.</exception>
    /// <exception cref="NotSupportedException">The type is a reference type.</exception>
    public static Global Create(Store store, GlobalType type, Val value)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(type);
        ThrowIfReference(type);
        CheckKind(type, value, nameof(value));
        store.Core.Enter(store);
        try
        {
            return new Global(store, type, value, NewNative(store.Core, type, value));
        }
        finally
        {
            store.Core.Exit();
        }
    }

    /// <summary>The global's value.</summary>
    /// <exception cref="NotSupportedException">The global holds a reference.</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public Val GetValue()
    {
        ThrowIfReference(_type);
        Enter();
        try
        {
            if (IsHostGlobal && !_linked)
            {
                return _hostValue;
            }

            wasm_val_t value = default;
            value.kind = (wasm_valkind_t)_type.Content.Kind;
            wasm_global_get(_native, &value);
            return Val.FromNative(&value);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>The global's value as <typeparamref name="T"/> (int, long, float or double).</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> does not match the global's kind.</exception>
    public T GetValue<T>()
    {
        CheckTypedKind<T>();
        return ValueConversion.FromVal<T>(GetValue());
    }

    /// <summary>Sets the global's value.</summary>
    /// <exception cref="InvalidOperationException">The global is immutable (<c>const</c>).</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not of the global's kind.</exception>
    /// <exception cref="NotSupportedException">The global holds a reference.</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public void SetValue(Val value)
    {
        ThrowIfReference(_type);
        if (_type.Mutability != Mutability.Var)
        {
            throw new InvalidOperationException($"The global {this} is immutable.");
        }

        CheckKind(_type, value, nameof(value));
        Enter();
        try
        {
            if (IsHostGlobal && !_linked)
            {
                // Not imported yet: WAMR's set would be ignored; replace the native global, whose value is what an
                // instantiation copies. Nothing references the old one.
                wasm_global_t* replacement = NewNative(Store.Core, _type, value);
                Store.Core.DeleteOwned(OwnedKind.Global, _native);
                _native = replacement;
                _hostValue = value;
                return;
            }

            wasm_val_t native = value.ToNative();
            wasm_global_set(_native, &native);
            _hostValue = value;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Sets the global's value from <typeparamref name="T"/> (int, long, float or double).</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> does not match the global's kind, or the global is immutable.</exception>
    public void SetValue<T>(T value)
    {
        CheckTypedKind<T>();
        SetValue(ValueConversion.ToVal(value));
    }

    /// <summary>Called after an instantiation imported this global: WAMR now points it at the instance's copy.</summary>
    internal void LinkedInto()
    {
        if (IsHostGlobal)
        {
            _linked = true;
        }
    }

    /// <summary>
    /// The native global to pass when a host global is imported. WAMR links an imported global by copying the value
    /// the native global was created with, so a global imported before (whose value now lives in that instance) gets a
    /// new native global holding its current value; WAMR then points it at the new instance.
    /// </summary>
    internal wasm_global_t* PrepareForImport()
    {
        if (_linked)
        {
            Val current = GetValue();
            wasm_global_t* replacement = NewNative(Store.Core, _type, current);
            Store.Core.DeleteOwned(OwnedKind.Global, _native);
            _native = replacement;
            _hostValue = current;
        }

        return _native;
    }

    /// <summary>A fresh host global holding an exported global's current value (for importing it elsewhere).</summary>
    internal static wasm_global_t* CreateNativeCopy(StoreCore core, Global exported) =>
        NewNative(core, exported._type, exported.GetValue());

    private static wasm_global_t* NewNative(StoreCore core, GlobalType type, Val value)
    {
        wasm_globaltype_t* nativeType = type.ToNative();
        wasm_val_t init = value.ToNative();
        wasm_global_t* native = wasm_global_new(core.Native, nativeType, &init);
        wasm_globaltype_delete(nativeType);
        if (native == null)
        {
            throw new WasmException("wasm_global_new returned NULL.");
        }

        core.Own(OwnedKind.Global, native);
        return native;
    }

    private static void ThrowIfReference(GlobalType type)
    {
        if (type.Content.IsReference)
        {
            throw new NotSupportedException(
                $"A {type} cannot be read or written from .NET: WAMR 1.1.2's C API converts only numeric global values.");
        }
    }

    private static void CheckKind(GlobalType type, Val value, string parameter)
    {
        if (value.Kind != type.Content.Kind)
        {
            throw new ArgumentException($"A {type} holds {type.Content}, not {value}.", parameter);
        }
    }

    private void CheckTypedKind<T>()
    {
        ValKind kind = ValueConversion.KindOf<T>();
        if (kind != _type.Content.Kind)
        {
            throw new InvalidOperationException($"The global {this} holds {_type.Content}, not {ValType.Name(kind)} ({typeof(T).Name}).");
        }
    }
}
