using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>
/// The typed paths of one WebAssembly function through the C API, used without the engine extension (and for imported
/// functions): each method writes its arguments into stack memory, calls <c>wasm_func_call</c> and reads the result, with
/// no allocation (<see cref="FastTypedCall"/> is the path through the engine's own entry). The signature was checked when the delegate was
/// made (<see cref="Func"/>'s <c>AsFunc</c>/<c>AsAction</c>), so only the store's thread and disposal are checked per call.
/// A call that ran while an interrupt was in force throws (its results are not the function's), even without a trap.
/// </summary>
internal sealed unsafe class TypedCall
{
    private readonly Func _func;
    private readonly StoreCore _core;
    private readonly wasm_func_t* _native;

    internal TypedCall(Func func)
    {
        if (WamrExtension.IsAvailable && !func.IsHostFunction)
        {
            func.Enter();
            try
            {
                func.ThrowIfCApiCannotCall();
            }
            finally
            {
                func.Exit();
            }
        }

        _func = func;
        _core = func.Store.Core;
        _native = func.Native;
    }

    internal TResult Function0<TResult>()
    {
        _func.Enter();
        try
        {
            wasm_val_t result;
            wasm_val_vec_t argVector = HostFunction.Vector(null, 0);
            wasm_val_vec_t resultVector = HostFunction.Vector(&result, 1);
            wasm_trap_t* trap = wasm_func_call(_native, &argVector, &resultVector);
            if (trap != null || _core.IsInterrupted)
            {
                throw _func.CallFailed(trap);
            }

            return ValueConversion.Read<TResult>(&result);
        }
        finally
        {
            _func.Exit();
        }
    }

    internal void Action0()
    {
        _func.Enter();
        try
        {
            wasm_val_vec_t argVector = HostFunction.Vector(null, 0);
            wasm_val_vec_t resultVector = HostFunction.Vector(null, 0);
            wasm_trap_t* trap = wasm_func_call(_native, &argVector, &resultVector);
            if (trap != null || _core.IsInterrupted)
            {
                throw _func.CallFailed(trap);
            }
        }
        finally
        {
            _func.Exit();
        }
    }

    internal TResult Function1<T1, TResult>(T1 a1)
    {
        _func.Enter();
        try
        {
            wasm_val_t* args = stackalloc wasm_val_t[1];
            ValueConversion.Write(args + 0, a1);
            wasm_val_t result;
            wasm_val_vec_t argVector = HostFunction.Vector(args, 1);
            wasm_val_vec_t resultVector = HostFunction.Vector(&result, 1);
            wasm_trap_t* trap = wasm_func_call(_native, &argVector, &resultVector);
            if (trap != null || _core.IsInterrupted)
            {
                throw _func.CallFailed(trap);
            }

            return ValueConversion.Read<TResult>(&result);
        }
        finally
        {
            _func.Exit();
        }
    }

    internal void Action1<T1>(T1 a1)
    {
        _func.Enter();
        try
        {
            wasm_val_t* args = stackalloc wasm_val_t[1];
            ValueConversion.Write(args + 0, a1);
            wasm_val_vec_t argVector = HostFunction.Vector(args, 1);
            wasm_val_vec_t resultVector = HostFunction.Vector(null, 0);
            wasm_trap_t* trap = wasm_func_call(_native, &argVector, &resultVector);
            if (trap != null || _core.IsInterrupted)
            {
                throw _func.CallFailed(trap);
            }
        }
        finally
        {
            _func.Exit();
        }
    }

    internal TResult Function2<T1, T2, TResult>(T1 a1, T2 a2)
    {
        _func.Enter();
        try
        {
            wasm_val_t* args = stackalloc wasm_val_t[2];
            ValueConversion.Write(args + 0, a1);
            ValueConversion.Write(args + 1, a2);
            wasm_val_t result;
            wasm_val_vec_t argVector = HostFunction.Vector(args, 2);
            wasm_val_vec_t resultVector = HostFunction.Vector(&result, 1);
            wasm_trap_t* trap = wasm_func_call(_native, &argVector, &resultVector);
            if (trap != null || _core.IsInterrupted)
            {
                throw _func.CallFailed(trap);
            }

            return ValueConversion.Read<TResult>(&result);
        }
        finally
        {
            _func.Exit();
        }
    }

