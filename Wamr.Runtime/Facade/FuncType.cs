using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>A function's signature (<c>wasm_functype_t</c>): parameter and result types.</summary>
public sealed class FuncType : ExternType
{
    private readonly ValType[] _parameters;
    private readonly ValType[] _results;

    /// <summary>A signature with the given parameter and result types.</summary>
    /// <exception cref="ArgumentNullException">A list or one of its items is null.</exception>
    public FuncType(IEnumerable<ValType> parameters, IEnumerable<ValType> results)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(results);
        _parameters = parameters.ToArray();
        _results = results.ToArray();
        if (Array.IndexOf(_parameters, null) >= 0 || Array.IndexOf(_results, null) >= 0)
        {
            throw new ArgumentNullException(Array.IndexOf(_parameters, null) >= 0 ? nameof(parameters) : nameof(results), "a value type is null");
        }
    }

    /// <summary>A signature from value kinds: <c>FuncType.Of([ValKind.I32, ValKind.I32], [ValKind.I64])</c>.</summary>
    public static FuncType Of(ReadOnlySpan<ValKind> parameters, ReadOnlySpan<ValKind> results)
    {
        var p = new ValType[parameters.Length];
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = ValType.Of(parameters[i]);
        }

        var r = new ValType[results.Length];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = ValType.Of(results[i]);
        }

        return new FuncType(p, r);
    }

    /// <inheritdoc/>
    public override ExternKind Kind => ExternKind.Func;

    /// <summary>The parameter types, in order.</summary>
    public IReadOnlyList<ValType> Parameters => _parameters;

    /// <summary>The result types, in order.</summary>
    public IReadOnlyList<ValType> Results => _results;

    /// <summary>Whether a parameter or result is a reference (<c>funcref</c>/<c>externref</c>), which WAMR 1.1.2 cannot pass
    /// through <c>wasm_func_call</c> or a host function without crashing.</summary>
    public bool HasReferences => _parameters.Any(t => t.IsReference) || _results.Any(t => t.IsReference);

    /// <inheritdoc/>
    public override bool Equals(ExternType? other) =>
        other is FuncType f && _parameters.AsSpan().SequenceEqual(f._parameters) && _results.AsSpan().SequenceEqual(f._results);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ExternKind.Func);
        foreach (ValType t in _parameters)
        {
            hash.Add(t.Kind);
        }

        hash.Add(-1);
        foreach (ValType t in _results)
        {
            hash.Add(t.Kind);
        }

        return hash.ToHashCode();
    }

    /// <summary>As in the text format: <c>(func (param i32 i32) (result i64))</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("(func");
        if (_parameters.Length > 0)
        {
            text.Append(" (param");
            foreach (ValType t in _parameters)
            {
                text.Append(' ').Append(t);
            }

            text.Append(')');
        }

        if (_results.Length > 0)
        {
            text.Append(" (result");
            foreach (ValType t in _results)
            {
                text.Append(' ').Append(t);
            }

            text.Append(')');
        }

        return text.Append(')').ToString();
    }

    internal static unsafe FuncType FromNative(wasm_functype_t* type)
    {
        if (type == null)
        {
            throw new WasmException("WAMR returned no function type.");
        }

        return new FuncType(Read(wasm_functype_params(type)), Read(wasm_functype_results(type)));

        static ValType[] Read(wasm_valtype_vec_t* vec)
        {
            if (vec == null || vec->size == 0)
            {
                return [];
            }

            var types = new ValType[(int)vec->size];
            for (int i = 0; i < types.Length; i++)
            {
                types[i] = ValType.FromNative(vec->data[i]);
            }

            return types;
        }
    }

    /// <summary>A new native function type; the caller owns it.</summary>
    internal unsafe wasm_functype_t* ToNative()
    {
        wasm_valtype_vec_t parameters = NewVector(_parameters);
        wasm_valtype_vec_t results = NewVector(_results);
        wasm_functype_t* native = wasm_functype_new(&parameters, &results);
        if (native == null)
        {
            wasm_valtype_vec_delete(&parameters);
            wasm_valtype_vec_delete(&results);
            throw new OutOfMemoryException("wasm_functype_new returned NULL");
        }

        return native;

        static wasm_valtype_vec_t NewVector(ValType[] types)
        {
            wasm_valtype_vec_t vec;
            if (types.Length == 0)
            {
                wasm_valtype_vec_new_empty(&vec);
                return vec;
            }

            wasm_valtype_t** items = stackalloc wasm_valtype_t*[types.Length];
            for (int i = 0; i < types.Length; i++)
            {
                items[i] = types[i].ToNative();
            }

            wasm_valtype_vec_new(&vec, (nuint)types.Length, items);
            return vec;
        }
    }
}
