using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>
/// The managed side of a host function. WAMR calls every host function through one <see cref="Trampoline"/>, with a
/// <see cref="GCHandle"/> to this object as its environment (<c>wasm_func_new_with_env</c>); WAMR's finalizer callback
/// frees the handle when it deletes the function (with the store). This object refers to the store's core only, not to
/// the public <see cref="Store"/>, so that a host function alone does not keep its store reachable.
/// </summary>
internal abstract unsafe class HostFunction
{
    private const int MaxTrapMessageBytes = 100;

    /// <summary>What an externref result holds for <c>ref.null</c>: WAMR's <c>results_to_argv</c> maps it to
    /// <c>NULL_REF</c>, while a NULL pointer would become a non-null externref (of a NULL host object).</summary>
    private static readonly wasm_ref_t* NullExternRefResult = (wasm_ref_t*)nuint.MaxValue;

    private readonly WeakReference<Store>? _owner;

    protected HostFunction(StoreCore core, FuncType type)
    {
        Core = core;
        Type = type;
    }

    /// <summary>A host function of <paramref name="owner"/> that carries externrefs (.NET objects) through the store's
    /// foreigns. The store is held weakly, so that the host function does not keep it reachable.</summary>
    protected HostFunction(Store owner, FuncType type)
        : this(owner.Core, type) => _owner = new WeakReference<Store>(owner);

    internal StoreCore Core { get; }

    internal FuncType Type { get; }

    /// <summary>The store whose foreigns map externrefs to .NET objects (null: a host function that carries no externref
    /// through .NET, such as a forwarding one).</summary>
    internal WeakReference<Store>? Owner => _owner;

    /// <summary>Set when WAMR released the environment (its finalizer callback ran).</summary>
    internal bool EnvironmentReleased { get; private set; }

