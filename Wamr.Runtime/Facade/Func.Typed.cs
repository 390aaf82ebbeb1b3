using System;

namespace Wamr;

// The typed views of a function: C# delegates over int (i32), long (i64), float (f32) and double (f64) — called with no
// allocation — and object (externref) and Func (funcref), which go through Call's conversions (an allocation per call).
public sealed unsafe partial class Func
{
    /// <summary>This function as a typed delegate with 0 parameter(s) and one result. WebAssembly functions are then called with no allocation (through the engine extension's <c>wamr_ext_call_direct</c> when it is present), unless a type argument is a reference (object: externref; <see cref="Func"/>: funcref).</summary>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's, or another thread is using the store.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double, object (externref) or Func (funcref).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public System.Func<TResult> AsFunc<TResult>()
    {
        bool references = CheckSignature([], [ValueConversion.DelegateKindOf<TResult>()]);
        if (IsHostFunction || references)
        {
            return () => ValueConversion.FromDelegateVal<TResult>(Call()[0]);
        }

        return FastTypedCall.Create(this) is { } fast ? fast.Function0<TResult> : new TypedCall(this).Function0<TResult>;
    }

    /// <summary>This function as a typed delegate with 0 parameter(s) and no result. WebAssembly functions are then called with no allocation (through the engine extension's <c>wamr_ext_call_direct</c> when it is present), unless a type argument is a reference (object: externref; <see cref="Func"/>: funcref).</summary>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's, or another thread is using the store.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double, object (externref) or Func (funcref).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public Action AsAction()
    {
        bool references = CheckSignature([], []);
        if (IsHostFunction || references)
        {
            return () => Call();
        }

        return FastTypedCall.Create(this) is { } fast ? fast.Action0 : new TypedCall(this).Action0;
    }

    /// <summary>This function as a typed delegate with 1 parameter(s) and one result. WebAssembly functions are then called with no allocation (through the engine extension's <c>wamr_ext_call_direct</c> when it is present), unless a type argument is a reference (object: externref; <see cref="Func"/>: funcref).</summary>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's, or another thread is using the store.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double, object (externref) or Func (funcref).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public System.Func<T1, TResult> AsFunc<T1, TResult>()
    {
        bool references = CheckSignature([ValueConversion.DelegateKindOf<T1>()], [ValueConversion.DelegateKindOf<TResult>()]);
        if (IsHostFunction || references)
        {
            return (a1) => ValueConversion.FromDelegateVal<TResult>(Call(ValueConversion.ToDelegateVal(a1))[0]);
        }

        return FastTypedCall.Create(this) is { } fast ? fast.Function1<T1, TResult> : new TypedCall(this).Function1<T1, TResult>;
    }

    /// <summary>This function as a typed delegate with 1 parameter(s) and no result. WebAssembly functions are then called with no allocation (through the engine extension's <c>wamr_ext_call_direct</c> when it is present), unless a type argument is a reference (object: externref; <see cref="Func"/>: funcref).</summary>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's, or another thread is using the store.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double, object (externref) or Func (funcref).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public Action<T1> AsAction<T1>()
    {
        bool references = CheckSignature([ValueConversion.DelegateKindOf<T1>()], []);
        if (IsHostFunction || references)
        {
            return (a1) => Call(ValueConversion.ToDelegateVal(a1));
        }

        return FastTypedCall.Create(this) is { } fast ? fast.Action1<T1> : new TypedCall(this).Action1<T1>;
    }

