using System;
using System.Buffers;
using System.Runtime.CompilerServices;

using Wamr.Interop;

namespace Wamr;

/// <summary>A host function backed by a <see cref="HostCallback"/>: arguments and results as <see cref="Val"/>s.</summary>
/// <remarks>
/// WAMR calls <see cref="Invoke"/> for every call from wasm, so it is kept lean: a function with no parameters and no
/// results calls the callback with empty spans; up to <see cref="SmallValBuffer.Capacity"/> values, then up to
/// <see cref="ValBuffer.Capacity"/>, live in a stack buffer of that size (no try/finally, no pool); only larger calls rent
/// an array. (Measured: zeroing the larger buffer on every call cost about 4 ns.)
/// </remarks>
internal sealed unsafe class UntypedHostFunction : HostFunction
{
    private readonly HostCallback _callback;
    private readonly int _parameterCount;
    private readonly ValKind[] _resultKinds;
    private readonly Val[] _resultDefaults;
    private readonly bool _zeroIsDefault;

    internal UntypedHostFunction(Store owner, FuncType type, HostCallback callback)
        : base(owner, type)
    {
        _callback = callback;
        _parameterCount = type.Parameters.Count;
        _resultKinds = new ValKind[type.Results.Count];
        for (int i = 0; i < _resultKinds.Length; i++)
        {
            _resultKinds[i] = type.Results[i].Kind;
        }

        _resultDefaults = Array.ConvertAll(_resultKinds, Val.Default);

        // default(Val) is (i32.const 0): a zeroed buffer already holds the defaults of i32 results.
        _zeroIsDefault = Array.TrueForAll(_resultDefaults, d => d == default);
    }

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        int total = _parameterCount + _resultKinds.Length;
        if (total == 0)
        {
            _callback(default, default);
            return null;
        }

        return total <= SmallValBuffer.Capacity ? InvokeOnSmallStack(arguments, results)
            : total <= ValBuffer.Capacity ? InvokeOnStack(arguments, results)
            : InvokeRented(arguments, results, total);
    }

    internal override void InvokeManaged(ReadOnlySpan<Val> arguments, Span<Val> results) => Run(arguments, results, zeroed: false);

    [MethodImpl(MethodImplOptions.NoInlining)] // its buffer must not join the caller's frame (zeroed on every call)
    private wasm_trap_t* InvokeOnSmallStack(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        SmallValBuffer stack = default;
        Exchange(arguments, results, (Span<Val>)stack, zeroed: true);
        return null;
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // its buffer must not join the caller's frame (zeroed on every call)
    private wasm_trap_t* InvokeOnStack(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        ValBuffer stack = default;
        Exchange(arguments, results, (Span<Val>)stack, zeroed: true);
        return null;
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // rare: kept out of Invoke's frame
    private wasm_trap_t* InvokeRented(wasm_val_vec_t* arguments, wasm_val_vec_t* results, int total)
    {
        Val[] rented = ArrayPool<Val>.Shared.Rent(total);
        try
        {
            // Anyone may return a Val[] to the shared pool without clearing it: preset the results.
            Exchange(arguments, results, rented, zeroed: false);
            return null;
        }
        finally
        {
            ArrayPool<Val>.Shared.Return(rented, clearArray: true);
        }
    }

    /// <summary>Reads WAMR's arguments into <paramref name="buffer"/>, runs the callback, writes the results back.</summary>
    /// <param name="arguments">WAMR's arguments.</param>
    /// <param name="results">WAMR's results.</param>
    /// <param name="buffer">Room for the arguments, then the results.</param>
    /// <param name="zeroed">Whether <paramref name="buffer"/> is known to be all <c>default</c> (fresh stack memory).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Exchange(wasm_val_vec_t* arguments, wasm_val_vec_t* results, Span<Val> buffer, bool zeroed)
    {
        int parameterCount = _parameterCount;
        int resultCount = _resultKinds.Length;
        wasm_val_t* argumentData = arguments->data;
        for (int i = 0; i < parameterCount; i++)
        {
            buffer[i] = FromNative(&argumentData[i]);
        }

        Span<Val> resultSpan = buffer.Slice(parameterCount, resultCount);
        Run(buffer[..parameterCount], resultSpan, zeroed);
        wasm_val_t* resultData = results->data;
        for (int i = 0; i < resultSpan.Length; i++)
        {
            resultData[i] = ToNativeResult(resultSpan[i]);
        }
    }

    /// <summary>Presets the results to their kinds' zero values (unless <paramref name="zeroed"/> and all are i32), runs
    /// the callback, checks what it wrote.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Run(ReadOnlySpan<Val> arguments, Span<Val> results, bool zeroed)
    {
        ValKind[] kinds = _resultKinds;
        Val[] defaults = _resultDefaults;
        results = results[..defaults.Length];
        if (!zeroed || !_zeroIsDefault)
        {
            for (int i = 0; i < results.Length; i++)
            {
                results[i] = defaults[i];
            }
        }

        _callback(arguments, results);
        for (int i = 0; i < results.Length; i++)
        {
            if (results[i].Kind != kinds[i])
            {
                throw WrongResult(results[i], i);
            }
        }
    }

    private InvalidOperationException WrongResult(Val value, int index) => new(
        $"The host callback wrote {value} as result {index}, but the function type {Type} needs {Type.Results[index]}.");
}
