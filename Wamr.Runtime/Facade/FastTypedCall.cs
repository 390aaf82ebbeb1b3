using System;
using System.Runtime.CompilerServices;

using Wamr.Interop;

using static Wamr.Interop.WamrExt;

namespace Wamr;

/// <summary>
/// The typed fast paths of one WebAssembly function, used when the engine extension is present: each method writes its
/// arguments into a stack array of 32-bit cells and calls the engine extension's <c>wamr_ext_call_direct</c> (the engine's
/// <c>wasm_runtime_call_wasm</c> with less work per call), with the
/// runtime function and the instance's exec env singleton resolved once (<see cref="FastCallTarget"/>), then reads the
/// result from the same cells. No allocation; the cell offsets are JIT-time constants. The store's thread, disposal and
/// (when the delegate was made) the signature are checked as on <see cref="TypedCall"/>'s path. A call that ran while an
/// interrupt was in force throws (its results are not the function's), even when WAMR reported success.
/// </summary>
/// <remarks>
/// The hot path is one method with everything inlined into it (measured: each extra non-inlined call, thread-id read or
/// finally funclet costs about 1-2 ns on a call of about 30 ns). It has no try/finally: the arguments are written before
/// the store is claimed, and between <see cref="Enter"/> and <see cref="StoreCore.Exit"/> nothing can throw. The inlined
/// P/Invoke raises no managed exception (host callbacks catch everything before it could unwind through WAMR's frames,
/// see <see cref="HostFunction"/>, and .NET fails fast rather than let an exception leave an <c>UnmanagedCallersOnly</c>
/// method), the reads cannot fail, and the one path that throws, <see cref="Failed"/>, gives the store back itself.
/// What remains over WAMR's own entry called from C (measured interleaved in one process, <c>add</c>: C 30.3 ns, this
/// path 37.7 ns): the P/Invoke's GC transition (about 4.5 ns; <c>SuppressGCTransition</c> is not an option for calls
/// that may run code that calls back or runs long), the delegate and managed frame (about 1.5 ns), the store's claim and
/// release (a thread-static read and two compare-exchanges, about 1.5 ns).
/// </remarks>
internal sealed unsafe class FastTypedCall
{
    private readonly Func _func;
    private readonly StoreCore _core;
    private readonly FastCallTarget _target;
    private readonly wasm_exec_env_t _execEnv;
    private readonly wasm_function_inst_t _function;
    private readonly Instance? _instance;

    private FastTypedCall(Func func, FastCallTarget target)
    {
        _func = func;
        _core = func.Store.Core;
        _target = target;
        _execEnv = target.ExecEnv;
        _function = target.Function;
        _instance = func.Instance;
    }

    /// <summary>The fast paths of <paramref name="func"/>, or null when the extension is missing or the runtime has no
    /// function to call directly (host functions, imports).</summary>
    internal static FastTypedCall? Create(Func func) => func.TypedTarget() is { } target ? new FastTypedCall(func, target) : null;

    /// <summary>Claims the store (see <see cref="StoreCore.Enter"/>) and checks that the instance is not disposed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Enter()
    {
        _core.Enter(_func);
        if (_instance is { IsDisposed: true })
        {
            ThrowInstanceDisposed();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowInstanceDisposed()
    {
        _core.Exit();
        throw new ObjectDisposedException(typeof(Func).FullName, "The instance this object was exported from has been disposed.");
    }

    /// <summary>The exception for a call that failed or ran while an interrupt was in force; gives the store back.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Exception Failed()
    {
        try
        {
            return _func.TakeFastTrap(_target);
        }
        finally
        {
            _core.Exit();
        }
    }

    [SkipLocalsInit]
    internal TResult Function0<TResult>()
    {
        uint* cells = stackalloc uint[2];
        Enter();
        if (!wamr_ext_call_direct(_execEnv, _function, 0u, cells) || _core.IsInterrupted)
        {
            throw Failed();
        }

        TResult result = ValueConversion.ReadCells<TResult>(cells);
        _core.Exit();
        return result;
    }

    [SkipLocalsInit]
    internal void Action0()
    {
        uint* cells = stackalloc uint[2];
        Enter();
        if (!wamr_ext_call_direct(_execEnv, _function, 0u, cells) || _core.IsInterrupted)
        {
            throw Failed();
        }

        _core.Exit();
    }

    [SkipLocalsInit]
    internal TResult Function1<T1, TResult>(T1 a1)
    {
        uint* cells = stackalloc uint[2];
        ValueConversion.WriteCells(cells, a1);
        Enter();
        if (!wamr_ext_call_direct(_execEnv, _function, ValueConversion.CellsOf<T1>(), cells) || _core.IsInterrupted)
        {
            throw Failed();
        }

        TResult result = ValueConversion.ReadCells<TResult>(cells);
        _core.Exit();
        return result;
    }

    [SkipLocalsInit]
    internal void Action1<T1>(T1 a1)
    {
        uint* cells = stackalloc uint[2];
        ValueConversion.WriteCells(cells, a1);
        Enter();
        if (!wamr_ext_call_direct(_execEnv, _function, ValueConversion.CellsOf<T1>(), cells) || _core.IsInterrupted)
        {
            throw Failed();
        }

        _core.Exit();
    }

    [SkipLocalsInit]
    internal TResult Function2<T1, T2, TResult>(T1 a1, T2 a2)
    {
        uint* cells = stackalloc uint[4];
        ValueConversion.WriteCells(cells, a1);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
        Enter();
        if (!wamr_ext_call_direct(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), cells) || _core.IsInterrupted)
        {
            throw Failed();
        }

        TResult result = ValueConversion.ReadCells<TResult>(cells);
        _core.Exit();
        return result;
    }

    [SkipLocalsInit]
    internal void Action2<T1, T2>(T1 a1, T2 a2)
    {
        uint* cells = stackalloc uint[4];
        ValueConversion.WriteCells(cells, a1);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
        Enter();
        if (!wamr_ext_call_direct(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), cells) || _core.IsInterrupted)
        {
            throw Failed();
        }

        _core.Exit();
    }