    /// <summary>This function as a typed delegate with 2 parameter(s) and one result. WebAssembly functions are then called with no allocation (through the engine extension's <c>wamr_ext_call_direct</c> when it is present), unless a type argument is a reference (object: externref; <see cref="Func"/>: funcref).</summary>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's, or another thread is using the store.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double, object (externref) or Func (funcref).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public System.Func<T1, T2, TResult> AsFunc<T1, T2, TResult>()
    {
        bool references = CheckSignature([ValueConversion.DelegateKindOf<T1>(), ValueConversion.DelegateKindOf<T2>()], [ValueConversion.DelegateKindOf<TResult>()]);
        if (IsHostFunction || references)
        {
            return (a1, a2) => ValueConversion.FromDelegateVal<TResult>(Call(ValueConversion.ToDelegateVal(a1), ValueConversion.ToDelegateVal(a2))[0]);
        }

        return FastTypedCall.Create(this) is { } fast ? fast.Function2<T1, T2, TResult> : new TypedCall(this).Function2<T1, T2, TResult>;
    }

    /// <summary>This function as a typed delegate with 2 parameter(s) and no result. WebAssembly functions are then called with no allocation (through the engine extension's <c>wamr_ext_call_direct</c> when it is present), unless a type argument is a reference (object: externref; <see cref="Func"/>: funcref).</summary>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's, or another thread is using the store.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double, object (externref) or Func (funcref).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public Action<T1, T2> AsAction<T1, T2>()
    {
        bool references = CheckSignature([ValueConversion.DelegateKindOf<T1>(), ValueConversion.DelegateKindOf<T2>()], []);
        if (IsHostFunction || references)
        {
            return (a1, a2) => Call(ValueConversion.ToDelegateVal(a1), ValueConversion.ToDelegateVal(a2));
        }

        return FastTypedCall.Create(this) is { } fast ? fast.Action2<T1, T2> : new TypedCall(this).Action2<T1, T2>;
    }

    /// <summary>This function as a typed delegate with 3 parameter(s) and one result. WebAssembly functions are then called with no allocation (through the engine extension's <c>wamr_ext_call_direct</c> when it is present), unless a type argument is a reference (object: externref; <see cref="Func"/>: funcref).</summary>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's, or another thread is using the store.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double, object (externref) or Func (funcref).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public System.Func<T1, T2, T3, TResult> AsFunc<T1, T2, T3, TResult>()
    {
        bool references = CheckSignature([ValueConversion.DelegateKindOf<T1>(), ValueConversion.DelegateKindOf<T2>(), ValueConversion.DelegateKindOf<T3>()], [ValueConversion.DelegateKindOf<TResult>()]);
        if (IsHostFunction || references)
        {
            return (a1, a2, a3) => ValueConversion.FromDelegateVal<TResult>(Call(ValueConversion.ToDelegateVal(a1), ValueConversion.ToDelegateVal(a2), ValueConversion.ToDelegateVal(a3))[0]);
        }

        return FastTypedCall.Create(this) is { } fast ? fast.Function3<T1, T2, T3, TResult> : new TypedCall(this).Function3<T1, T2, T3, TResult>;
    }

    /// <summary>This function as a typed delegate with 3 parameter(s) and no result. WebAssembly functions are then called with no allocation (through the engine extension's <c>wamr_ext_call_direct</c> when it is present), unless a type argument is a reference (object: externref; <see cref="Func"/>: funcref).</summary>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's, or another thread is using the store.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double, object (externref) or Func (funcref).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public Action<T1, T2, T3> AsAction<T1, T2, T3>()
    {
        bool references = CheckSignature([ValueConversion.DelegateKindOf<T1>(), ValueConversion.DelegateKindOf<T2>(), ValueConversion.DelegateKindOf<T3>()], []);
        if (IsHostFunction || references)
        {
            return (a1, a2, a3) => Call(ValueConversion.ToDelegateVal(a1), ValueConversion.ToDelegateVal(a2), ValueConversion.ToDelegateVal(a3));
        }

        return FastTypedCall.Create(this) is { } fast ? fast.Action3<T1, T2, T3> : new TypedCall(this).Action3<T1, T2, T3>;
    }

