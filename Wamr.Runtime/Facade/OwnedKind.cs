namespace Wamr;

/// <summary>The kinds of native objects a store's core deletes before it deletes the store.</summary>
internal enum OwnedKind
{
    /// <summary>A <c>wasm_func_t*</c> (a host function, or a copy WAMR handed out): <c>wasm_func_delete</c>.</summary>
    Func,

    /// <summary>A <c>wasm_global_t*</c>: <c>wasm_global_delete</c>.</summary>
    Global,

    /// <summary>A <c>wasm_ref_t*</c>: <c>wasm_ref_delete</c>.</summary>
    Ref,

    /// <summary>A <c>wasm_extern_vec_t*</c> in façade-allocated memory: <c>wasm_extern_vec_delete</c>, then freed.</summary>
    ExternVector,
}
