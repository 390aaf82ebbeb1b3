/*
 * Wamr for .NET AOT compiler extension (see wamrc_ext.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "wamrc_ext.h"

#include "aot_export.h"
#include "bh_platform.h"
#include "version.h"
#include "wasm.h"
#include "wasm_export.h"

#include <llvm-c/Core.h>
#include <llvm-c/TargetMachine.h>

#if WAMR_VERSION_MAJOR * 10000 + WAMR_VERSION_MINOR * 100 + WAMR_VERSION_PATCH != WAMRC_EXT_WAMR_VERSION
#error "wamrc_ext.c was written for WAMR 1.1.2: review every use of WAMR internals before changing the version"
#endif

/* Declared in WAMR's private aot_compiler.h (not aot_export.h); its signature as of 1.1.2. */
extern uint8_t *
aot_emit_aot_file_buf(aot_comp_context_t comp_ctx, aot_comp_data_t comp_data, uint32_t *p_aot_file_size);

struct wamrc_ext_module {
    wasm_module_t module;
    uint8_t *binary;
    /* An untouched copy: WAMR 1.1.2's loader rewrites names inside the binary it loads (each string moved one
       byte back over its length, to NUL-terminate it in place), and its AOT compiler later parses the "name"
       section again from that binary, reading the clobbered lengths ("unexpected end of section"). The module's
       name-section pointers are moved into this copy after loading. */
    uint8_t *pristine;
};

/* The loader's module is an interpreter WASMModule (wasm_runtime_load with the interpreter built in); the two
   pointers below are the only fields this file touches. */
_Static_assert(offsetof(WASMModule, module_type) == 0, "WASMModule no longer starts with its module type");
_Static_assert(sizeof(((WASMModule *)0)->name_section_buf) == sizeof(void *), "WASMModule.name_section_buf changed");
_Static_assert(sizeof(((WASMModule *)0)->name_section_buf_end) == sizeof(void *),
               "WASMModule.name_section_buf_end changed");

/* WAMR's console output inside the compiler ("Create AoT compiler with: ..." and loader warnings) is
   dropped: errors reach the caller through the loader's error buffer and aot_get_last_error. */
int
wamrc_ext_vprintf(const char *format, va_list ap)
{
    (void)format;
    (void)ap;
    return 0;
}

uint32_t
wamrc_ext_abi_version(void)
{
    return WAMRC_EXT_ABI_VERSION;
}

uint32_t
wamrc_ext_wamr_version(void)
{
    return WAMRC_EXT_WAMR_VERSION;
}

uint32_t
wamrc_ext_build_features(void)
{
    uint32_t features = 0;
#if WASM_ENABLE_BULK_MEMORY != 0
    features |= WAMRC_EXT_FEATURE_BULK_MEMORY;
#endif
#if WASM_ENABLE_REF_TYPES != 0
    features |= WAMRC_EXT_FEATURE_REF_TYPES;
#endif
#if WASM_ENABLE_THREAD_MGR != 0
    features |= WAMRC_EXT_FEATURE_THREAD_MGR;
#endif
#if WASM_ENABLE_DUMP_CALL_STACK != 0
    features |= WAMRC_EXT_FEATURE_DUMP_CALL_STACK;
#endif
#if WASM_ENABLE_SIMD != 0
    features |= WAMRC_EXT_FEATURE_SIMD;
#endif
#if WASM_ENABLE_TAIL_CALL != 0
    features |= WAMRC_EXT_FEATURE_TAIL_CALL;
#endif
#if WASM_ENABLE_SHARED_MEMORY != 0
    features |= WAMRC_EXT_FEATURE_SHARED_MEMORY;
#endif
    return features;
}

static bool initialized;

/* The compiler's runtime allocates zeroed memory: WAMR 1.1.2's AOT emitter copies alignment padding of its
   name-section buffer into the file, and zeroed padding makes the output reproducible byte for byte. */
static void *
zeroed_malloc(unsigned int size)
{
    return calloc(1, size ? size : 1);
}

static void *
plain_realloc(void *ptr, unsigned int size)
{
    return realloc(ptr, size);
}

static void
plain_free(void *ptr)
{
    free(ptr);
}

bool
wamrc_ext_init(void)
{
    RuntimeInitArgs args;

    if (initialized)
        return true;
    memset(&args, 0, sizeof(args));
    args.mem_alloc_type = Alloc_With_Allocator;
    args.mem_alloc_option.allocator.malloc_func = (void *)zeroed_malloc;
    args.mem_alloc_option.allocator.realloc_func = (void *)plain_realloc;
    args.mem_alloc_option.allocator.free_func = (void *)plain_free;
    if (!wasm_runtime_full_init(&args))
        return false;
    if (!aot_compiler_init()) {
        wasm_runtime_destroy();
        return false;
    }
    initialized = true;
    return true;
}