    /// <summary>This function as a typed delegate with 4 parameter(s) and one result. WebAssembly functions are then called with no allocation (through the engine extension's <c>wamr_ext_call_direct</c> when it is present), unless a type argument is a reference (object: externref; <see cref="Func"/>: funcref).</summary>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's, or another thread is using the store.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double, object (externref) or Func (funcref).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public System.Func<T1, T2, T3, T4, TResult> AsFunc<T1, T2, T3, T4, TResult>()
    {
        bool references = CheckSignature([ValueConversion.DelegateKindOf<T1>(), ValueConversion.DelegateKindOf<T2>(), ValueConversion.DelegateKindOf<T3>(), ValueConversion.DelegateKindOf<T4>()], [ValueConversion.DelegateKindOf<TResult>()]);
        if (IsHostFunction || references)
        {
            return (a1, a2, a3, a4) => ValueConversion.FromDelegateVal<TResult>(Call(ValueConversion.ToDelegateVal(a1), ValueConversion.ToDelegateVal(a2), ValueConversion.ToDelegateVal(a3), ValueConversion.ToDelegateVal(a4))[0]);
        }

        return FastTypedCall.Create(this) is { } fast ? fast.Function4<T1, T2, T3, T4, TResult> : new TypedCall(this).Function4<T1, T2, T3, T4, TResult>;
    }

    /// <summary>This function as a typed delegate with 4 parameter(s) and no result. WebAssembly functions are then called with no allocation (through the engine extension's <c>wamr_ext_call_direct</c> when it is present), unless a type argument is a reference (object: externref; <see cref="Func"/>: funcref).</summary>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's, or another thread is using the store.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double, object (externref) or Func (funcref).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public Action<T1, T2, T3, T4> AsAction<T1, T2, T3, T4>()
    {
        bool references = CheckSignature([ValueConversion.DelegateKindOf<T1>(), ValueConversion.DelegateKindOf<T2>(), ValueConversion.DelegateKindOf<T3>(), ValueConversion.DelegateKindOf<T4>()], []);
        if (IsHostFunction || references)
        {
            return (a1, a2, a3, a4) => Call(ValueConversion.ToDelegateVal(a1), ValueConversion.ToDelegateVal(a2), ValueConversion.ToDelegateVal(a3), ValueConversion.ToDelegateVal(a4));
        }

        return FastTypedCall.Create(this) is { } fast ? fast.Action4<T1, T2, T3, T4> : new TypedCall(this).Action4<T1, T2, T3, T4>;
    }

    /// <summary>This function as a typed delegate with 5 parameter(s) and one result. WebAssembly functions are then called with no allocation (through the engine extension's <c>wamr_ext_call_direct</c> when it is present), unless a type argument is a reference (object: externref; <see cref="Func"/>: funcref).</summary>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's, or another thread is using the store.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double, object (externref) or Func (funcref).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public System.Func<T1, T2, T3, T4, T5, TResult> AsFunc<T1, T2, T3, T4, T5, TResult>()
    {
        bool references = CheckSignature([ValueConversion.DelegateKindOf<T1>(), ValueConversion.DelegateKindOf<T2>(), ValueConversion.DelegateKindOf<T3>(), ValueConversion.DelegateKindOf<T4>(), ValueConversion.DelegateKindOf<T5>()], [ValueConversion.DelegateKindOf<TResult>()]);
        if (IsHostFunction || references)
        {
            return (a1, a2, a3, a4, a5) => ValueConversion.FromDelegateVal<TResult>(Call(ValueConversion.ToDelegateVal(a1), ValueConversion.ToDelegateVal(a2), ValueConversion.ToDelegateVal(a3), ValueConversion.ToDelegateVal(a4), ValueConversion.ToDelegateVal(a5))[0]);
        }

        return FastTypedCall.Create(this) is { } fast ? fast.Function5<T1, T2, T3, T4, T5, TResult> : new TypedCall(this).Function5<T1, T2, T3, T4, T5, TResult>;
    }

