/*
 * Wamr for .NET engine extension: what WAMR 1.1.2's wasm-c-api cannot reach on its own.
 *
 * Compiled into libiwasm together with WAMR's source (native/CMakeLists.txt) and bound by
 * Wamr.SourceGen like WAMR's own headers (class Wamr.Interop.WamrExt). A libiwasm built elsewhere
 * lacks these symbols; the .NET side detects that once, at load, and raises NotSupportedException
 * for the features that need them.
 *
 * Written for exactly one WAMR version (WAMR_EXT_WAMR_VERSION); wamr_ext.c refuses to compile
 * against any other.
 */
#ifndef WAMR_EXT_H
#define WAMR_EXT_H

#include "wasm_c_api.h"
#include "wasm_export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this extension's C interface; bumped on every incompatible change. */
#define WAMR_EXT_ABI_VERSION 1

/* The WAMR release the extension was written for, as major * 10000 + minor * 100 + patch. */
#define WAMR_EXT_WAMR_VERSION 10102

/* Returns WAMR_EXT_ABI_VERSION of the library actually loaded. */
WASM_API_EXTERN uint32_t
wamr_ext_abi_version(void);

/* Returns WAMR_EXT_WAMR_VERSION of the WAMR source the library was compiled from. */
WASM_API_EXTERN uint32_t
wamr_ext_wamr_version(void);

/*
 * The native module instance behind a wasm-c-api instance (what wasm_export.h's functions take),
 * or NULL when instance is NULL.
 */
WASM_API_EXTERN wasm_module_inst_t
wamr_ext_instance_module_inst(const wasm_instance_t *instance);


/* ---- Fast calls and references -------------------------------------------------------------
 *
 * wasm_func_call converts every value through wasm_val_t and crashes on funcref/externref. These
 * functions let a caller use the engine's own entry, wasm_runtime_call_wasm (wasm_export.h), on the
 * instance's exec env singleton (the one wasm_func_call uses), with WAMR's cell convention:
 * i32/f32 and funcref take one uint32 cell, i64/f64 two, externref one host pointer
 * (sizeof(void *) / 4 cells; (void *)UINTPTR_MAX is ref.null); results overwrite the cells.
 * A funcref cell holds a function index of the called instance, 0xFFFFFFFF for ref.null.
 */

/*
 * Resolves a wasm-c-api function of an instance for wasm_runtime_call_wasm. Returns false (and
 * writes nothing) for NULL or a function that belongs to no instance (a host function not linked).
 * Otherwise writes the native module instance, the function's index in it (what a funcref cell
 * holds) and the runtime function instance, which is NULL when the runtime has none to call
 * directly (an imported function, or an AOT function the module does not export); any out
 * pointer may be NULL.
 */
WASM_API_EXTERN bool
wamr_ext_func_target(const wasm_func_t *func, wasm_module_inst_t *module_inst,
                     uint32_t *func_index, wasm_function_inst_t *function);

/*
 * How many of module_inst's functions are imports (they come first in its function index space), or
 * 0 for NULL. wasm_func_call cannot call a function the runtime has no instance for unless it is an
 * import: for an AOT function the module does not export it crashes (strlen(NULL) building its trap).
 */
WASM_API_EXTERN uint32_t
wamr_ext_import_func_count(wasm_module_inst_t module_inst);

/*
 * A new wasm-c-api function for function func_index of module_inst (a funcref cell's value),
 * owned by the caller (wasm_func_delete), belonging to store. NULL when an argument is NULL or
 * func_index is not a function of module_inst (or above 65535, which the C API cannot hold).
 */
WASM_API_EXTERN wasm_func_t *
wamr_ext_func_new(wasm_store_t *store, wasm_module_inst_t module_inst,
                  uint32_t func_index);

/*
 * After wasm_runtime_call_wasm returned false: the instance's exception as a trap (message and
 * frames, as wasm_func_call builds it; a stated message when WAMR set no exception), owned by the
 * caller. Clears the exception so that the instance can be called again. NULL when an argument is
 * NULL.
 */
WASM_API_EXTERN wasm_trap_t *
wamr_ext_take_trap(wasm_store_t *store, wasm_module_inst_t module_inst);

/*
 * The procedural fast call: calls func with cells in the convention above, on its instance's exec
 * env singleton, using the function's runtime type. cell_count is the capacity of cells; it must
 * hold both the parameters and the results (wamr_ext_func_cell_count). A NULL externref parameter
 * is passed as ref.null. Returns true on success, the results in cells. Returns false when the
 * function trapped, or cannot be called this way (NULL, a host function, an import, too few cells:
 * nothing is called then); *trap (when trap is not NULL) then receives a trap owned by the caller
 * saying which (NULL only when func is NULL). After a call that trapped, the instance's exception is cleared.
 */
WASM_API_EXTERN bool
wamr_ext_func_call(const wasm_func_t *func, uint32_t *cells, uint32_t cell_count, wasm_trap_t **trap);

/*
 * How many cells wamr_ext_func_call needs for func (the larger of its parameters' and results'),
 * or 0 when it cannot call func.
 */
WASM_API_EXTERN uint32_t
wamr_ext_func_cell_count(const wasm_func_t *func);

#ifdef __cplusplus
}
#endif

#endif /* WAMR_EXT_H */
