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

/* ==== Interruption ==============================================================================
 *
 * Stops a call that is running on another thread. Every call into an instance (wasm_func_call, and
 * wasm_runtime_call_wasm on the same exec env) runs on the instance's exec env singleton
 * (wasm_runtime_get_exec_env_singleton), including calls nested inside host functions. With
 * WAMR_BUILD_THREAD_MGR=1 the interpreter tests that exec env's terminate flag (bit 0 of
 * suspend_flags) at every br, br_if, br_table, call and call_indirect and returns when it is set;
 * AOT code tests it too when it was compiled with thread-manager checks. The functions below set
 * the instance's exception first, so that the abandoned call reports a trap instead of returning
 * garbage results, then raise the flag.
 *
 * A raised flag stays raised: every later call on the instance stops at its first branch or call
 * until wamr_ext_instance_clear_interrupt lowers it. A call in progress that has no branch or call
 * left runs to its end (its caller must check wamr_ext_instance_is_interrupted, or keep its own
 * record of the interrupt, to tell).
 */

/*
 * Creates the instance's exec env singleton now, on the calling thread, so that
 * wamr_ext_instance_interrupt never has to create it from another thread. Call it once on the
 * thread that uses the instance, before interrupting it (WAMR 1.1.2's wasm_instance_new creates it
 * already; this keeps the extension independent of that). Returns false when instance is NULL or
 * the exec env cannot be created.
 */
WASM_API_EXTERN bool
wamr_ext_instance_prepare_interrupt(wasm_instance_t *instance);

/*
 * Asks the call running on the instance (if any) to stop: sets the instance's exception to
 * message ("interrupted" when message is NULL; WAMR prefixes "Exception: ") and raises the
 * terminate flag of its exec env singleton. Safe to call from any thread while a call runs.
 * Returns false (and does nothing) when instance is NULL or was not prepared with
 * wamr_ext_instance_prepare_interrupt.
 */
WASM_API_EXTERN bool
wamr_ext_instance_interrupt(wasm_instance_t *instance, const char *message);

/*
 * Lowers the terminate flag raised by wamr_ext_instance_interrupt and clears the instance's
 * exception, so that the next call runs normally. Call it on the thread that uses the instance,
 * when no call is running on it. Returns false when instance is NULL or was not prepared.
 */
WASM_API_EXTERN bool
wamr_ext_instance_clear_interrupt(wasm_instance_t *instance);

/*
 * Whether the instance's terminate flag is raised. False when instance is NULL or was not
 * prepared. Safe from any thread.
 */
WASM_API_EXTERN bool
wamr_ext_instance_is_interrupted(const wasm_instance_t *instance);

/* ---- WASI (issue 10, item 2) --------------------------------------------------------------------
 * WAMR 1.1.2 configures WASI per module (wasm_runtime_set_wasi_args_ex) and ignores map_dir_list, takes
 * ownership of the stdio descriptors it is given in ways a caller cannot tell apart on failure, and turns
 * proc_exit into a normal return. These functions complete a freshly instantiated WASI instance instead,
 * before any of its code runs. Errors are POSIX errno values (0: success). */

/* The trap message of proc_exit once wamr_ext_wasi_install_exit_hook has run; the exit code is then
 * wasm_runtime_get_wasi_exit_code(module_inst). */
#define WAMR_EXT_WASI_EXIT_MESSAGE "wasi proc_exit"

/*
 * Makes wasi_snapshot_preview1::proc_exit and wasi_unstable::proc_exit (for modules loaded from now on)
 * store the exit code and trap with WAMR_EXT_WASI_EXIT_MESSAGE, instead of WAMR's own proc_exit, after
 * which the call returns as if the function had returned normally. Idempotent; call while the runtime
 * exists (with an engine alive) and no module is being loaded. Returns false if WAMR refused to register it.
 */
WASM_API_EXTERN bool
wamr_ext_wasi_install_exit_hook(void);

/*
 * Connects WASI descriptor wasi_fd (0, 1 or 2) of a WASI instance to a duplicate of host_fd (the caller
 * keeps host_fd and closes it as usual). The instance owns the duplicate from then on: WAMR closes it
 * when the instance is destroyed or the guest closes the descriptor. On error nothing changes.
 * EINVAL: module_inst is NULL, wasi_fd > 2 or host_fd < 0; ENOTSUP: the instance's module does not import WASI;
 * EBADF: host_fd is not open; ENOMEM: WAMR could not insert it.
 */
WASM_API_EXTERN int32_t
wamr_ext_wasi_set_stdio(wasm_module_inst_t module_inst, uint32_t wasi_fd, int32_t host_fd);

/*
 * Preopens host_path (a directory) as WASI descriptor wasi_fd (3 or more, unused), visible to the guest
 * as guest_path (which may differ from host_path). Descriptors must be added in order, 3, 4, ...:
 * WASI programs look for preopened directories from descriptor 3 up to the first missing one.
 * EINVAL: a NULL or empty argument, or wasi_fd < 3; ENOTSUP: the instance's module does not import WASI;
 * EEXIST: wasi_fd is in use; otherwise the errno of realpath/open (ENOENT, ENOTDIR, EACCES, ...).
 */
