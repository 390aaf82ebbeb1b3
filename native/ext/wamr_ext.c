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
