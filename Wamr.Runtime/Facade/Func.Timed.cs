using System;

namespace Wamr;

// Typed delegates whose every call has a time limit (see Func.Call(TimeSpan, Val[]) for the untimed rules). The plain
// typed delegates stay as they are: no timer, no allocation.
public sealed unsafe partial class Func
{

    /// <summary>This function as a typed delegate with 0 parameter(s) and one result, each call of which may run at most
    /// <paramref name="timeout"/>: a call running longer is stopped and throws <see cref="CallInterruptedException"/>
    /// (<see cref="InterruptReason.Timeout"/>). Each call starts a timer (about a microsecond and a few hundred bytes).</summary>
    /// <param name="timeout">The limit of each call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <returns>The delegate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float or double, or the loaded libiwasm
    /// lacks the engine extension, or the module was precompiled without interruption checks (<see cref="Module.IsInterruptible"/>).</exception>
    public System.Func<TResult> AsFunc<TResult>(TimeSpan timeout)
    {
        System.Func<TResult> call = AsFunc<TResult>();
        PrepareTimeout(timeout, "A typed delegate with a timeout");
        return () =>
        {
            InterruptScope scope = BeginTimedCall(timeout);
            try
            {
                return call();
            }
            finally
            {
                EndTimedCall(scope);
            }
        };
    }

    /// <summary>This function as a typed delegate with 0 parameter(s) and no result, each call of which may run at most
    /// <paramref name="timeout"/>: a call running longer is stopped and throws <see cref="CallInterruptedException"/>
    /// (<see cref="InterruptReason.Timeout"/>). Each call starts a timer (about a microsecond and a few hundred bytes).</summary>
    /// <param name="timeout">The limit of each call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <returns>The delegate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float or double, or the loaded libiwasm
    /// lacks the engine extension, or the module was precompiled without interruption checks (<see cref="Module.IsInterruptible"/>).</exception>
    public Action AsAction(TimeSpan timeout)
    {
        Action call = AsAction();
        PrepareTimeout(timeout, "A typed delegate with a timeout");
        return () =>
        {
            InterruptScope scope = BeginTimedCall(timeout);
            try
            {
                call();
            }
            finally
            {
                EndTimedCall(scope);
            }
        };
    }

    /// <summary>This function as a typed delegate with 1 parameter(s) and one result, each call of which may run at most
    /// <paramref name="timeout"/>: a call running longer is stopped and throws <see cref="CallInterruptedException"/>
    /// (<see cref="InterruptReason.Timeout"/>). Each call starts a timer (about a microsecond and a few hundred bytes).</summary>
    /// <param name="timeout">The limit of each call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <returns>The delegate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float or double, or the loaded libiwasm
    /// lacks the engine extension, or the module was precompiled without interruption checks (<see cref="Module.IsInterruptible"/>).</exception>
    public System.Func<T1, TResult> AsFunc<T1, TResult>(TimeSpan timeout)
    {
        System.Func<T1, TResult> call = AsFunc<T1, TResult>();
        PrepareTimeout(timeout, "A typed delegate with a timeout");
        return (a1) =>
        {
            InterruptScope scope = BeginTimedCall(timeout);
            try
            {
                return call(a1);
            }
            finally
            {
                EndTimedCall(scope);
            }
        };
    }

    /// <summary>This function as a typed delegate with 1 parameter(s) and no result, each call of which may run at most
    /// <paramref name="timeout"/>: a call running longer is stopped and throws <see cref="CallInterruptedException"/>
    /// (<see cref="InterruptReason.Timeout"/>). Each call starts a timer (about a microsecond and a few hundred bytes).</summary>
    /// <param name="timeout">The limit of each call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <returns>The delegate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float or double, or the loaded libiwasm
    /// lacks the engine extension, or the module was precompiled without interruption checks (<see cref="Module.IsInterruptible"/>).</exception>
    public Action<T1> AsAction<T1>(TimeSpan timeout)
    {
        Action<T1> call = AsAction<T1>();
        PrepareTimeout(timeout, "A typed delegate with a timeout");
        return (a1) =>
        {
            InterruptScope scope = BeginTimedCall(timeout);
            try
            {
                call(a1);
            }
            finally
            {
                EndTimedCall(scope);
            }
        };
    }