    /// <summary>This function as a typed delegate with 5 parameter(s) and no result. WebAssembly functions are then called with no allocation (through the engine extension's <c>wamr_ext_call_direct</c> when it is present), unless a type argument is a reference (object: externref; <see cref="Func"/>: funcref).</summary>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's, or another thread is using the store.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double, object (externref) or Func (funcref).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public Action<T1, T2, T3, T4, T5> AsAction<T1, T2, T3, T4, T5>()
    {
        bool references = CheckSignature([ValueConversion.DelegateKindOf<T1>(), ValueConversion.DelegateKindOf<T2>(), ValueConversion.DelegateKindOf<T3>(), ValueConversion.DelegateKindOf<T4>(), ValueConversion.DelegateKindOf<T5>()], []);
        if (IsHostFunction || references)
        {
            return (a1, a2, a3, a4, a5) => Call(ValueConversion.ToDelegateVal(a1), ValueConversion.ToDelegateVal(a2), ValueConversion.ToDelegateVal(a3), ValueConversion.ToDelegateVal(a4), ValueConversion.ToDelegateVal(a5));
        }

        return FastTypedCall.Create(this) is { } fast ? fast.Action5<T1, T2, T3, T4, T5> : new TypedCall(this).Action5<T1, T2, T3, T4, T5>;
    }

    /// <summary>This function as a typed delegate with 6 parameter(s) and one result. WebAssembly functions are then called with no allocation (through the engine extension's <c>wamr_ext_call_direct</c> when it is present), unless a type argument is a reference (object: externref; <see cref="Func"/>: funcref).</summary>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's, or another thread is using the store.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double, object (externref) or Func (funcref).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public System.Func<T1, T2, T3, T4, T5, T6, TResult> AsFunc<T1, T2, T3, T4, T5, T6, TResult>()
    {
        bool references = CheckSignature([ValueConversion.DelegateKindOf<T1>(), ValueConversion.DelegateKindOf<T2>(), ValueConversion.DelegateKindOf<T3>(), ValueConversion.DelegateKindOf<T4>(), ValueConversion.DelegateKindOf<T5>(), ValueConversion.DelegateKindOf<T6>()], [ValueConversion.DelegateKindOf<TResult>()]);
        if (IsHostFunction || references)
        {
            return (a1, a2, a3, a4, a5, a6) => ValueConversion.FromDelegateVal<TResult>(Call(ValueConversion.ToDelegateVal(a1), ValueConversion.ToDelegateVal(a2), ValueConversion.ToDelegateVal(a3), ValueConversion.ToDelegateVal(a4), ValueConversion.ToDelegateVal(a5), ValueConversion.ToDelegateVal(a6))[0]);
        }

        return FastTypedCall.Create(this) is { } fast ? fast.Function6<T1, T2, T3, T4, T5, T6, TResult> : new TypedCall(this).Function6<T1, T2, T3, T4, T5, T6, TResult>;
    }

    /// <summary>This function as a typed delegate with 6 parameter(s) and no result. WebAssembly functions are then called with no allocation (through the engine extension's <c>wamr_ext_call_direct</c> when it is present), unless a type argument is a reference (object: externref; <see cref="Func"/>: funcref).</summary>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's, or another thread is using the store.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double, object (externref) or Func (funcref).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public Action<T1, T2, T3, T4, T5, T6> AsAction<T1, T2, T3, T4, T5, T6>()
    {
        bool references = CheckSignature([ValueConversion.DelegateKindOf<T1>(), ValueConversion.DelegateKindOf<T2>(), ValueConversion.DelegateKindOf<T3>(), ValueConversion.DelegateKindOf<T4>(), ValueConversion.DelegateKindOf<T5>(), ValueConversion.DelegateKindOf<T6>()], []);
        if (IsHostFunction || references)
        {
            return (a1, a2, a3, a4, a5, a6) => Call(ValueConversion.ToDelegateVal(a1), ValueConversion.ToDelegateVal(a2), ValueConversion.ToDelegateVal(a3), ValueConversion.ToDelegateVal(a4), ValueConversion.ToDelegateVal(a5), ValueConversion.ToDelegateVal(a6));
        }

        return FastTypedCall.Create(this) is { } fast ? fast.Action6<T1, T2, T3, T4, T5, T6> : new TypedCall(this).Action6<T1, T2, T3, T4, T5, T6>;
    }