WASM_API_EXTERN int32_t
wamr_ext_wasi_preopen(wasm_module_inst_t module_inst, uint32_t wasi_fd, const char *host_path,
                      const char *guest_path);

/* ---- Ahead-of-time compilation (issue 11) ------------------------------------------------------ */

/* Bits of wamr_ext_build_features(): the WASM_ENABLE_* choices libiwasm was built with. Precompiled
   modules are checked against them before WAMR's AOT loader sees a byte (the same values as
   wamrc_ext.h's WAMRC_EXT_FEATURE_* for the flags both libraries have). */
#define WAMR_EXT_FEATURE_BULK_MEMORY 1
#define WAMR_EXT_FEATURE_REF_TYPES 2
#define WAMR_EXT_FEATURE_THREAD_MGR 4
#define WAMR_EXT_FEATURE_DUMP_CALL_STACK 8
#define WAMR_EXT_FEATURE_SIMD 16
#define WAMR_EXT_FEATURE_TAIL_CALL 32
#define WAMR_EXT_FEATURE_SHARED_MEMORY 64
#define WAMR_EXT_FEATURE_AOT 128
#define WAMR_EXT_FEATURE_HW_BOUND_CHECK 256
#define WAMR_EXT_FEATURE_INTERP 512

/* Returns the WAMR_EXT_FEATURE_* bits of the loaded libiwasm. */
WASM_API_EXTERN uint32_t
wamr_ext_build_features(void);

/* ---- Deferred start functions ------------------------------------------------------------------ */

/*
 * WAMR 1.1.2 runs a module's start function inside instantiation, before wasm_instance_new binds the host
 * functions it was given (a start function that calls an import crashes the process) and on an exec env
 * nobody can interrupt. This takes the start function away from a module loaded from a WebAssembly
 * binary (after WAMR's loader validated it: an index of a [] -> [] function), so that the caller runs it
 * after instantiation, like any function. Applies to every later instantiation of the module, including
 * modules obtained from it by sharing. Returns true and the function's index (imports first) if the
 * module had a start function; false for a module without one (or whose start was already taken), for a
 * precompiled module, or for NULL.
 */
WASM_API_EXTERN bool
wamr_ext_module_take_start(wasm_module_t *module, uint32_t *func_index);

/* ---- WASI together with host imports ------------------------------------------------------------- */

/*
 * WAMR 1.1.2's wasm_instance_new links every function import from the given host functions, or none:
 * an instance whose WASI imports WAMR's own WASI provides cannot also have host imports. These two
 * functions let the caller link placeholders for the natively linked imports and then put the native
 * ones back, for modules loaded from a WebAssembly binary:
 *
 * wamr_ext_module_native_imports writes, for each of the module's count function imports (count must be
 * its function import count), the native function WAMR's loader linked it to (WASI's, from WAMR's
 * registered natives), or NULL when the import is not natively linked. Returns false (writing nothing)
 * for NULL, a precompiled module or a wrong count.
 *
 * wamr_ext_instance_relink_native_imports, after wasm_instance_new linked host functions for every
 * import, makes each import i with linked[i] != NULL call linked[i] natively again, in this instance and
 * in the module (WAMR keeps the calling convention of an import in the module, shared by its instances:
 * the caller must not mix instances that link those imports natively and from host functions). linked
 * must come from wamr_ext_module_native_imports of the same module. Returns false (changing nothing) for
 * NULL, a precompiled instance or a wrong count.
 */
WASM_API_EXTERN bool
wamr_ext_module_native_imports(wasm_module_t *module, void **linked, uint32_t count);

WASM_API_EXTERN bool
wamr_ext_instance_relink_native_imports(wasm_instance_t *instance, void *const *linked, uint32_t count);

/* ---- Direct calls ------------------------------------------------------------------------------ */

/*
 * Calls function like wasm_runtime_call_wasm (same cells, same results, same exception on failure), with less
 * work per call where that work cannot matter: no exec env validation (exec_env must be one WAMR made, like
 * the instance's singleton), no argument conversion unless the function has externref parameters or results
 * (then it is wasm_runtime_call_wasm), and the thread's stack boundary is looked up only when exec_env was last
 * used on another thread. argc must be the function's parameter cell count (false, with an exception set,
 * otherwise). Returns false if the call trapped (the exception is set on the module instance). Precompiled
 * functions go through wasm_runtime_call_wasm.
 */
WASM_API_EXTERN bool
wamr_ext_call_direct(wasm_exec_env_t exec_env, wasm_function_inst_t function, uint32_t argc, uint32_t *argv);

#ifdef __cplusplus
}
#endif

#endif /* WAMR_EXT_H */
