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

#ifdef __cplusplus
}
#endif

#endif /* WAMR_EXT_H */