    /// <summary>
    /// A host function from a typed delegate (0 parameter(s), one result); int, long, float, double and object map to
    /// i32, i64, f32, f64 and externref (any .NET object, or null for ref.null). WAMR calls it with no allocation (an
    /// object already known to the store included). An exception it throws becomes a trap.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double or object.</exception>
    public static Func FromCallback<TResult>(Store store, System.Func<TResult> callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        var type = FuncType.Of([], [HostFunction.KindOf<TResult>()]);
        return FromHost(store, new TypedHostFunction0<TResult>(store, type, callback));
    }

    /// <summary>
    /// A host function from a typed delegate (0 parameter(s), no result); int, long, float, double and object map to
    /// i32, i64, f32, f64 and externref (any .NET object, or null for ref.null). WAMR calls it with no allocation (an
    /// object already known to the store included). An exception it throws becomes a trap.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double or object.</exception>
    public static Func FromCallback(Store store, Action callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        var type = FuncType.Of([], []);
        return FromHost(store, new TypedHostAction0(store, type, callback));
    }

    /// <summary>
    /// A host function from a typed delegate (1 parameter(s), one result); int, long, float, double and object map to
    /// i32, i64, f32, f64 and externref (any .NET object, or null for ref.null). WAMR calls it with no allocation (an
    /// object already known to the store included). An exception it throws becomes a trap.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double or object.</exception>
    public static Func FromCallback<T1, TResult>(Store store, System.Func<T1, TResult> callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        var type = FuncType.Of([HostFunction.KindOf<T1>()], [HostFunction.KindOf<TResult>()]);
        return FromHost(store, new TypedHostFunction1<T1, TResult>(store, type, callback));
    }

    /// <summary>
    /// A host function from a typed delegate (1 parameter(s), no result); int, long, float, double and object map to
    /// i32, i64, f32, f64 and externref (any .NET object, or null for ref.null). WAMR calls it with no allocation (an
    /// object already known to the store included). An exception it throws becomes a trap.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double or object.</exception>
    public static Func FromCallback<T1>(Store store, Action<T1> callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        var type = FuncType.Of([HostFunction.KindOf<T1>()], []);
        return FromHost(store, new TypedHostAction1<T1>(store, type, callback));
    }

    /// <summary>
    /// A host function from a typed delegate (2 parameter(s), one result); int, long, float, double and object map to
    /// i32, i64, f32, f64 and externref (any .NET object, or null for ref.null). WAMR calls it with no allocation (an
    /// object already known to the store included). An exception it throws becomes a trap.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double or object.</exception>
    public static Func FromCallback<T1, T2, TResult>(Store store, System.Func<T1, T2, TResult> callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        var type = FuncType.Of([HostFunction.KindOf<T1>(), HostFunction.KindOf<T2>()], [HostFunction.KindOf<TResult>()]);
        return FromHost(store, new TypedHostFunction2<T1, T2, TResult>(store, type, callback));
    }

    /// <summary>
    /// A host function from a typed delegate (2 parameter(s), no result); int, long, float, double and object map to
    /// i32, i64, f32, f64 and externref (any .NET object, or null for ref.null). WAMR calls it with no allocation (an
    /// object already known to the store included). An exception it throws becomes a trap.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double or object.</exception>
    public static Func FromCallback<T1, T2>(Store store, Action<T1, T2> callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        var type = FuncType.Of([HostFunction.KindOf<T1>(), HostFunction.KindOf<T2>()], []);
        return FromHost(store, new TypedHostAction2<T1, T2>(store, type, callback));
    }

