using System;
using System.Buffers;

using Wamr.Interop;

namespace Wamr;

/// <summary>A host function backed by a <see cref="HostCallback"/>: arguments and results as <see cref="Val"/>s.</summary>
internal sealed unsafe class UntypedHostFunction : HostFunction
{
    private readonly HostCallback _callback;

    internal UntypedHostFunction(StoreCore core, FuncType type, HostCallback callback)
        : base(core, type) => _callback = callback;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        int parameterCount = Type.Parameters.Count;
        int resultCount = Type.Results.Count;
        Val[] buffer = ArrayPool<Val>.Shared.Rent(parameterCount + resultCount);
        try
        {
            for (int i = 0; i < parameterCount; i++)
            {
                buffer[i] = Val.FromNative(&arguments->data[i]);
            }

            Span<Val> resultSpan = buffer.AsSpan(parameterCount, resultCount);
            resultSpan.Clear();
            InvokeManaged(buffer.AsSpan(0, parameterCount), resultSpan);
            for (int i = 0; i < resultCount; i++)
            {
                results->data[i] = resultSpan[i].ToNative();
            }

            return null;
        }
        finally
        {
            ArrayPool<Val>.Shared.Return(buffer, clearArray: true);
        }
    }

    internal override void InvokeManaged(ReadOnlySpan<Val> arguments, Span<Val> results)
    {
        for (int i = 0; i < results.Length && i < Type.Results.Count; i++)
        {
            results[i] = Val.Default(Type.Results[i].Kind);
        }

        _callback(arguments, results[..Type.Results.Count]);
        for (int i = 0; i < Type.Results.Count; i++)
        {
            if (results[i].Kind != Type.Results[i].Kind)
            {
                throw new InvalidOperationException(
                    $"The host callback wrote {results[i]} as result {i}, but the function type {Type} needs {Type.Results[i]}.");
            }
        }
    }
}
