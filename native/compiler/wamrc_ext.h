/*
 * Wamr for .NET AOT compiler extension: what aot_export.h alone does not offer a caller outside
 * WAMR's own wamrc tool (loading a module into the compiler's private runtime, emitting the AOT
 * file into memory, the host CPU LLVM would target).
 *
 * Compiled into libwamrc together with WAMR's compilation sources (native/compiler/CMakeLists.txt)
 * and bound by Wamr.SourceGen (class Wamr.Compiler.Interop.WamrcExt). libwamrc exports only these
 * functions and aot_export.h's (native/compiler/wamrc.map).
 *
 * Written for exactly one WAMR version (WAMRC_EXT_WAMR_VERSION); wamrc_ext.c refuses to compile
 * against any other. Not thread-safe: the caller serialises every call into libwamrc (WAMR's
 * compiler keeps its last error in a global buffer).
 */
#ifndef WAMRC_EXT_H
#define WAMRC_EXT_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this extension's C interface; bumped on every incompatible change. */
#define WAMRC_EXT_ABI_VERSION 1

/* The WAMR release the compiler was built from, as major * 10000 + minor * 100 + patch. */
#define WAMRC_EXT_WAMR_VERSION 10102

/* Bits of wamrc_ext_build_features(): the WASM_ENABLE_* flags the compiler was built with, which
   decide what the emitted code expects of the runtime that loads it. */
#define WAMRC_EXT_FEATURE_BULK_MEMORY 1
#define WAMRC_EXT_FEATURE_REF_TYPES 2
#define WAMRC_EXT_FEATURE_THREAD_MGR 4
#define WAMRC_EXT_FEATURE_DUMP_CALL_STACK 8
#define WAMRC_EXT_FEATURE_SIMD 16
#define WAMRC_EXT_FEATURE_TAIL_CALL 32
#define WAMRC_EXT_FEATURE_SHARED_MEMORY 64

/* Returns WAMRC_EXT_ABI_VERSION of the library actually loaded. */
uint32_t
wamrc_ext_abi_version(void);

/* Returns WAMRC_EXT_WAMR_VERSION of the WAMR source the library was compiled from. */
uint32_t
wamrc_ext_wamr_version(void);

/* Returns the WAMRC_EXT_FEATURE_* bits of this build. */
uint32_t
wamrc_ext_build_features(void);

/*
 * Initialises the compiler's private WAMR runtime (zeroing allocator: reproducible output) and LLVM's targets. Idempotent;
 * returns false if the runtime could not be initialised. There is no matching shutdown: LLVM cannot
 * be initialised again in the same process once shut down.
 */
bool
wamrc_ext_init(void);

/* A wasm module loaded by the compiler's private runtime, with its own copy of the binary. */
typedef struct wamrc_ext_module wamrc_ext_module;

/*
 * Copies and loads a wasm binary for compilation. On failure returns NULL and writes the loader's
 * message (NUL-terminated, truncated to error_size) into error when error is not NULL. wasm may be
 * NULL only when size is 0 (which fails).
 */
wamrc_ext_module *
wamrc_ext_load(const uint8_t *wasm, uint32_t size, char *error, uint32_t error_size);

/* The loaded module as aot_create_comp_data's argument; NULL when module is NULL. */
void *
wamrc_ext_module_handle(wamrc_ext_module *module);

/* Unloads the module and frees the copy of its binary; NULL is ignored. */
void
wamrc_ext_unload(wamrc_ext_module *module);

/*
 * Emits the compiled module as an AOT file in memory (aot_emit_aot_file_buf). Returns the buffer,
 * to be released with wamrc_ext_free, and its size; NULL on failure (aot_get_last_error says why)
 * or when an argument is NULL.
 */
uint8_t *
wamrc_ext_emit_aot(void *comp_ctx, void *comp_data, uint32_t *size);

/* Frees a buffer returned by wamrc_ext_emit_aot; NULL is ignored. */
void
wamrc_ext_free(uint8_t *buffer);

/*
 * LLVM's name for the host CPU ("skylake") and its feature string ("+sse2,+avx,-avx512f,..."): what
 * target_cpu NULL compiles for. Each writes a NUL-terminated string truncated to size and returns the
 * full length without the NUL (0 when LLVM has no answer). buffer may be NULL when size is 0.
 */
uint32_t
wamrc_ext_host_cpu_name(char *buffer, uint32_t size);

uint32_t
wamrc_ext_host_cpu_features(char *buffer, uint32_t size);

/* LLVM's default target triple of the host ("x86_64-pc-linux-gnu"); same contract as above. */
uint32_t
wamrc_ext_host_triple(char *buffer, uint32_t size);

#ifdef __cplusplus
}
#endif

#endif /* WAMRC_EXT_H */