    /// <summary>
    /// A host function from a typed delegate (3 parameter(s), one result); int, long, float, double and object map to
    /// i32, i64, f32, f64 and externref (any .NET object, or null for ref.null). WAMR calls it with no allocation (an
    /// object already known to the store included). An exception it throws becomes a trap.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double or object.</exception>
    public static Func FromCallback<T1, T2, T3, TResult>(Store store, System.Func<T1, T2, T3, TResult> callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        var type = FuncType.Of([HostFunction.KindOf<T1>(), HostFunction.KindOf<T2>(), HostFunction.KindOf<T3>()], [HostFunction.KindOf<TResult>()]);
        return FromHost(store, new TypedHostFunction3<T1, T2, T3, TResult>(store, type, callback));
    }

    /// <summary>
    /// A host function from a typed delegate (3 parameter(s), no result); int, long, float, double and object map to
    /// i32, i64, f32, f64 and externref (any .NET object, or null for ref.null). WAMR calls it with no allocation (an
    /// object already known to the store included). An exception it throws becomes a trap.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double or object.</exception>
    public static Func FromCallback<T1, T2, T3>(Store store, Action<T1, T2, T3> callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        var type = FuncType.Of([HostFunction.KindOf<T1>(), HostFunction.KindOf<T2>(), HostFunction.KindOf<T3>()], []);
        return FromHost(store, new TypedHostAction3<T1, T2, T3>(store, type, callback));
    }

    /// <summary>
    /// A host function from a typed delegate (4 parameter(s), one result); int, long, float, double and object map to
    /// i32, i64, f32, f64 and externref (any .NET object, or null for ref.null). WAMR calls it with no allocation (an
    /// object already known to the store included). An exception it throws becomes a trap.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double or object.</exception>
    public static Func FromCallback<T1, T2, T3, T4, TResult>(Store store, System.Func<T1, T2, T3, T4, TResult> callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        var type = FuncType.Of([HostFunction.KindOf<T1>(), HostFunction.KindOf<T2>(), HostFunction.KindOf<T3>(), HostFunction.KindOf<T4>()], [HostFunction.KindOf<TResult>()]);
        return FromHost(store, new TypedHostFunction4<T1, T2, T3, T4, TResult>(store, type, callback));
    }

    /// <summary>
    /// A host function from a typed delegate (4 parameter(s), no result); int, long, float, double and object map to
    /// i32, i64, f32, f64 and externref (any .NET object, or null for ref.null). WAMR calls it with no allocation (an
    /// object already known to the store included). An exception it throws becomes a trap.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double or object.</exception>
    public static Func FromCallback<T1, T2, T3, T4>(Store store, Action<T1, T2, T3, T4> callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        var type = FuncType.Of([HostFunction.KindOf<T1>(), HostFunction.KindOf<T2>(), HostFunction.KindOf<T3>(), HostFunction.KindOf<T4>()], []);
        return FromHost(store, new TypedHostAction4<T1, T2, T3, T4>(store, type, callback));
    }

    /// <summary>
    /// A host function from a typed delegate (5 parameter(s), one result); int, long, float, double and object map to
    /// i32, i64, f32, f64 and externref (any .NET object, or null for ref.null). WAMR calls it with no allocation (an
    /// object already known to the store included). An exception it throws becomes a trap.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double or object.</exception>
    public static Func FromCallback<T1, T2, T3, T4, T5, TResult>(Store store, System.Func<T1, T2, T3, T4, T5, TResult> callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        var type = FuncType.Of([HostFunction.KindOf<T1>(), HostFunction.KindOf<T2>(), HostFunction.KindOf<T3>(), HostFunction.KindOf<T4>(), HostFunction.KindOf<T5>()], [HostFunction.KindOf<TResult>()]);
        return FromHost(store, new TypedHostFunction5<T1, T2, T3, T4, T5, TResult>(store, type, callback));
    }

