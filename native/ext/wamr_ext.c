/*
 * Wamr for .NET engine extension (see wamr_ext.h). Reaches WAMR internals only where the
 * wasm-c-api gives no access; every assumption about them is checked at compile time.
 */
#include "wamr_ext.h"

#include <stddef.h>

#include "version.h"
#include "wasm_c_api_internal.h"

#if WAMR_VERSION_MAJOR * 10000 + WAMR_VERSION_MINOR * 100 + WAMR_VERSION_PATCH != WAMR_EXT_WAMR_VERSION
#error "native/ext was written for WAMR 1.1.2: review every use of WAMR internals before changing the pin"
#endif

/* The C API's instance starts with its store, as wasm_c_api_internal.h says; the runtime instance
 * pointer is what the extension reads. These catch a changed internal layout at build time. */
_Static_assert(offsetof(struct wasm_instance_t, store) == 0, "wasm_instance_t layout changed");
_Static_assert(sizeof(((struct wasm_instance_t *)0)->inst_comm_rt) == sizeof(void *),
               "wasm_instance_t.inst_comm_rt is no longer a pointer");

uint32_t
wamr_ext_abi_version(void)
{
    return WAMR_EXT_ABI_VERSION;
}

uint32_t
wamr_ext_wamr_version(void)
{
    return WAMR_EXT_WAMR_VERSION;
}

wasm_module_inst_t
wamr_ext_instance_module_inst(const wasm_instance_t *instance)
{
    return instance ? (wasm_module_inst_t)instance->inst_comm_rt : NULL;
}

/* ---- Ahead-of-time compilation (issue 11) ------------------------------------------------------ */

uint32_t
wamr_ext_build_features(void)
{
    uint32_t features = 0;
#if WASM_ENABLE_BULK_MEMORY != 0
    features |= WAMR_EXT_FEATURE_BULK_MEMORY;
#endif
#if WASM_ENABLE_REF_TYPES != 0
    features |= WAMR_EXT_FEATURE_REF_TYPES;
#endif
#if WASM_ENABLE_THREAD_MGR != 0
    features |= WAMR_EXT_FEATURE_THREAD_MGR;
#endif
#if WASM_ENABLE_DUMP_CALL_STACK != 0
    features |= WAMR_EXT_FEATURE_DUMP_CALL_STACK;
#endif
#if WASM_ENABLE_SIMD != 0
    features |= WAMR_EXT_FEATURE_SIMD;
#endif
#if WASM_ENABLE_TAIL_CALL != 0
    features |= WAMR_EXT_FEATURE_TAIL_CALL;
#endif
#if WASM_ENABLE_SHARED_MEMORY != 0
    features |= WAMR_EXT_FEATURE_SHARED_MEMORY;
#endif
#if WASM_ENABLE_AOT != 0
    features |= WAMR_EXT_FEATURE_AOT;
#endif
#ifdef OS_ENABLE_HW_BOUND_CHECK
    features |= WAMR_EXT_FEATURE_HW_BOUND_CHECK;
#endif
#if WASM_ENABLE_INTERP != 0
    features |= WAMR_EXT_FEATURE_INTERP;
#endif
    return features;
}