    internal void Action2<T1, T2>(T1 a1, T2 a2)
    {
        _func.Enter();
        try
        {
            wasm_val_t* args = stackalloc wasm_val_t[2];
            ValueConversion.Write(args + 0, a1);
            ValueConversion.Write(args + 1, a2);
            wasm_val_vec_t argVector = HostFunction.Vector(args, 2);
            wasm_val_vec_t resultVector = HostFunction.Vector(null, 0);
            wasm_trap_t* trap = wasm_func_call(_native, &argVector, &resultVector);
            if (trap != null || _core.IsInterrupted)
            {
                throw _func.CallFailed(trap);
            }
        }
        finally
        {
            _func.Exit();
        }
    }

    internal TResult Function3<T1, T2, T3, TResult>(T1 a1, T2 a2, T3 a3)
    {
        _func.Enter();
        try
        {
            wasm_val_t* args = stackalloc wasm_val_t[3];
            ValueConversion.Write(args + 0, a1);
            ValueConversion.Write(args + 1, a2);
            ValueConversion.Write(args + 2, a3);
            wasm_val_t result;
            wasm_val_vec_t argVector = HostFunction.Vector(args, 3);
            wasm_val_vec_t resultVector = HostFunction.Vector(&result, 1);
            wasm_trap_t* trap = wasm_func_call(_native, &argVector, &resultVector);
            if (trap != null || _core.IsInterrupted)
            {
                throw _func.CallFailed(trap);
            }

            return ValueConversion.Read<TResult>(&result);
        }
        finally
        {
            _func.Exit();
        }
    }

    internal void Action3<T1, T2, T3>(T1 a1, T2 a2, T3 a3)
    {
        _func.Enter();
        try
        {
            wasm_val_t* args = stackalloc wasm_val_t[3];
            ValueConversion.Write(args + 0, a1);
            ValueConversion.Write(args + 1, a2);
            ValueConversion.Write(args + 2, a3);
            wasm_val_vec_t argVector = HostFunction.Vector(args, 3);
            wasm_val_vec_t resultVector = HostFunction.Vector(null, 0);
            wasm_trap_t* trap = wasm_func_call(_native, &argVector, &resultVector);
            if (trap != null || _core.IsInterrupted)
            {
                throw _func.CallFailed(trap);
            }
        }
        finally
        {
            _func.Exit();
        }
    }

    internal TResult Function4<T1, T2, T3, T4, TResult>(T1 a1, T2 a2, T3 a3, T4 a4)
    {
        _func.Enter();
        try
        {
            wasm_val_t* args = stackalloc wasm_val_t[4];
            ValueConversion.Write(args + 0, a1);
            ValueConversion.Write(args + 1, a2);
            ValueConversion.Write(args + 2, a3);
            ValueConversion.Write(args + 3, a4);
            wasm_val_t result;
            wasm_val_vec_t argVector = HostFunction.Vector(args, 4);
            wasm_val_vec_t resultVector = HostFunction.Vector(&result, 1);
            wasm_trap_t* trap = wasm_func_call(_native, &argVector, &resultVector);
            if (trap != null || _core.IsInterrupted)
            {
                throw _func.CallFailed(trap);
            }

            return ValueConversion.Read<TResult>(&result);
        }
        finally
        {
            _func.Exit();
        }
    }

    internal void Action4<T1, T2, T3, T4>(T1 a1, T2 a2, T3 a3, T4 a4)
    {
        _func.Enter();
        try
        {
            wasm_val_t* args = stackalloc wasm_val_t[4];
            ValueConversion.Write(args + 0, a1);
            ValueConversion.Write(args + 1, a2);
            ValueConversion.Write(args + 2, a3);
            ValueConversion.Write(args + 3, a4);
            wasm_val_vec_t argVector = HostFunction.Vector(args, 4);
            wasm_val_vec_t resultVector = HostFunction.Vector(null, 0);
            wasm_trap_t* trap = wasm_func_call(_native, &argVector, &resultVector);
            if (trap != null || _core.IsInterrupted)
            {
                throw _func.CallFailed(trap);
            }
        }
        finally
        {
            _func.Exit();
        }
    }