    /// <summary>
    /// A host function from a typed delegate (5 parameter(s), no result); int, long, float, double and object map to
    /// i32, i64, f32, f64 and externref (any .NET object, or null for ref.null). WAMR calls it with no allocation (an
    /// object already known to the store included). An exception it throws becomes a trap.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double or object.</exception>
    public static Func FromCallback<T1, T2, T3, T4, T5>(Store store, Action<T1, T2, T3, T4, T5> callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        var type = FuncType.Of([HostFunction.KindOf<T1>(), HostFunction.KindOf<T2>(), HostFunction.KindOf<T3>(), HostFunction.KindOf<T4>(), HostFunction.KindOf<T5>()], []);
        return FromHost(store, new TypedHostAction5<T1, T2, T3, T4, T5>(store, type, callback));
    }

    /// <summary>
    /// A host function from a typed delegate (6 parameter(s), one result); int, long, float, double and object map to
    /// i32, i64, f32, f64 and externref (any .NET object, or null for ref.null). WAMR calls it with no allocation (an
    /// object already known to the store included). An exception it throws becomes a trap.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double or object.</exception>
    public static Func FromCallback<T1, T2, T3, T4, T5, T6, TResult>(Store store, System.Func<T1, T2, T3, T4, T5, T6, TResult> callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        var type = FuncType.Of([HostFunction.KindOf<T1>(), HostFunction.KindOf<T2>(), HostFunction.KindOf<T3>(), HostFunction.KindOf<T4>(), HostFunction.KindOf<T5>(), HostFunction.KindOf<T6>()], [HostFunction.KindOf<TResult>()]);
        return FromHost(store, new TypedHostFunction6<T1, T2, T3, T4, T5, T6, TResult>(store, type, callback));
    }

    /// <summary>
    /// A host function from a typed delegate (6 parameter(s), no result); int, long, float, double and object map to
    /// i32, i64, f32, f64 and externref (any .NET object, or null for ref.null). WAMR calls it with no allocation (an
    /// object already known to the store included). An exception it throws becomes a trap.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float, double or object.</exception>
    public static Func FromCallback<T1, T2, T3, T4, T5, T6>(Store store, Action<T1, T2, T3, T4, T5, T6> callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        var type = FuncType.Of([HostFunction.KindOf<T1>(), HostFunction.KindOf<T2>(), HostFunction.KindOf<T3>(), HostFunction.KindOf<T4>(), HostFunction.KindOf<T5>(), HostFunction.KindOf<T6>()], []);
        return FromHost(store, new TypedHostAction6<T1, T2, T3, T4, T5, T6>(store, type, callback));
    }

    /// <summary>Checks a typed delegate's kinds against the function's type; returns whether they include a reference
    /// (such delegates call through <see cref="Call(Val[])"/>, which converts references).</summary>
    private bool CheckSignature(ReadOnlySpan<ValKind> parameters, ReadOnlySpan<ValKind> results)
    {
        ThrowIfNotCallable();
        bool same = parameters.Length == _type.Parameters.Count && results.Length == _type.Results.Count;
        for (int i = 0; same && i < parameters.Length; i++)
        {
            same = parameters[i] == _type.Parameters[i].Kind;
        }

        for (int i = 0; same && i < results.Length; i++)
        {
            same = results[i] == _type.Results[i].Kind;
        }

        if (!same)
        {
            throw new InvalidOperationException($"{this} does not have the delegate's type {FuncType.Of(parameters, results)}.");
        }

        foreach (ValKind kind in parameters)
        {
            if (kind is ValKind.ExternRef or ValKind.FuncRef)
            {
                return true;
            }
        }

        foreach (ValKind kind in results)
        {
            if (kind is ValKind.ExternRef or ValKind.FuncRef)
            {
                return true;
            }
        }

        return false;
    }
}
