using System;

namespace Wamr;

// Typed lookups of exported functions: instance.GetFunction<int, int, int>("add").
public sealed partial class Instance
{
    /// <summary>The exported function <paramref name="name"/> as a typed delegate (0 parameter(s), one result), or null if there is no such function.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    public System.Func<TResult>? GetFunction<TResult>(string name) => GetFunction(name)?.AsFunc<TResult>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate (0 parameter(s), no result), or null if there is no such function.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    public Action? GetAction(string name) => GetFunction(name)?.AsAction();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate (1 parameter(s), one result), or null if there is no such function.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    public System.Func<T1, TResult>? GetFunction<T1, TResult>(string name) => GetFunction(name)?.AsFunc<T1, TResult>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate (1 parameter(s), no result), or null if there is no such function.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    public Action<T1>? GetAction<T1>(string name) => GetFunction(name)?.AsAction<T1>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate (2 parameter(s), one result), or null if there is no such function.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    public System.Func<T1, T2, TResult>? GetFunction<T1, T2, TResult>(string name) => GetFunction(name)?.AsFunc<T1, T2, TResult>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate (2 parameter(s), no result), or null if there is no such function.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    public Action<T1, T2>? GetAction<T1, T2>(string name) => GetFunction(name)?.AsAction<T1, T2>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate (3 parameter(s), one result), or null if there is no such function.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    public System.Func<T1, T2, T3, TResult>? GetFunction<T1, T2, T3, TResult>(string name) => GetFunction(name)?.AsFunc<T1, T2, T3, TResult>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate (3 parameter(s), no result), or null if there is no such function.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    public Action<T1, T2, T3>? GetAction<T1, T2, T3>(string name) => GetFunction(name)?.AsAction<T1, T2, T3>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate (4 parameter(s), one result), or null if there is no such function.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    public System.Func<T1, T2, T3, T4, TResult>? GetFunction<T1, T2, T3, T4, TResult>(string name) => GetFunction(name)?.AsFunc<T1, T2, T3, T4, TResult>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate (4 parameter(s), no result), or null if there is no such function.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    public Action<T1, T2, T3, T4>? GetAction<T1, T2, T3, T4>(string name) => GetFunction(name)?.AsAction<T1, T2, T3, T4>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate (5 parameter(s), one result), or null if there is no such function.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    public System.Func<T1, T2, T3, T4, T5, TResult>? GetFunction<T1, T2, T3, T4, T5, TResult>(string name) => GetFunction(name)?.AsFunc<T1, T2, T3, T4, T5, TResult>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate (5 parameter(s), no result), or null if there is no such function.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    public Action<T1, T2, T3, T4, T5>? GetAction<T1, T2, T3, T4, T5>(string name) => GetFunction(name)?.AsAction<T1, T2, T3, T4, T5>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate (6 parameter(s), one result), or null if there is no such function.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    public System.Func<T1, T2, T3, T4, T5, T6, TResult>? GetFunction<T1, T2, T3, T4, T5, T6, TResult>(string name) => GetFunction(name)?.AsFunc<T1, T2, T3, T4, T5, T6, TResult>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate (6 parameter(s), no result), or null if there is no such function.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The function's type is not the delegate's.</exception>
    public Action<T1, T2, T3, T4, T5, T6>? GetAction<T1, T2, T3, T4, T5, T6>(string name) => GetFunction(name)?.AsAction<T1, T2, T3, T4, T5, T6>();
}