    /// <summary>This function as a typed delegate with 2 parameter(s) and one result, each call of which may run at most
    /// <paramref name="timeout"/>: a call running longer is stopped and throws <see cref="CallInterruptedException"/>
    /// (<see cref="InterruptReason.Timeout"/>). Each call starts a timer (about a microsecond and a few hundred bytes).</summary>
    /// <param name="timeout">The limit of each call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <returns>The delegate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float or double, or the loaded libiwasm
    /// lacks the engine extension, or the module was precompiled without interruption checks (<see cref="Module.IsInterruptible"/>).</exception>
    public System.Func<T1, T2, TResult> AsFunc<T1, T2, TResult>(TimeSpan timeout)
    {
        System.Func<T1, T2, TResult> call = AsFunc<T1, T2, TResult>();
        PrepareTimeout(timeout, "A typed delegate with a timeout");
        return (a1, a2) =>
        {
            InterruptScope scope = BeginTimedCall(timeout);
            try
            {
                return call(a1, a2);
            }
            finally
            {
                EndTimedCall(scope);
            }
        };
    }

    /// <summary>This function as a typed delegate with 2 parameter(s) and no result, each call of which may run at most
    /// <paramref name="timeout"/>: a call running longer is stopped and throws <see cref="CallInterruptedException"/>
    /// (<see cref="InterruptReason.Timeout"/>). Each call starts a timer (about a microsecond and a few hundred bytes).</summary>
    /// <param name="timeout">The limit of each call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <returns>The delegate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float or double, or the loaded libiwasm
    /// lacks the engine extension, or the module was precompiled without interruption checks (<see cref="Module.IsInterruptible"/>).</exception>
    public Action<T1, T2> AsAction<T1, T2>(TimeSpan timeout)
    {
        Action<T1, T2> call = AsAction<T1, T2>();
        PrepareTimeout(timeout, "A typed delegate with a timeout");
        return (a1, a2) =>
        {
            InterruptScope scope = BeginTimedCall(timeout);
            try
            {
                call(a1, a2);
            }
            finally
            {
                EndTimedCall(scope);
            }
        };
    }

    /// <summary>This function as a typed delegate with 3 parameter(s) and one result, each call of which may run at most
    /// <paramref name="timeout"/>: a call running longer is stopped and throws <see cref="CallInterruptedException"/>
    /// (<see cref="InterruptReason.Timeout"/>). Each call starts a timer (about a microsecond and a few hundred bytes).</summary>
    /// <param name="timeout">The limit of each call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <returns>The delegate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float or double, or the loaded libiwasm
    /// lacks the engine extension, or the module was precompiled without interruption checks (<see cref="Module.IsInterruptible"/>).</exception>
    public System.Func<T1, T2, T3, TResult> AsFunc<T1, T2, T3, TResult>(TimeSpan timeout)
    {
        System.Func<T1, T2, T3, TResult> call = AsFunc<T1, T2, T3, TResult>();
        PrepareTimeout(timeout, "A typed delegate with a timeout");
        return (a1, a2, a3) =>
        {
            InterruptScope scope = BeginTimedCall(timeout);
            try
            {
                return call(a1, a2, a3);
            }
            finally
            {
                EndTimedCall(scope);
            }
        };
    }

    /// <summary>This function as a typed delegate with 3 parameter(s) and no result, each call of which may run at most
    /// <paramref name="timeout"/>: a call running longer is stopped and throws <see cref="CallInterruptedException"/>
    /// (<see cref="InterruptReason.Timeout"/>). Each call starts a timer (about a microsecond and a few hundred bytes).</summary>
    /// <param name="timeout">The limit of each call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <returns>The delegate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float or double, or the loaded libiwasm
    /// lacks the engine extension, or the module was precompiled without interruption checks (<see cref="Module.IsInterruptible"/>).</exception>
    public Action<T1, T2, T3> AsAction<T1, T2, T3>(TimeSpan timeout)
    {
        Action<T1, T2, T3> call = AsAction<T1, T2, T3>();
        PrepareTimeout(timeout, "A typed delegate with a timeout");
        return (a1, a2, a3) =>
        {
            InterruptScope scope = BeginTimedCall(timeout);
            try
            {
                call(a1, a2, a3);
            }
            finally
            {
                EndTimedCall(scope);
            }
        };
    }

