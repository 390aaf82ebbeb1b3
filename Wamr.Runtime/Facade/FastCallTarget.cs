using System;

using Wamr.Interop;

using static Wamr.Interop.WamrApi;
using static Wamr.Interop.WamrExt;

namespace Wamr;

/// <summary>
/// What the engine extension resolved for one function of an instance, once: its native module instance, its index there
/// (what a <c>funcref</c> holds), and, when the runtime can call it directly, the runtime function, the instance's exec env
/// singleton (the one <c>wasm_func_call</c> uses, so that interruption reaches every path) and the runtime's own type, in
/// <c>wasm_runtime_call_wasm</c>'s cells.
/// </summary>
internal sealed unsafe class FastCallTarget
{
    /// <summary>The pointer size in 32-bit cells: an <c>externref</c> crosses <c>wasm_runtime_call_wasm</c> as a host pointer.</summary>
    internal static readonly uint ExternRefCells = (uint)(sizeof(nint) / sizeof(uint));

    private FastCallTarget(wasm_module_inst_t moduleInst, uint index)
    {
        ModuleInst = moduleInst;
        Index = index;
        Parameters = [];
        Results = [];
    }

    /// <summary>The native module instance the function belongs to.</summary>
    internal wasm_module_inst_t ModuleInst { get; }

    /// <summary>The function's index in its instance (imports first): what a <c>funcref</c> cell holds.</summary>
    internal uint Index { get; }

    /// <summary>Whether the function is one of the instance's imports (which <c>wasm_func_call</c> can call).</summary>
    internal bool IsImport { get; private set; }

    /// <summary>Whether <see cref="Function"/> can be called with <c>wasm_runtime_call_wasm</c>.</summary>
    internal bool IsCallable => Function.Value != null;

    /// <summary>The runtime function (NULL for an import or an AOT function the module does not export).</summary>
    internal wasm_function_inst_t Function { get; private set; }

    /// <summary>The instance's exec env singleton.</summary>
    internal wasm_exec_env_t ExecEnv { get; private set; }

    /// <summary>The runtime's parameter kinds.</summary>
    internal ValKind[] Parameters { get; private set; }

    /// <summary>The runtime's result kinds.</summary>
    internal ValKind[] Results { get; private set; }

    /// <summary>The cells the parameters take (the <c>argc</c> of <c>wasm_runtime_call_wasm</c>).</summary>
    internal uint ParameterCells { get; private set; }

    /// <summary>The cells an argument array needs: the larger of the parameters' and the results'.</summary>
    internal int CellCount { get; private set; }

    /// <summary>Resolves a function of an instance; null when the extension is missing or the function is a host function.
    /// Call inside the store.</summary>
    internal static FastCallTarget? Resolve(wasm_func_t* native)
    {
        if (!WamrExtension.IsAvailable)
        {
            return null;
        }

        wasm_module_inst_t moduleInst;
        uint index;
        wasm_function_inst_t function;
        if (!wamr_ext_func_target(native, &moduleInst, &index, &function))
        {
            return null;
        }

        var target = new FastCallTarget(moduleInst, index) { IsImport = index < wamr_ext_import_func_count(moduleInst) };
        if (function.Value == null)
        {
            return target;
        }

        target.Parameters = Kinds(wasm_func_get_param_count(function, moduleInst), function, moduleInst, parameters: true);
        target.Results = Kinds(wasm_func_get_result_count(function, moduleInst), function, moduleInst, parameters: false);
        uint parameterCells = Cells(target.Parameters);
        target.ParameterCells = parameterCells;
        target.CellCount = (int)Math.Max(Math.Max(parameterCells, Cells(target.Results)), 1);
        target.ExecEnv = wasm_runtime_get_exec_env_singleton(moduleInst);
        if (target.ExecEnv.Value == null)
        {
            throw new WasmException("WAMR could not create the instance's execution environment (wasm_runtime_get_exec_env_singleton returned NULL).");
        }

        target.Function = function;
        return target;
    }

    /// <summary>Whether the runtime's type is <paramref name="parameters"/> → <paramref name="results"/>.</summary>
    internal bool HasType(ValKind[] parameters, ValKind[] results) =>
        Parameters.AsSpan().SequenceEqual(parameters) && Results.AsSpan().SequenceEqual(results);

    /// <summary>The runtime's type as text, for messages.</summary>
    internal string DescribeType() => FuncType.Of(Parameters, Results).ToString();

    /// <summary>The cells one value of <paramref name="kind"/> takes.</summary>
    internal static uint CellsOf(ValKind kind) => kind switch
    {
        ValKind.I64 or ValKind.F64 => 2,
        ValKind.ExternRef => ExternRefCells,
        _ => 1,
    };

    private static uint Cells(ValKind[] kinds)
    {
        uint cells = 0;
        foreach (ValKind kind in kinds)
        {
            cells += CellsOf(kind);
        }

        return cells;
    }

    private static ValKind[] Kinds(uint count, wasm_function_inst_t function, wasm_module_inst_t moduleInst, bool parameters)
    {
        if (count == 0)
        {
            return [];
        }

        wasm_valkind_t* kinds = stackalloc wasm_valkind_t[(int)count];
        if (parameters)
        {
            wasm_func_get_param_types(function, moduleInst, kinds);
        }
        else
        {
            wasm_func_get_result_types(function, moduleInst, kinds);
        }

        var result = new ValKind[count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (ValKind)kinds[i];
        }

        return result;
    }
}
