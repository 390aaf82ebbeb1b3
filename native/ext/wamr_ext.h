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

#ifdef __cplusplus
}
#endif

#endif /* WAMR_EXT_H */
