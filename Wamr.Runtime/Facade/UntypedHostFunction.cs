using System;
using System.Buffers;

using Wamr.Interop;

namespace Wamr;

/// <summary>A host function backed by a <see cref="HostCallback"/>: arguments and results as <see cref="Val"/>s.</summary>
internal sealed unsafe class UntypedHostFunction : HostFunction
{
    private readonly HostCallback _callback;
    private readonly int _parameterCount;
    private readonly ValKind[] _resultKinds;

    internal UntypedHostFunction(StoreCore core, FuncType type, HostCallback callback)
        : base(core, type)
    {
        _callback = callback;
        _parameterCount = type.Parameters.Count;
        _resultKinds = new ValKind[type.Results.Count];
        for (int i = 0; i < _resultKinds.Length; i++)
        {
            _resultKinds[i] = type.Results[i].Kind;
        }
    }

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        int parameterCount = _parameterCount;
        int resultCount = _resultKinds.Length;
        int total = parameterCount + resultCount;

        // Small calls (the usual case) keep their values on the stack; larger ones rent an array.
        ValBuffer stack = default;
        Val[]? rented = total > ValBuffer.Capacity ? ArrayPool<Val>.Shared.Rent(total) : null;
        Span<Val> buffer = rented is null ? ((Span<Val>)stack)[..total] : rented.AsSpan(0, total);
        try
        {
            for (int i = 0; i < parameterCount; i++)
            {
                buffer[i] = Val.FromNative(&arguments->data[i]);
            }

            Span<Val> resultSpan = buffer.Slice(parameterCount, resultCount);
            InvokeManaged(buffer[..parameterCount], resultSpan);
            for (int i = 0; i < resultCount; i++)
            {
                results->data[i] = resultSpan[i].ToNative();
            }

            return null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<Val>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    internal override void InvokeManaged(ReadOnlySpan<Val> arguments, Span<Val> results)
    {
        ValKind[] kinds = _resultKinds;
        for (int i = 0; i < results.Length && i < kinds.Length; i++)
        {
            results[i] = Val.Default(kinds[i]);
        }

        _callback(arguments, results[..kinds.Length]);
        for (int i = 0; i < kinds.Length; i++)
        {
            if (results[i].Kind != kinds[i])
            {
                throw new InvalidOperationException(
                    $"The host callback wrote {results[i]} as result {i}, but the function type {Type} needs {Type.Results[i]}.");
            }
        }
    }
}
