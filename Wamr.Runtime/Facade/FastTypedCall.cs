using System.Runtime.CompilerServices;

using Wamr.Interop;

using static Wamr.Interop.WamrApi;

namespace Wamr;

/// <summary>
/// The typed fast paths of one WebAssembly function, used when the engine extension is present: each method writes its
/// arguments into a stack array of 32-bit cells and calls the engine's own entry, <c>wasm_runtime_call_wasm</c>, with the
/// runtime function and the instance's exec env singleton resolved once (<see cref="FastCallTarget"/>), then reads the
/// result from the same cells. No allocation; the cell offsets are JIT-time constants. The store's thread, disposal and
/// (when the delegate was made) the signature are checked as on <see cref="TypedCall"/>'s path. A call that ran while an
/// interrupt was in force throws (its results are not the function's), even when WAMR reported success.
/// </summary>
internal sealed unsafe class FastTypedCall
{
    private readonly Func _func;
    private readonly StoreCore _core;
    private readonly FastCallTarget _target;
    private readonly wasm_exec_env_t _execEnv;
    private readonly wasm_function_inst_t _function;

    private FastTypedCall(Func func, FastCallTarget target)
    {
        _func = func;
        _core = func.Store.Core;
        _target = target;
        _execEnv = target.ExecEnv;
        _function = target.Function;
    }

    /// <summary>The fast paths of <paramref name="func"/>, or null when the extension is missing or the runtime has no
    /// function to call directly (host functions, imports).</summary>
    internal static FastTypedCall? Create(Func func) => func.TypedTarget() is { } target ? new FastTypedCall(func, target) : null;


    [SkipLocalsInit]
    internal TResult Function0<TResult>()
    {
        _func.Enter();
        try
        {
            uint* cells = stackalloc uint[2];
            if (!wasm_runtime_call_wasm(_execEnv, _function, 0u, cells) || _core.IsInterrupted)
            {
                throw _func.TakeFastTrap(_target);
            }

            return ValueConversion.ReadCells<TResult>(cells);
        }
        finally
        {
            _func.Exit();
        }
    }

    [SkipLocalsInit]
    internal void Action0()
    {
        _func.Enter();
        try
        {
            uint* cells = stackalloc uint[2];
            if (!wasm_runtime_call_wasm(_execEnv, _function, 0u, cells) || _core.IsInterrupted)
            {
                throw _func.TakeFastTrap(_target);
            }
        }
        finally
        {
            _func.Exit();
        }
    }

    [SkipLocalsInit]
    internal TResult Function1<T1, TResult>(T1 a1)
    {
        _func.Enter();
        try
        {
            uint* cells = stackalloc uint[2];
            ValueConversion.WriteCells(cells, a1);
            if (!wasm_runtime_call_wasm(_execEnv, _function, ValueConversion.CellsOf<T1>(), cells) || _core.IsInterrupted)
            {
                throw _func.TakeFastTrap(_target);
            }

            return ValueConversion.ReadCells<TResult>(cells);
        }
        finally
        {
            _func.Exit();
        }
    }

    [SkipLocalsInit]
    internal void Action1<T1>(T1 a1)
    {
        _func.Enter();
        try
        {
            uint* cells = stackalloc uint[2];
            ValueConversion.WriteCells(cells, a1);
            if (!wasm_runtime_call_wasm(_execEnv, _function, ValueConversion.CellsOf<T1>(), cells) || _core.IsInterrupted)
            {
                throw _func.TakeFastTrap(_target);
            }
        }
        finally
        {
            _func.Exit();
        }
    }