    [SkipLocalsInit]
    internal TResult Function3<T1, T2, T3, TResult>(T1 a1, T2 a2, T3 a3)
    {
        uint* cells = stackalloc uint[6];
        ValueConversion.WriteCells(cells, a1);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
        Enter();
        if (!wamr_ext_call_direct(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), cells) || _core.IsInterrupted)
        {
            throw Failed();
        }

        TResult result = ValueConversion.ReadCells<TResult>(cells);
        _core.Exit();
        return result;
    }

    [SkipLocalsInit]
    internal void Action3<T1, T2, T3>(T1 a1, T2 a2, T3 a3)
    {
        uint* cells = stackalloc uint[6];
        ValueConversion.WriteCells(cells, a1);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
        Enter();
        if (!wamr_ext_call_direct(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), cells) || _core.IsInterrupted)
        {
            throw Failed();
        }

        _core.Exit();
    }

    [SkipLocalsInit]
    internal TResult Function4<T1, T2, T3, T4, TResult>(T1 a1, T2 a2, T3 a3, T4 a4)
    {
        uint* cells = stackalloc uint[8];
        ValueConversion.WriteCells(cells, a1);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), a4);
        Enter();
        if (!wamr_ext_call_direct(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>(), cells) || _core.IsInterrupted)
        {
            throw Failed();
        }

        TResult result = ValueConversion.ReadCells<TResult>(cells);
        _core.Exit();
        return result;
    }

    [SkipLocalsInit]
    internal void Action4<T1, T2, T3, T4>(T1 a1, T2 a2, T3 a3, T4 a4)
    {
        uint* cells = stackalloc uint[8];
        ValueConversion.WriteCells(cells, a1);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), a4);
        Enter();
        if (!wamr_ext_call_direct(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>(), cells) || _core.IsInterrupted)
        {
            throw Failed();
        }

        _core.Exit();
    }

    [SkipLocalsInit]
    internal TResult Function5<T1, T2, T3, T4, T5, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5)
    {
        uint* cells = stackalloc uint[10];
        ValueConversion.WriteCells(cells, a1);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), a4);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>(), a5);
        Enter();
        if (!wamr_ext_call_direct(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>() + ValueConversion.CellsOf<T5>(), cells) || _core.IsInterrupted)
        {
            throw Failed();
        }

        TResult result = ValueConversion.ReadCells<TResult>(cells);
        _core.Exit();
        return result;
    }

    [SkipLocalsInit]
    internal void Action5<T1, T2, T3, T4, T5>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5)
    {
        uint* cells = stackalloc uint[10];
        ValueConversion.WriteCells(cells, a1);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), a4);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>(), a5);
        Enter();
        if (!wamr_ext_call_direct(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>() + ValueConversion.CellsOf<T5>(), cells) || _core.IsInterrupted)
        {
            throw Failed();
        }

        _core.Exit();
    }

    [SkipLocalsInit]
    internal TResult Function6<T1, T2, T3, T4, T5, T6, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6)
    {
        uint* cells = stackalloc uint[12];
        ValueConversion.WriteCells(cells, a1);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), a4);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>(), a5);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>() + ValueConversion.CellsOf<T5>(), a6);
        Enter();
        if (!wamr_ext_call_direct(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>() + ValueConversion.CellsOf<T5>() + ValueConversion.CellsOf<T6>(), cells) || _core.IsInterrupted)
        {
            throw Failed();
        }

        TResult result = ValueConversion.ReadCells<TResult>(cells);
        _core.Exit();
        return result;
    }

    [SkipLocalsInit]
    internal void Action6<T1, T2, T3, T4, T5, T6>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6)
    {
        uint* cells = stackalloc uint[12];
        ValueConversion.WriteCells(cells, a1);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), a4);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>(), a5);
        ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>() + ValueConversion.CellsOf<T5>(), a6);
        Enter();
        if (!wamr_ext_call_direct(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>() + ValueConversion.CellsOf<T5>() + ValueConversion.CellsOf<T6>(), cells) || _core.IsInterrupted)
        {
            throw Failed();
        }

        _core.Exit();
    }
}