    /// <summary>This function as a typed delegate with 4 parameter(s) and one result, each call of which may run at most
    /// <paramref name="timeout"/>: a call running longer is stopped and throws <see cref="CallInterruptedException"/>
    /// (<see cref="InterruptReason.Timeout"/>). Each call starts a timer (about a microsecond and a few hundred bytes).</summary>
    /// <param name="timeout">The limit of each call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <returns>The delegate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float or double, or the loaded libiwasm
    /// lacks the engine extension, or the module was precompiled without interruption checks (<see cref="Module.IsInterruptible"/>).</exception>
    public System.Func<T1, T2, T3, T4, TResult> AsFunc<T1, T2, T3, T4, TResult>(TimeSpan timeout)
    {
        System.Func<T1, T2, T3, T4, TResult> call = AsFunc<T1, T2, T3, T4, TResult>();
        PrepareTimeout(timeout, "A typed delegate with a timeout");
        return (a1, a2, a3, a4) =>
        {
            InterruptScope scope = BeginTimedCall(timeout);
            try
            {
                return call(a1, a2, a3, a4);
            }
            finally
            {
                EndTimedCall(scope);
            }
        };
    }

    /// <summary>This function as a typed delegate with 4 parameter(s) and no result, each call of which may run at most
    /// <paramref name="timeout"/>: a call running longer is stopped and throws <see cref="CallInterruptedException"/>
    /// (<see cref="InterruptReason.Timeout"/>). Each call starts a timer (about a microsecond and a few hundred bytes).</summary>
    /// <param name="timeout">The limit of each call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <returns>The delegate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float or double, or the loaded libiwasm
    /// lacks the engine extension, or the module was precompiled without interruption checks (<see cref="Module.IsInterruptible"/>).</exception>
    public Action<T1, T2, T3, T4> AsAction<T1, T2, T3, T4>(TimeSpan timeout)
    {
        Action<T1, T2, T3, T4> call = AsAction<T1, T2, T3, T4>();
        PrepareTimeout(timeout, "A typed delegate with a timeout");
        return (a1, a2, a3, a4) =>
        {
            InterruptScope scope = BeginTimedCall(timeout);
            try
            {
                call(a1, a2, a3, a4);
            }
            finally
            {
                EndTimedCall(scope);
            }
        };
    }

    /// <summary>This function as a typed delegate with 5 parameter(s) and one result, each call of which may run at most
    /// <paramref name="timeout"/>: a call running longer is stopped and throws <see cref="CallInterruptedException"/>
    /// (<see cref="InterruptReason.Timeout"/>). Each call starts a timer (about a microsecond and a few hundred bytes).</summary>
    /// <param name="timeout">The limit of each call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <returns>The delegate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float or double, or the loaded libiwasm
    /// lacks the engine extension, or the module was precompiled without interruption checks (<see cref="Module.IsInterruptible"/>).</exception>
    public System.Func<T1, T2, T3, T4, T5, TResult> AsFunc<T1, T2, T3, T4, T5, TResult>(TimeSpan timeout)
    {
        System.Func<T1, T2, T3, T4, T5, TResult> call = AsFunc<T1, T2, T3, T4, T5, TResult>();
        PrepareTimeout(timeout, "A typed delegate with a timeout");
        return (a1, a2, a3, a4, a5) =>
        {
            InterruptScope scope = BeginTimedCall(timeout);
            try
            {
                return call(a1, a2, a3, a4, a5);
            }
            finally
            {
                EndTimedCall(scope);
            }
        };
    }

    /// <summary>This function as a typed delegate with 5 parameter(s) and no result, each call of which may run at most
    /// <paramref name="timeout"/>: a call running longer is stopped and throws <see cref="CallInterruptedException"/>
    /// (<see cref="InterruptReason.Timeout"/>). Each call starts a timer (about a microsecond and a few hundred bytes).</summary>
    /// <param name="timeout">The limit of each call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <returns>The delegate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float or double, or the loaded libiwasm
    /// lacks the engine extension, or the module was precompiled without interruption checks (<see cref="Module.IsInterruptible"/>).</exception>
    public Action<T1, T2, T3, T4, T5> AsAction<T1, T2, T3, T4, T5>(TimeSpan timeout)
    {
        Action<T1, T2, T3, T4, T5> call = AsAction<T1, T2, T3, T4, T5>();
        PrepareTimeout(timeout, "A typed delegate with a timeout");
        return (a1, a2, a3, a4, a5) =>
        {
            InterruptScope scope = BeginTimedCall(timeout);
            try
            {
                call(a1, a2, a3, a4, a5);
            }
            finally
            {
                EndTimedCall(scope);
            }
        };
    }

