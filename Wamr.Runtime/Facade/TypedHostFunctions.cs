using System;

using Wamr.Interop;

namespace Wamr;

// Host functions from typed delegates: arguments are read from WAMR's vector and the result written back with no
// boxing and no allocation (object, for externref, goes through the store's foreigns).

/// <summary>A host function backed by a <c>System.Func{TResult}</c>.</summary>
internal sealed unsafe class TypedHostFunction0<TResult> : HostFunction
{
    private readonly System.Func<TResult> _callback;

    internal TypedHostFunction0(Store owner, FuncType type, System.Func<TResult> callback)
        : base(owner, type) => _callback = callback;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        Write(&results->data[0], _callback());
        return null;
    }
}

/// <summary>A host function backed by a <c>Action</c>.</summary>
internal sealed unsafe class TypedHostAction0 : HostFunction
{
    private readonly Action _callback;

    internal TypedHostAction0(Store owner, FuncType type, Action callback)
        : base(owner, type) => _callback = callback;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        _callback();
        return null;
    }
}

/// <summary>A host function backed by a <c>System.Func{T1, TResult}</c>.</summary>
internal sealed unsafe class TypedHostFunction1<T1, TResult> : HostFunction
{
    private readonly System.Func<T1, TResult> _callback;

    internal TypedHostFunction1(Store owner, FuncType type, System.Func<T1, TResult> callback)
        : base(owner, type) => _callback = callback;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        Write(&results->data[0], _callback(Read<T1>(&arguments->data[0])));
        return null;
    }
}

/// <summary>A host function backed by a <c>Action{T1}</c>.</summary>
internal sealed unsafe class TypedHostAction1<T1> : HostFunction
{
    private readonly Action<T1> _callback;

    internal TypedHostAction1(Store owner, FuncType type, Action<T1> callback)
        : base(owner, type) => _callback = callback;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        _callback(Read<T1>(&arguments->data[0]));
        return null;
    }
}

/// <summary>A host function backed by a <c>System.Func{T1, T2, TResult}</c>.</summary>
internal sealed unsafe class TypedHostFunction2<T1, T2, TResult> : HostFunction
{
    private readonly System.Func<T1, T2, TResult> _callback;

    internal TypedHostFunction2(Store owner, FuncType type, System.Func<T1, T2, TResult> callback)
        : base(owner, type) => _callback = callback;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        Write(&results->data[0], _callback(Read<T1>(&arguments->data[0]), Read<T2>(&arguments->data[1])));
        return null;
    }
}

/// <summary>A host function backed by a <c>Action{T1, T2}</c>.</summary>
internal sealed unsafe class TypedHostAction2<T1, T2> : HostFunction
{
    private readonly Action<T1, T2> _callback;

    internal TypedHostAction2(Store owner, FuncType type, Action<T1, T2> callback)
        : base(owner, type) => _callback = callback;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        _callback(Read<T1>(&arguments->data[0]), Read<T2>(&arguments->data[1]));
        return null;
    }
}

/// <summary>A host function backed by a <c>System.Func{T1, T2, T3, TResult}</c>.</summary>
internal sealed unsafe class TypedHostFunction3<T1, T2, T3, TResult> : HostFunction
{
    private readonly System.Func<T1, T2, T3, TResult> _callback;

    internal TypedHostFunction3(Store owner, FuncType type, System.Func<T1, T2, T3, TResult> callback)
        : base(owner, type) => _callback = callback;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        Write(&results->data[0], _callback(Read<T1>(&arguments->data[0]), Read<T2>(&arguments->data[1]), Read<T3>(&arguments->data[2])));
        return null;
    }
}

/// <summary>A host function backed by a <c>Action{T1, T2, T3}</c>.</summary>
internal sealed unsafe class TypedHostAction3<T1, T2, T3> : HostFunction
{
    private readonly Action<T1, T2, T3> _callback;

    internal TypedHostAction3(Store owner, FuncType type, Action<T1, T2, T3> callback)
        : base(owner, type) => _callback = callback;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        _callback(Read<T1>(&arguments->data[0]), Read<T2>(&arguments->data[1]), Read<T3>(&arguments->data[2]));
        return null;
    }
}

