using System;
using System.Runtime.CompilerServices;

using Wamr.Interop;

namespace Wamr;

/// <summary>
/// The typed paths' mapping between C# and WebAssembly numbers: <see cref="int"/> ↔ <c>i32</c>, <see cref="long"/> ↔
/// <c>i64</c>, <see cref="float"/> ↔ <c>f32</c>, <see cref="double"/> ↔ <c>f64</c>. The <c>typeof</c> tests are JIT-time
/// constants for value types, so each instantiation compiles to one store or load: no boxing, no allocation.
/// </summary>
internal static unsafe class ValueConversion
{
    /// <summary>Whether <typeparamref name="T"/> maps to a WebAssembly value kind.</summary>
    internal static bool IsSupported<T>() =>
        typeof(T) == typeof(int) || typeof(T) == typeof(long) || typeof(T) == typeof(float) || typeof(T) == typeof(double);

    /// <summary>The kind <typeparamref name="T"/> maps to.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not one of the four numeric types.</exception>
    internal static ValKind KindOf<T>()
    {
        if (typeof(T) == typeof(int))
        {
            return ValKind.I32;
        }

        if (typeof(T) == typeof(long))
        {
            return ValKind.I64;
        }

        if (typeof(T) == typeof(float))
        {
            return ValKind.F32;
        }

        if (typeof(T) == typeof(double))
        {
            return ValKind.F64;
        }

        throw new NotSupportedException(
            $"{typeof(T)} has no WebAssembly value type: typed functions use int (i32), long (i64), float (f32) and double (f64)");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Write<T>(wasm_val_t* destination, T value)
    {
        if (typeof(T) == typeof(int))
        {
            destination->kind = wasm_valkind_t.WASM_I32;
            destination->of.i64 = 0;
            destination->of.i32 = Unsafe.As<T, int>(ref value);
        }
        else if (typeof(T) == typeof(long))
        {
            destination->kind = wasm_valkind_t.WASM_I64;
            destination->of.i64 = Unsafe.As<T, long>(ref value);
        }
        else if (typeof(T) == typeof(float))
        {
            destination->kind = wasm_valkind_t.WASM_F32;
            destination->of.i64 = 0;
            destination->of.f32 = Unsafe.As<T, float>(ref value);
        }
        else if (typeof(T) == typeof(double))
        {
            destination->kind = wasm_valkind_t.WASM_F64;
            destination->of.f64 = Unsafe.As<T, double>(ref value);
        }
        else
        {
            throw new NotSupportedException($"{typeof(T)} has no WebAssembly value type");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Read<T>(wasm_val_t* source)
    {
        if (typeof(T) == typeof(int))
        {
            int v = source->of.i32;
            return Unsafe.As<int, T>(ref v);
        }

        if (typeof(T) == typeof(long))
        {
            long v = source->of.i64;
            return Unsafe.As<long, T>(ref v);
        }

        if (typeof(T) == typeof(float))
        {
            float v = source->of.f32;
            return Unsafe.As<float, T>(ref v);
        }

        if (typeof(T) == typeof(double))
        {
            double v = source->of.f64;
            return Unsafe.As<double, T>(ref v);
        }

        throw new NotSupportedException($"{typeof(T)} has no WebAssembly value type");
    }

    /// <summary>How many 32-bit cells <typeparamref name="T"/> takes in <c>wasm_runtime_call_wasm</c>'s argument array
    /// (a JIT-time constant: 1 for int and float, 2 for long and double).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint CellsOf<T>() => typeof(T) == typeof(long) || typeof(T) == typeof(double) ? 2u : 1u;

    /// <summary>Writes a typed value into cells of <c>wasm_runtime_call_wasm</c>'s argument array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void WriteCells<T>(uint* destination, T value)
    {
        if (typeof(T) == typeof(int) || typeof(T) == typeof(float))
        {
            *destination = Unsafe.As<T, uint>(ref value);
        }
        else if (typeof(T) == typeof(long) || typeof(T) == typeof(double))
        {
            Unsafe.WriteUnaligned(destination, Unsafe.As<T, ulong>(ref value));
        }
        else
        {
            throw new NotSupportedException($"{typeof(T)} has no WebAssembly value type");
        }
    }

    /// <summary>Reads a typed result from the first cells of <c>wasm_runtime_call_wasm</c>'s argument array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T ReadCells<T>(uint* source)
    {
        if (typeof(T) == typeof(int) || typeof(T) == typeof(float))
        {
            uint v = *source;
            return Unsafe.As<uint, T>(ref v);
        }

        if (typeof(T) == typeof(long) || typeof(T) == typeof(double))
        {
            ulong v = Unsafe.ReadUnaligned<ulong>(source);
            return Unsafe.As<ulong, T>(ref v);
        }

        throw new NotSupportedException($"{typeof(T)} has no WebAssembly value type");
    }

    /// <summary>A typed value as a <see cref="Val"/> (boxing-free).</summary>
    internal static Val ToVal<T>(T value)
    {
        wasm_val_t native;
        Write(&native, value);
        return Val.FromNative(&native);
    }

    /// <summary>The kind a typed delegate's <typeparamref name="T"/> stands for: the numbers, <see cref="object"/> for
    /// <c>externref</c> and <see cref="Func"/> for <c>funcref</c>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is none of these.</exception>
    internal static ValKind DelegateKindOf<T>()
    {
        if (typeof(T) == typeof(object))
        {
            return ValKind.ExternRef;
        }

        if (typeof(T) == typeof(Func))
        {
            return ValKind.FuncRef;
        }

        return IsSupported<T>() ? KindOf<T>() : throw new NotSupportedException(
            $"{typeof(T)} has no WebAssembly value type: typed functions use int (i32), long (i64), float (f32), double (f64), " +
            "object (externref) and Func (funcref)");
    }

    /// <summary>A typed delegate's argument as a <see cref="Val"/> (references included).</summary>
    internal static Val ToDelegateVal<T>(T value)
    {
        if (typeof(T) == typeof(object))
        {
            return Val.ExternRef(value);
        }

        if (typeof(T) == typeof(Func))
        {
            return Val.FuncRef(Unsafe.As<T, Func?>(ref value));
        }

        return ToVal(value);
    }

    /// <summary>A <see cref="Val"/> as a typed delegate's result (references included); the caller has checked the kind.</summary>
    internal static T FromDelegateVal<T>(Val value)
    {
        if (typeof(T) == typeof(object))
        {
            object? reference = value.AsExternRef();
            return Unsafe.As<object?, T>(ref reference);
        }

        if (typeof(T) == typeof(Func))
        {
            Func? function = value.AsFunc();
            return Unsafe.As<Func?, T>(ref function);
        }

        return FromVal<T>(value);
    }

    /// <summary>A <see cref="Val"/> as a typed value; the caller has checked the kind.</summary>
    internal static T FromVal<T>(Val value)
    {
        wasm_val_t native = value.ToNative();
        return Read<T>(&native);
    }
}
