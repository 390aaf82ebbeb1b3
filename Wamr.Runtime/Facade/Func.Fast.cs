using System;

using Wamr.Interop;

using static Wamr.Interop.WamrApi;
using static Wamr.Interop.WamrExt;

namespace Wamr;

// The untyped call through the engine extension: wasm_runtime_call_wasm with the runtime's own type, references included.
public sealed unsafe partial class Func
{
    /// <summary>A funcref cell holding <c>ref.null</c> (WAMR's <c>NULL_REF</c>).</summary>
    private const uint NullFuncRef = 0xFFFFFFFF;

    /// <summary>Above this many cells the argument array goes to the heap instead of the stack.</summary>
    private const int MaxStackCells = 512;

    /// <summary>Throws when the runtime's type of the function is not the one its export declares, before any call.</summary>
    internal void ThrowIfTypeDisagrees(FastCallTarget target)
    {
        if (!target.HasType(_parameterKinds, _resultKinds))
        {
            throw new WasmException(
                $"{this} cannot be called: the runtime's type of the function is {target.DescribeType()}, not the declared {_type}.");
        }
    }

    /// <summary>Throws before the C API's path is taken for a function it would crash on: one of an instance that the
    /// runtime has no function instance for and that is not an import (an AOT function the module does not export).</summary>
    internal void ThrowIfCApiCannotCall()
    {
        if (Target is { IsCallable: false, IsImport: false })
        {
            throw new NotSupportedException(
                $"{this} cannot be called from .NET: it is a function of an AOT module that the module does not export, which " +
                "WAMR 1.1.2 keeps no callable instance of (wasm_func_call crashes on it).");
        }
    }

    /// <summary>After <c>wasm_runtime_call_wasm</c> failed, or ran while an interrupt was in force: the instance's exception
    /// as the exception <see cref="CallFailed"/> or <see cref="TakeTrap"/> makes of it (a <see cref="CallInterruptedException"/>,
    /// a <see cref="WasiExitException"/> or a <see cref="TrapException"/>); clears the exception.</summary>
    internal Exception TakeFastTrap(FastCallTarget target)
    {
        wasm_trap_t* trap = wamr_ext_take_trap(Store.Core.Native, target.ModuleInst);
        if (Store.Core.IsInterrupted)
        {
            // An interrupt was in force: the call was abandoned (or its results are not the function's).
            return CallFailed(trap);
        }

        if (trap == null)
        {
            return new TrapException(new Trap("the call failed and WAMR could not describe the trap (out of memory)", null, []), null);
        }

        return TakeTrap(trap);
    }

    private void CallFast(FastCallTarget target, ReadOnlySpan<Val> arguments, Span<Val> results)
    {
        ThrowIfTypeDisagrees(target);
        ValKind[] parameters = target.Parameters;

        // Everything that can be refused is refused before the first native call.
        for (int i = 0; i < parameters.Length; i++)
        {
            if (parameters[i] == ValKind.FuncRef)
            {
                _ = FuncRefCell(arguments[i], i);
            }
        }

        int count = target.CellCount;
        uint[]? heap = count > MaxStackCells ? new uint[count] : null;
        Span<uint> buffer = heap is null ? stackalloc uint[count] : heap;
        fixed (uint* cells = buffer)
        {
            uint at = 0;
            for (int i = 0; i < parameters.Length; i++)
            {
                ValKind kind = parameters[i];
                Val argument = arguments[i];
                switch (kind)
                {
                    case ValKind.I32:
                        cells[at] = (uint)argument.AsI32();
                        break;
                    case ValKind.F32:
                        cells[at] = BitConverter.SingleToUInt32Bits(argument.AsF32());
                        break;
                    case ValKind.I64:
                        *(ulong*)(cells + at) = (ulong)argument.AsI64();
                        break;
                    case ValKind.F64:
                        *(ulong*)(cells + at) = BitConverter.DoubleToUInt64Bits(argument.AsF64());
                        break;
                    case ValKind.FuncRef:
                        cells[at] = FuncRefCell(argument, i);
                        break;
                    case ValKind.ExternRef:
                        // wasm_runtime_call_wasm takes the host pointer and maps it to the instance's externref index;
                        // (void*)-1 is its ref.null. The pointer is the store's reference for the object, as in tables.
                        object? value = argument.AsExternRef();
                        *(nuint*)(cells + at) = value is null ? nuint.MaxValue : (nuint)Store.ForeignFor(value).Reference;
                        break;
                }

                at += FastCallTarget.CellsOf(kind);
            }

            if (!wamr_ext_call_direct(target.ExecEnv, target.Function, target.ParameterCells, cells) || Store.Core.IsInterrupted)
            {
                throw TakeFastTrap(target);
            }

            at = 0;
            ValKind[] resultKinds = target.Results;
            for (int i = 0; i < resultKinds.Length; i++)
            {
                ValKind kind = resultKinds[i];
                results[i] = kind switch
                {
                    ValKind.I32 => Val.I32((int)cells[at]),
                    ValKind.F32 => Val.F32(BitConverter.UInt32BitsToSingle(cells[at])),
                    ValKind.I64 => Val.I64(*(long*)(cells + at)),
                    ValKind.F64 => Val.F64(BitConverter.UInt64BitsToDouble(*(ulong*)(cells + at))),
                    ValKind.FuncRef => Val.FuncRef(cells[at] == NullFuncRef ? null : Instance!.FunctionFromIndex(target.ModuleInst, cells[at])),
                    _ => Val.ExternRef(ExternRefObject(*(nuint*)(cells + at))),
                };
                at += FastCallTarget.CellsOf(kind);
            }
        }
    }

    /// <summary>The cell for a funcref argument: a function of this function's instance (its index there), or null.</summary>
    private uint FuncRefCell(Val argument, int position)
    {
        if (argument.AsFunc() is not { } function)
        {
            return NullFuncRef;
        }

        if (function.IsHostFunction)
        {
            throw new NotSupportedException(
                $"Argument {position} of {this} is a host function: WAMR 1.1.2 passes a funcref as a function index of the called " +
                "instance, so only functions of that instance (or null) can be passed.");
        }

        if (function.Instance != Instance)
        {
            throw new ArgumentException(
                $"Argument {position} of {this} is a function of another instance: WAMR 1.1.2 passes a funcref as a function index " +
                "of the called instance, so only functions of that instance (or null) can be passed.", "arguments");
        }

        return function.Target?.Index
            ?? throw new WasmException($"The engine extension could not resolve {function} to a function index.");
    }

    /// <summary>The .NET object behind an externref result (the store's reference for it), or null.</summary>
    private object? ExternRefObject(nuint pointer)
    {
        if (pointer == 0)
        {
            return null;
        }

        Foreign foreign = Store.FindForeign((wasm_ref_t*)pointer)
            ?? throw new WasmException("The function returned an externref the façade did not create (set outside Wamr's classes).");
        return foreign.Value;
    }
}
