using System.Globalization;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>One frame of a trap's backtrace (<c>wasm_frame_t</c>), read when the trap is converted.</summary>
public sealed class Frame
{
    internal Frame(uint functionIndex, ulong functionOffset, ulong moduleOffset, Instance? instance)
    {
        FunctionIndex = functionIndex;
        FunctionOffset = functionOffset;
        ModuleOffset = moduleOffset;
        Instance = instance;
        if (instance is not null)
        {
            FunctionName = instance.Module.Binary.FunctionName(functionIndex);
            ExportName = instance.Module.Binary.ExportNameOfFunction(functionIndex);
        }
    }

    /// <summary>The function's index in its module (imports count first).</summary>
    public uint FunctionIndex { get; }

    /// <summary>The offset WAMR reports within the function (with the fast interpreter, an offset in WAMR's own compiled
    /// code for the function, not in the module's bytes).</summary>
    public ulong FunctionOffset { get; }

    /// <summary>The offset within the module binary, as WAMR reports it (WAMR 1.1.2's interpreter reports 0).</summary>
    public ulong ModuleOffset { get; }

    /// <summary>The instance the frame ran in, when it belongs to this store's façade objects.</summary>
    public Instance? Instance { get; }

    /// <summary>The function's name from the module's <c>name</c> section, when it has one.</summary>
    public string? FunctionName { get; }

    /// <summary>A name the module exports the function under, when it exports it.</summary>
    public string? ExportName { get; }

    /// <summary>E.g. <c>func 1 "inner" (export "trap") @ 0x8</c>.</summary>
    public override string ToString()
    {
        string text = "func " + FunctionIndex.ToString(CultureInfo.InvariantCulture);
        if (FunctionName is not null)
        {
            text += " " + NativeText.Quote(FunctionName);
        }

        if (ExportName is not null)
        {
            text += " (export " + NativeText.Quote(ExportName) + ")";
        }

        return text + " @ 0x" + FunctionOffset.ToString("x", CultureInfo.InvariantCulture);
    }

    internal static unsafe Frame FromNative(wasm_frame_t* frame, Store? store) =>
        new(wasm_frame_func_index(frame), wasm_frame_func_offset(frame), wasm_frame_module_offset(frame),
            store?.FindInstance(wasm_frame_instance(frame)));
}