    /// <summary>This function as a typed delegate with 6 parameter(s) and one result, each call of which may run at most
    /// <paramref name="timeout"/>: a call running longer is stopped and throws <see cref="CallInterruptedException"/>
    /// (<see cref="InterruptReason.Timeout"/>). Each call starts a timer (about a microsecond and a few hundred bytes).</summary>
    /// <param name="timeout">The limit of each call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <returns>The delegate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float or double, or the loaded libiwasm
    /// lacks the engine extension, or the module was precompiled without interruption checks (<see cref="Module.IsInterruptible"/>).</exception>
    public System.Func<T1, T2, T3, T4, T5, T6, TResult> AsFunc<T1, T2, T3, T4, T5, T6, TResult>(TimeSpan timeout)
    {
        System.Func<T1, T2, T3, T4, T5, T6, TResult> call = AsFunc<T1, T2, T3, T4, T5, T6, TResult>();
        PrepareTimeout(timeout, "A typed delegate with a timeout");
        return (a1, a2, a3, a4, a5, a6) =>
        {
            InterruptScope scope = BeginTimedCall(timeout);
            try
            {
                return call(a1, a2, a3, a4, a5, a6);
            }
            finally
            {
                EndTimedCall(scope);
            }
        };
    }

    /// <summary>This function as a typed delegate with 6 parameter(s) and no result, each call of which may run at most
    /// <paramref name="timeout"/>: a call running longer is stopped and throws <see cref="CallInterruptedException"/>
    /// (<see cref="InterruptReason.Timeout"/>). Each call starts a timer (about a microsecond and a few hundred bytes).</summary>
    /// <param name="timeout">The limit of each call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <returns>The delegate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    /// <exception cref="NotSupportedException">A type argument is not int, long, float or double, or the loaded libiwasm
    /// lacks the engine extension, or the module was precompiled without interruption checks (<see cref="Module.IsInterruptible"/>).</exception>
    public Action<T1, T2, T3, T4, T5, T6> AsAction<T1, T2, T3, T4, T5, T6>(TimeSpan timeout)
    {
        Action<T1, T2, T3, T4, T5, T6> call = AsAction<T1, T2, T3, T4, T5, T6>();
        PrepareTimeout(timeout, "A typed delegate with a timeout");
        return (a1, a2, a3, a4, a5, a6) =>
        {
            InterruptScope scope = BeginTimedCall(timeout);
            try
            {
                call(a1, a2, a3, a4, a5, a6);
            }
            finally
            {
                EndTimedCall(scope);
            }
        };
    }

    private void PrepareTimeout(TimeSpan timeout, string feature)
    {
        InterruptScope.CheckTimeout(timeout, nameof(timeout));
        RequireInterruptible(feature);
    }

    /// <summary>Throws when a timeout or cancellation could not stop this function: no engine extension, or code
    /// precompiled without interruption checks.</summary>
    private void RequireInterruptible(string feature)
    {
        WamrExtension.Require(feature);
        if (Instance is { Module.IsInterruptible: false } instance)
        {
            throw new NotSupportedException(
                $"{feature} cannot stop this function: its module was precompiled without interruption checks"
                + (instance.Module.IsPrecompiled && instance.Module.Precompiled is null ? " (a raw AOT image: its code is not described)" : "")
                + ". Compile it with AotCompilerOptions.Interruptible = true (the default) to use timeouts and cancellation.");
        }
    }

    /// <summary>Claims the store, then starts the call's timer (inside the claim, so that it can only stop this call).</summary>
    private InterruptScope BeginTimedCall(TimeSpan timeout)
    {
        Enter();
        try
        {
            return InterruptScope.After(Store.Core, timeout, "the call's timeout");
        }
        catch
        {
            Exit();
            throw;
        }
    }

    private void EndTimedCall(InterruptScope scope)
    {
        scope.Dispose();
        Exit();
    }
}
