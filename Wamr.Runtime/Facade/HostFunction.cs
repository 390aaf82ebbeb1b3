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

    protected HostFunction(StoreCore core, FuncType type)
    {
        Core = core;
        Type = type;
    }

    internal StoreCore Core { get; }

    internal FuncType Type { get; }

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
            args[i] = arguments[i].ToNative();
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
            results[i] = Val.FromNative(&res[i]);
        }
    }

    /// <summary>Creates the native function in the store; the store owns it.</summary>
    internal static wasm_func_t* CreateNative(HostFunction host)
    {
        if (host.Type.HasReferences)
        {
            throw new NotSupportedException(
                $"A host function of type {host.Type} cannot be created: WAMR 1.1.2 crashes when a funcref or externref crosses a host function call.");
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