    /// <summary>Runs the callback on WAMR's argument and result vectors (kinds already match the type); returns a trap
    /// to pass on, or null. A thrown exception becomes a trap in the trampoline.</summary>
    internal abstract wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results);

    /// <summary>Runs the callback from .NET (for <see cref="Func.Call(ReadOnlySpan{Val}, Span{Val})"/> on a host function).</summary>
    internal virtual void InvokeManaged(ReadOnlySpan<Val> arguments, Span<Val> results)
    {
        int parameterCount = Type.Parameters.Count;
        int resultCount = Type.Results.Count;
        wasm_val_t* args = stackalloc wasm_val_t[Math.Max(parameterCount, 1)];
        wasm_val_t* res = stackalloc wasm_val_t[Math.Max(resultCount, 1)];
        for (int i = 0; i < parameterCount; i++)
        {
            args[i] = ToNativeArgument(arguments[i]);
        }

        wasm_val_vec_t argVector = Vector(args, parameterCount);
        wasm_val_vec_t resultVector = Vector(res, resultCount);
        wasm_trap_t* trap = Invoke(&argVector, &resultVector);
        if (trap != null)
        {
            Trap details = Trap.FromNative(trap, null);
            wasm_trap_delete(trap);
            throw new TrapException(details, null);
        }

        for (int i = 0; i < resultCount; i++)
        {
            results[i] = FromNative(&res[i]);
        }
    }

    /// <summary>Creates the native function in the store; the store owns it.</summary>
    internal static wasm_func_t* CreateNative(HostFunction host)
    {
        if (HasKind(host.Type, ValKind.FuncRef))
        {
            throw new NotSupportedException(
                $"A host function of type {host.Type} cannot be created: WAMR 1.1.2 cannot pass a funcref to or from a host function. " +
                "wasm_runtime_invoke_c_api_native converts parameters with argv_to_params and results with results_to_argv, which " +
                "have no funcref case: every call would trap (\"unsupported param type\", \"unsupported result type\").");
        }

        if (HasKind(host.Type, ValKind.ExternRef) && host.Owner is null)
        {
            throw new NotSupportedException(
                $"A host function of type {host.Type} cannot be created: it forwards its values with wasm_func_call, and WAMR 1.1.2 " +
                "crashes when an externref crosses wasm_func_call.");
        }

        if (host.Type.Results.Count > 1)
        {
            throw new NotSupportedException(
                $"A host function of type {host.Type} cannot be created: WAMR 1.1.2 returns wrong values for a host function with more than one result (WAMR issue 3679).");
        }

        wasm_functype_t* type = host.Type.ToNative();
        GCHandle handle = GCHandle.Alloc(host);
        wasm_func_t* native = wasm_func_new_with_env(host.Core.Native, type, &Trampoline, (void*)GCHandle.ToIntPtr(handle), &ReleaseEnvironment);
        wasm_functype_delete(type);
        if (native == null)
        {
            // WAMR runs the finalizer on some failure paths and not on others.
            if (!host.EnvironmentReleased)
            {
                handle.Free();
            }

            throw new WasmException("wasm_func_new_with_env returned NULL.");
        }

        host.Core.Own(OwnedKind.Func, native);
        return native;
    }

    /// <summary>A trap saying the call was interrupted (the .NET caller reports the details).</summary>
    internal wasm_trap_t* InterruptedTrap()
    {
        ReadOnlySpan<byte> text = "interrupted"u8;
        fixed (byte* data = text)
        {
            wasm_byte_vec_t message;
            wasm_byte_vec_new(&message, (nuint)text.Length, data);
            wasm_trap_t* trap = wasm_trap_new(Core.Native, &message);
            wasm_byte_vec_delete(&message);
            return trap;
        }
    }

    /// <summary>A value WAMR passed (an argument) or a callback returned (a result): an externref is the .NET object
    /// behind the store's foreign (null for <c>ref.null</c>, which arrives as NULL).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Val FromNative(wasm_val_t* native) =>
        native->kind == wasm_valkind_t.WASM_ANYREF ? Val.ExternRef(ExternRefObject(native->of.@ref)) : Val.FromNative(native);

    /// <summary>A result for WAMR: an externref is the store's foreign for the object (the mapping the fast path and
    /// tables use), <c>ref.null</c> the value <c>results_to_argv</c> maps to <c>NULL_REF</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal wasm_val_t ToNativeResult(Val value)
    {
        if (value.Kind != ValKind.ExternRef)
        {
            return value.ToNative();
        }

        wasm_val_t native = default;
        native.kind = wasm_valkind_t.WASM_ANYREF;
        native.of.@ref = ExternRefPointer(value.AsExternRef(), NullExternRefResult);
        return native;
    }

    /// <summary>An argument as WAMR would pass it (<c>ref.null</c> as NULL), for calls from .NET.</summary>
    internal wasm_val_t ToNativeArgument(Val value)
    {
        if (value.Kind != ValKind.ExternRef)
        {
            return value.ToNative();
        }

        wasm_val_t native = default;
        native.kind = wasm_valkind_t.WASM_ANYREF;
        native.of.@ref = ExternRefPointer(value.AsExternRef(), null);
        return native;
    }

    /// <summary>The kind a typed host function's <typeparamref name="T"/> maps to: the typed paths' numbers, and
    /// <see cref="object"/> for externref.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is none of int, long, float, double, object.</exception>
    internal static ValKind KindOf<T>()
    {
        if (typeof(T) == typeof(object))
        {
            return ValKind.ExternRef;
        }

        return ValueConversion.IsSupported<T>() ? ValueConversion.KindOf<T>() : throw new NotSupportedException(
            $"{typeof(T)} has no WebAssembly value type: typed host functions use int (i32), long (i64), float (f32), double (f64) and object (externref)");
    }

    /// <summary>A typed host function's argument (numbers as <see cref="ValueConversion"/> reads them, object as the
    /// externref's .NET object).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected T Read<T>(wasm_val_t* source)
    {
        if (typeof(T) == typeof(object))
        {
            object? value = ExternRefObject(source->of.@ref);
            return Unsafe.As<object?, T>(ref value);
        }

        return ValueConversion.Read<T>(source);
    }

    /// <summary>A typed host function's result (object as the store's foreign for it, null as <c>ref.null</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void Write<T>(wasm_val_t* destination, T value)
    {
        if (typeof(T) == typeof(object))
        {
            destination->kind = wasm_valkind_t.WASM_ANYREF;
            destination->of.@ref = ExternRefPointer(Unsafe.As<T, object?>(ref value), NullExternRefResult);
            return;
        }

        ValueConversion.Write(destination, value);
    }

    /// <summary>The .NET object behind an externref pointer WAMR passed (NULL or the null result: null).</summary>
    internal object? ExternRefObject(wasm_ref_t* reference)
    {
        if (reference == null || reference == NullExternRefResult)
        {
            return null;
        }

        Foreign foreign = OwnerStore().FindForeign(reference)
            ?? throw new WasmException("A host function received an externref the façade did not create (set outside Wamr's classes).");
        return foreign.Value;
    }

    /// <summary>The pointer WAMR maps to an externref for <paramref name="value"/>: the store's foreign for it.</summary>
    internal wasm_ref_t* ExternRefPointer(object? value, wasm_ref_t* nullPointer) =>
        value is null ? nullPointer : OwnerStore().ForeignFor(value).Reference;

    private Store OwnerStore()
    {
        if (_owner is not null && _owner.TryGetTarget(out Store? store))
        {
            return store;
        }

        throw new ObjectDisposedException(nameof(Store), "The host function's store is no longer reachable.");
    }

    private static bool HasKind(FuncType type, ValKind kind)
    {
        foreach (ValType parameter in type.Parameters)
        {
            if (parameter.Kind == kind)
            {
                return true;
            }
        }

        foreach (ValType result in type.Results)
        {
            if (result.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    internal static wasm_val_vec_t Vector(wasm_val_t* data, int count) => new()
    {
        size = (nuint)count,
        data = count == 0 ? null : data,
        num_elems = (nuint)count,
        size_of_elem = (nuint)sizeof(wasm_val_t),
    };

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static wasm_trap_t* Trampoline(void* environment, wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        HostFunction? host = null;
        bool entered = false;
        try
        {
            // Only CreateNative makes these handles, always to a HostFunction: no cast check needed.
            host = Unsafe.As<HostFunction>(GCHandle.FromIntPtr((nint)environment).Target!);
            host.Core.Enter(host);
            entered = true;
            if (host.Core.IsInterrupted)
            {
                // The call is being interrupted: do not start .NET work for it.
                return host.InterruptedTrap();
            }

            return host.Invoke(arguments, results);
        }
        catch (Exception exception)
        {
            return ToTrap(host, exception, entered);
        }
        finally
        {
            if (entered)
            {
                host!.Core.Exit();
            }
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ReleaseEnvironment(void* environment)
    {
        try
        {
            GCHandle handle = GCHandle.FromIntPtr((nint)environment);
            if (handle.Target is HostFunction host)
            {
                host.EnvironmentReleased = true;
            }

            handle.Free();
        }
        catch (Exception exception)
        {
            // Nothing may unwind into WAMR; a corrupt environment pointer means memory is already unsafe.
            Environment.FailFast("Wamr: releasing a host function's environment failed.", exception);
        }
    }

    /// <summary>
    /// A trap for an exception thrown by the callback. The exception waits in the store's core for the .NET call that
    /// receives the trap (one level out), which attaches it as the <see cref="TrapException"/>'s inner exception.
    /// </summary>
    private static wasm_trap_t* ToTrap(HostFunction? host, Exception exception, bool entered)
    {
        try
        {
            wasm_store_t* store = host is null ? null : host.Core.Native;
            if (store == null)
            {
                Environment.FailFast("Wamr: a host function was called without a live store.", exception);
            }

            if (entered)
            {
                host!.Core.PendingException = exception;
                host.Core.PendingDepth = host.Core.Depth - 1;
            }

            string text = exception is TrapException trap
                ? trap.TrapMessage
                : $"host function threw {exception.GetType().Name}: {exception.Message}";
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            int length = Math.Min(bytes.Length, MaxTrapMessageBytes);
            fixed (byte* data = bytes)
            {
                wasm_byte_vec_t message;
                wasm_byte_vec_new(&message, (nuint)length, data);
                wasm_trap_t* result = wasm_trap_new(store, &message);
                wasm_byte_vec_delete(&message);
                if (result == null)
                {
                    Environment.FailFast("Wamr: wasm_trap_new returned NULL while reporting a host function's exception.", exception);
                }

                return result;
            }
        }
        catch (Exception second)
        {
            // A failure while turning an exception into a trap: returning would tell WAMR the call succeeded.
            Environment.FailFast("Wamr: turning a host function's exception into a trap failed.", new AggregateException(exception, second));
            return null;
        }
    }
}