static void
write_error(char *error, uint32_t error_size, const char *message)
{
    if (error && error_size > 0)
        snprintf(error, error_size, "%s", message);
}

wamrc_ext_module *
wamrc_ext_load(const uint8_t *wasm, uint32_t size, char *error, uint32_t error_size)
{
    wamrc_ext_module *result;

    if (!initialized) {
        write_error(error, error_size, "the compiler is not initialised (wamrc_ext_init)");
        return NULL;
    }
    if (!wasm || size == 0) {
        write_error(error, error_size, "the binary is empty");
        return NULL;
    }
    /* Only WebAssembly binaries: the compiler's runtime also has WAMR's AOT loader, which trusts its input. */
    if (size < 4 || memcmp(wasm, "\0asm", 4) != 0) {
        write_error(error, error_size, "magic header not detected: not a WebAssembly binary");
        return NULL;
    }
    if (!(result = wasm_runtime_malloc(sizeof(wamrc_ext_module)))) {
        write_error(error, error_size, "out of memory");
        return NULL;
    }
    /* WAMR's loader keeps pointers into the binary (and may patch it): the module owns a copy. */
    if (!(result->binary = wasm_runtime_malloc(size))) {
        wasm_runtime_free(result);
        write_error(error, error_size, "out of memory");
        return NULL;
    }
    if (!(result->pristine = wasm_runtime_malloc(size))) {
        wasm_runtime_free(result->binary);
        wasm_runtime_free(result);
        write_error(error, error_size, "out of memory");
        return NULL;
    }
    memcpy(result->binary, wasm, size);
    memcpy(result->pristine, wasm, size);
    if (error && error_size > 0)
        error[0] = '\0';
    result->module = wasm_runtime_load(result->binary, size, error, error_size);
    if (!result->module) {
        wasm_runtime_free(result->pristine);
        wasm_runtime_free(result->binary);
        wasm_runtime_free(result);
        return NULL;
    }
    if (((WASMModule *)result->module)->module_type == Wasm_Module_Bytecode) {
        WASMModule *module = (WASMModule *)result->module;
        const uint8_t *start = module->name_section_buf, *end = module->name_section_buf_end;
        if (start && end && start >= result->binary && end <= result->binary + size && start <= end) {
            module->name_section_buf = result->pristine + (start - result->binary);
            module->name_section_buf_end = result->pristine + (end - result->binary);
        }
    }
    return result;
}

void *
wamrc_ext_module_handle(wamrc_ext_module *module)
{
    return module ? (void *)module->module : NULL;
}

void
wamrc_ext_unload(wamrc_ext_module *module)
{
    if (!module)
        return;
    wasm_runtime_unload(module->module);
    wasm_runtime_free(module->pristine);
    wasm_runtime_free(module->binary);
    wasm_runtime_free(module);
}

uint8_t *
wamrc_ext_emit_aot(void *comp_ctx, void *comp_data, uint32_t *size)
{
    if (!comp_ctx || !comp_data || !size)
        return NULL;
    *size = 0;
    return aot_emit_aot_file_buf((aot_comp_context_t)comp_ctx, (aot_comp_data_t)comp_data, size);
}

void
wamrc_ext_free(uint8_t *buffer)
{
    if (buffer)
        wasm_runtime_free(buffer);
}

static uint32_t
copy_llvm_message(char *message, char *buffer, uint32_t size)
{
    uint32_t length;

    if (!message) {
        if (buffer && size > 0)
            buffer[0] = '\0';
        return 0;
    }
    length = (uint32_t)strlen(message);
    if (buffer && size > 0)
        snprintf(buffer, size, "%s", message);
    LLVMDisposeMessage(message);
    return length;
}

uint32_t
wamrc_ext_host_cpu_name(char *buffer, uint32_t size)
{
    return copy_llvm_message(LLVMGetHostCPUName(), buffer, size);
}

uint32_t
wamrc_ext_host_cpu_features(char *buffer, uint32_t size)
{
    return copy_llvm_message(LLVMGetHostCPUFeatures(), buffer, size);
}

uint32_t
wamrc_ext_host_triple(char *buffer, uint32_t size)
{
    return copy_llvm_message(LLVMGetDefaultTargetTriple(), buffer, size);
}
