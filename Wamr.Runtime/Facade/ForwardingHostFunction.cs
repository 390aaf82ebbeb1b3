using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>
/// Lets an instance import a function another instance exports. WAMR 1.1.2 accepts such an import but fails when it is
/// called ("failed to call unlinked import function"), so the façade imports a host function that forwards WAMR's
/// argument and result vectors to the exported function with <c>wasm_func_call</c>. It refers to the target natively
/// (the store owns it), not to the <see cref="Func"/> object, so that it does not keep the store reachable.
/// </summary>
/// <remarks>Works with software bounds checks (this package's build). With hardware bounds checks WAMR allows one
/// execution environment per thread, and the forwarded call traps with "invalid exec env" instead.</remarks>
internal sealed unsafe class ForwardingHostFunction : HostFunction
{
    private readonly wasm_func_t* _target;

    internal ForwardingHostFunction(StoreCore core, FuncType type, wasm_func_t* target)
        : base(core, type) => _target = target;

    internal override wasm_trap_t* Invoke(wasm_val_vec_t* arguments, wasm_val_vec_t* results)
    {
        wasm_trap_t* trap = wasm_func_call(_target, arguments, results);
        if (trap == null && Core.IsInterrupted)
        {
            // The target was abandoned at an interrupt: its results are not real; report a trap instead.
            trap = InterruptedTrap();
        }

        if (trap != null && Core.PendingException is not null && Core.PendingDepth == Core.Depth)
        {
            // A host function further in threw: hand its exception to the .NET call one level further out.
            Core.PendingDepth = Core.Depth - 1;
        }

        if (trap != null && WamrExtension.IsAvailable)
        {
            // wasm_func_call leaves the exception set in the target's instance; the fast path expects it clear.
            wasm_module_inst_t moduleInst;
            if (WamrExt.wamr_ext_func_target(_target, &moduleInst, null, null))
            {
                WamrApi.wasm_runtime_clear_exception(moduleInst);
            }
        }

        return trap;
    }
}