/// <summary>A host function backed by a <c>System.Func{T1, T2, T3, T4, TResult}</c>.</summary>
internal sealed unsafe class TypedHostFunction4<T1, T2, T3, T4, TResult> : HostFunction
{
    private readonly System.Func<T1, T2, T3, T4, TResult> _callback;

    internal TypedHostFunction4(Store owner, FuncType type, System.Func<T1, T2, T3, T4, TResult> callback)
        : base(owner, type) => _callback = callback;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        Write(&results->data[0], _callback(Read<T1>(&arguments->data[0]), Read<T2>(&arguments->data[1]), Read<T3>(&arguments->data[2]), Read<T4>(&arguments->data[3])));
        return null;
    }
}

/// <summary>A host function backed by a <c>Action{T1, T2, T3, T4}</c>.</summary>
internal sealed unsafe class TypedHostAction4<T1, T2, T3, T4> : HostFunction
{
    private readonly Action<T1, T2, T3, T4> _callback;

    internal TypedHostAction4(Store owner, FuncType type, Action<T1, T2, T3, T4> callback)
        : base(owner, type) => _callback = callback;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        _callback(Read<T1>(&arguments->data[0]), Read<T2>(&arguments->data[1]), Read<T3>(&arguments->data[2]), Read<T4>(&arguments->data[3]));
        return null;
    }
}

/// <summary>A host function backed by a <c>System.Func{T1, T2, T3, T4, T5, TResult}</c>.</summary>
internal sealed unsafe class TypedHostFunction5<T1, T2, T3, T4, T5, TResult> : HostFunction
{
    private readonly System.Func<T1, T2, T3, T4, T5, TResult> _callback;

    internal TypedHostFunction5(Store owner, FuncType type, System.Func<T1, T2, T3, T4, T5, TResult> callback)
        : base(owner, type) => _callback = callback;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        Write(&results->data[0], _callback(Read<T1>(&arguments->data[0]), Read<T2>(&arguments->data[1]), Read<T3>(&arguments->data[2]), Read<T4>(&arguments->data[3]), Read<T5>(&arguments->data[4])));
        return null;
    }
}

/// <summary>A host function backed by a <c>Action{T1, T2, T3, T4, T5}</c>.</summary>
internal sealed unsafe class TypedHostAction5<T1, T2, T3, T4, T5> : HostFunction
{
    private readonly Action<T1, T2, T3, T4, T5> _callback;

    internal TypedHostAction5(Store owner, FuncType type, Action<T1, T2, T3, T4, T5> callback)
        : base(owner, type) => _callback = callback;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        _callback(Read<T1>(&arguments->data[0]), Read<T2>(&arguments->data[1]), Read<T3>(&arguments->data[2]), Read<T4>(&arguments->data[3]), Read<T5>(&arguments->data[4]));
        return null;
    }
}

/// <summary>A host function backed by a <c>System.Func{T1, T2, T3, T4, T5, T6, TResult}</c>.</summary>
internal sealed unsafe class TypedHostFunction6<T1, T2, T3, T4, T5, T6, TResult> : HostFunction
{
    private readonly System.Func<T1, T2, T3, T4, T5, T6, TResult> _callback;

    internal TypedHostFunction6(Store owner, FuncType type, System.Func<T1, T2, T3, T4, T5, T6, TResult> callback)
        : base(owner, type) => _callback = callback;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        Write(&results->data[0], _callback(Read<T1>(&arguments->data[0]), Read<T2>(&arguments->data[1]), Read<T3>(&arguments->data[2]), Read<T4>(&arguments->data[3]), Read<T5>(&arguments->data[4]), Read<T6>(&arguments->data[5])));
        return null;
    }
}

/// <summary>A host function backed by a <c>Action{T1, T2, T3, T4, T5, T6}</c>.</summary>
internal sealed unsafe class TypedHostAction6<T1, T2, T3, T4, T5, T6> : HostFunction
{
    private readonly Action<T1, T2, T3, T4, T5, T6> _callback;

    internal TypedHostAction6(Store owner, FuncType type, Action<T1, T2, T3, T4, T5, T6> callback)
        : base(owner, type) => _callback = callback;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        _callback(Read<T1>(&arguments->data[0]), Read<T2>(&arguments->data[1]), Read<T3>(&arguments->data[2]), Read<T4>(&arguments->data[3]), Read<T5>(&arguments->data[4]), Read<T6>(&arguments->data[5]));
        return null;
    }
}