    [SkipLocalsInit]
    internal TResult Function2<T1, T2, TResult>(T1 a1, T2 a2)
    {
        _func.Enter();
        try
        {
            uint* cells = stackalloc uint[4];
            ValueConversion.WriteCells(cells, a1);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
            if (!wasm_runtime_call_wasm(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), cells) || _core.IsInterrupted)
            {
                throw _func.TakeFastTrap(_target);
            }

            return ValueConversion.ReadCells<TResult>(cells);
        }
        finally
        {
            _func.Exit();
        }
    }

    [SkipLocalsInit]
    internal void Action2<T1, T2>(T1 a1, T2 a2)
    {
        _func.Enter();
        try
        {
            uint* cells = stackalloc uint[4];
            ValueConversion.WriteCells(cells, a1);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
            if (!wasm_runtime_call_wasm(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), cells) || _core.IsInterrupted)
            {
                throw _func.TakeFastTrap(_target);
            }
        }
        finally
        {
            _func.Exit();
        }
    }

    [SkipLocalsInit]
    internal TResult Function3<T1, T2, T3, TResult>(T1 a1, T2 a2, T3 a3)
    {
        _func.Enter();
        try
        {
            uint* cells = stackalloc uint[6];
            ValueConversion.WriteCells(cells, a1);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
            if (!wasm_runtime_call_wasm(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), cells) || _core.IsInterrupted)
            {
                throw _func.TakeFastTrap(_target);
            }

            return ValueConversion.ReadCells<TResult>(cells);
        }
        finally
        {
            _func.Exit();
        }
    }

    [SkipLocalsInit]
    internal void Action3<T1, T2, T3>(T1 a1, T2 a2, T3 a3)
    {
        _func.Enter();
        try
        {
            uint* cells = stackalloc uint[6];
            ValueConversion.WriteCells(cells, a1);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
            if (!wasm_runtime_call_wasm(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), cells) || _core.IsInterrupted)
            {
                throw _func.TakeFastTrap(_target);
            }
        }
        finally
        {
            _func.Exit();
        }
    }

    [SkipLocalsInit]
    internal TResult Function4<T1, T2, T3, T4, TResult>(T1 a1, T2 a2, T3 a3, T4 a4)
    {
        _func.Enter();
        try
        {
            uint* cells = stackalloc uint[8];
            ValueConversion.WriteCells(cells, a1);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), a4);
            if (!wasm_runtime_call_wasm(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>(), cells) || _core.IsInterrupted)
            {
                throw _func.TakeFastTrap(_target);
            }

            return ValueConversion.ReadCells<TResult>(cells);
        }
        finally
        {
            _func.Exit();
        }
    }

    [SkipLocalsInit]
    internal void Action4<T1, T2, T3, T4>(T1 a1, T2 a2, T3 a3, T4 a4)
    {
        _func.Enter();
        try
        {
            uint* cells = stackalloc uint[8];
            ValueConversion.WriteCells(cells, a1);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), a4);
            if (!wasm_runtime_call_wasm(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>(), cells) || _core.IsInterrupted)
            {
                throw _func.TakeFastTrap(_target);
            }
        }
        finally
        {
            _func.Exit();
        }
    }

    [SkipLocalsInit]
    internal TResult Function5<T1, T2, T3, T4, T5, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5)
    {
        _func.Enter();
        try
        {
            uint* cells = stackalloc uint[10];
            ValueConversion.WriteCells(cells, a1);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), a4);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>(), a5);
            if (!wasm_runtime_call_wasm(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>() + ValueConversion.CellsOf<T5>(), cells) || _core.IsInterrupted)
            {
                throw _func.TakeFastTrap(_target);
            }

            return ValueConversion.ReadCells<TResult>(cells);
        }
        finally
        {
            _func.Exit();
        }
    }

    [SkipLocalsInit]
    internal void Action5<T1, T2, T3, T4, T5>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5)
    {
        _func.Enter();
        try
        {
            uint* cells = stackalloc uint[10];
            ValueConversion.WriteCells(cells, a1);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), a4);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>(), a5);
            if (!wasm_runtime_call_wasm(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>() + ValueConversion.CellsOf<T5>(), cells) || _core.IsInterrupted)
            {
                throw _func.TakeFastTrap(_target);
            }
        }
        finally
        {
            _func.Exit();
        }
    }

    [SkipLocalsInit]
    internal TResult Function6<T1, T2, T3, T4, T5, T6, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6)
    {
        _func.Enter();
        try
        {
            uint* cells = stackalloc uint[12];
            ValueConversion.WriteCells(cells, a1);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), a4);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>(), a5);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>() + ValueConversion.CellsOf<T5>(), a6);
            if (!wasm_runtime_call_wasm(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>() + ValueConversion.CellsOf<T5>() + ValueConversion.CellsOf<T6>(), cells) || _core.IsInterrupted)
            {
                throw _func.TakeFastTrap(_target);
            }

            return ValueConversion.ReadCells<TResult>(cells);
        }
        finally
        {
            _func.Exit();
        }
    }

    [SkipLocalsInit]
    internal void Action6<T1, T2, T3, T4, T5, T6>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6)
    {
        _func.Enter();
        try
        {
            uint* cells = stackalloc uint[12];
            ValueConversion.WriteCells(cells, a1);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>(), a2);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>(), a3);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>(), a4);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>(), a5);
            ValueConversion.WriteCells(cells + ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>() + ValueConversion.CellsOf<T5>(), a6);
            if (!wasm_runtime_call_wasm(_execEnv, _function, ValueConversion.CellsOf<T1>() + ValueConversion.CellsOf<T2>() + ValueConversion.CellsOf<T3>() + ValueConversion.CellsOf<T4>() + ValueConversion.CellsOf<T5>() + ValueConversion.CellsOf<T6>(), cells) || _core.IsInterrupted)
            {
                throw _func.TakeFastTrap(_target);
            }
        }
        finally
        {
            _func.Exit();
        }
    }
}