    internal TResult Function5<T1, T2, T3, T4, T5, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5)
    {
        _func.Enter();
        try
        {
            wasm_val_t* args = stackalloc wasm_val_t[5];
            ValueConversion.Write(args + 0, a1);
            ValueConversion.Write(args + 1, a2);
            ValueConversion.Write(args + 2, a3);
            ValueConversion.Write(args + 3, a4);
            ValueConversion.Write(args + 4, a5);
            wasm_val_t result;
            wasm_val_vec_t argVector = HostFunction.Vector(args, 5);
            wasm_val_vec_t resultVector = HostFunction.Vector(&result, 1);
            wasm_trap_t* trap = wasm_func_call(_native, &argVector, &resultVector);
            if (trap != null || _core.IsInterrupted)
            {
                throw _func.CallFailed(trap);
            }

            return ValueConversion.Read<TResult>(&result);
        }
        finally
        {
            _func.Exit();
        }
    }

    internal void Action5<T1, T2, T3, T4, T5>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5)
    {
        _func.Enter();
        try
        {
            wasm_val_t* args = stackalloc wasm_val_t[5];
            ValueConversion.Write(args + 0, a1);
            ValueConversion.Write(args + 1, a2);
            ValueConversion.Write(args + 2, a3);
            ValueConversion.Write(args + 3, a4);
            ValueConversion.Write(args + 4, a5);
            wasm_val_vec_t argVector = HostFunction.Vector(args, 5);
            wasm_val_vec_t resultVector = HostFunction.Vector(null, 0);
            wasm_trap_t* trap = wasm_func_call(_native, &argVector, &resultVector);
            if (trap != null || _core.IsInterrupted)
            {
                throw _func.CallFailed(trap);
            }
        }
        finally
        {
            _func.Exit();
        }
    }

    internal TResult Function6<T1, T2, T3, T4, T5, T6, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6)
    {
        _func.Enter();
        try
        {
            wasm_val_t* args = stackalloc wasm_val_t[6];
            ValueConversion.Write(args + 0, a1);
            ValueConversion.Write(args + 1, a2);
            ValueConversion.Write(args + 2, a3);
            ValueConversion.Write(args + 3, a4);
            ValueConversion.Write(args + 4, a5);
            ValueConversion.Write(args + 5, a6);
            wasm_val_t result;
            wasm_val_vec_t argVector = HostFunction.Vector(args, 6);
            wasm_val_vec_t resultVector = HostFunction.Vector(&result, 1);
            wasm_trap_t* trap = wasm_func_call(_native, &argVector, &resultVector);
            if (trap != null || _core.IsInterrupted)
            {
                throw _func.CallFailed(trap);
            }

            return ValueConversion.Read<TResult>(&result);
        }
        finally
        {
            _func.Exit();
        }
    }

    internal void Action6<T1, T2, T3, T4, T5, T6>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6)
    {
        _func.Enter();
        try
        {
            wasm_val_t* args = stackalloc wasm_val_t[6];
            ValueConversion.Write(args + 0, a1);
            ValueConversion.Write(args + 1, a2);
            ValueConversion.Write(args + 2, a3);
            ValueConversion.Write(args + 3, a4);
            ValueConversion.Write(args + 4, a5);
            ValueConversion.Write(args + 5, a6);
            wasm_val_vec_t argVector = HostFunction.Vector(args, 6);
            wasm_val_vec_t resultVector = HostFunction.Vector(null, 0);
            wasm_trap_t* trap = wasm_func_call(_native, &argVector, &resultVector);
            if (trap != null || _core.IsInterrupted)
            {
                throw _func.CallFailed(trap);
            }
        }
        finally
        {
            _func.Exit();
        }
    }
}
