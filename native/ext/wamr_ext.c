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

/* ---- WASI (issue 10, item 2) ---------------------------------------------------------------- */

#include <errno.h>

#if WASM_ENABLE_LIBC_WASI != 0 && WASM_ENABLE_UVWASI == 0

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "wasm_native.h"
#include "wasm_runtime_common.h"
#include "wasmtime_ssp.h"
#include "posix.h"

/* What the WASI functions read from WAMR's WASI context (wasm_runtime_common.h). */
_Static_assert(sizeof(((WASIContext *)0)->curfds) == sizeof(struct fd_table *), "WASIContext.curfds changed");
_Static_assert(sizeof(((WASIContext *)0)->prestats) == sizeof(struct fd_prestats *), "WASIContext.prestats changed");
_Static_assert(sizeof(((WASIContext *)0)->exit_code) == sizeof(uint32_t), "WASIContext.exit_code changed");
/* The function type the exit hook is looked up with (interpreter/wasm.h). */
_Static_assert(offsetof(WASMType, param_count) == 0 && offsetof(WASMType, result_count) == 2,
               "WASMType layout changed");

static void
wamr_ext_wasi_proc_exit(wasm_exec_env_t exec_env, uint32_t code)
{
    wasm_module_inst_t module_inst = wasm_runtime_get_module_inst(exec_env);
    WASIContext *context = wasm_runtime_get_wasi_ctx(module_inst);
    if (context) {
        context->exit_code = code;
    }
    /* Not WAMR's "wasi proc exit", which the interpreter clears as if the function had returned. */
    wasm_runtime_set_exception(module_inst, WAMR_EXT_WASI_EXIT_MESSAGE);
}

static NativeSymbol wamr_ext_wasi_preview1_symbols[] = {
    { "proc_exit", (void *)wamr_ext_wasi_proc_exit, "(i)", NULL },
};
static NativeSymbol wamr_ext_wasi_unstable_symbols[] = {
    { "proc_exit", (void *)wamr_ext_wasi_proc_exit, "(i)", NULL },
};

static bool
wamr_ext_wasi_hook_resolves(const char *module_name)
{
    /* (func (param i32)) as WAMR's loader describes it. */
    static union {
        WASMType type;
        uint8 bytes[sizeof(WASMType) + 8];
    } exit_type;
    const char *signature = NULL;
    void *attachment = NULL;
    bool raw = false;
    exit_type.type.param_count = 1;
    exit_type.type.result_count = 0;
    exit_type.type.param_cell_num = 1;
    exit_type.type.ret_cell_num = 0;
    exit_type.type.types[0] = VALUE_TYPE_I32;
    return wasm_native_resolve_symbol(module_name, "proc_exit", &exit_type.type, &signature, &attachment, &raw)
           == (void *)wamr_ext_wasi_proc_exit;
}

bool
wamr_ext_wasi_install_exit_hook(void)
{
    if (!wamr_ext_wasi_hook_resolves("wasi_snapshot_preview1")
        && !wasm_runtime_register_natives("wasi_snapshot_preview1", wamr_ext_wasi_preview1_symbols, 1)) {
        return false;
    }
    if (!wamr_ext_wasi_hook_resolves("wasi_unstable")
        && !wasm_runtime_register_natives("wasi_unstable", wamr_ext_wasi_unstable_symbols, 1)) {
        return false;
    }
    return true;
}

static WASIContext *
wamr_ext_wasi_context(wasm_module_inst_t module_inst)
{
    /* WAMR gives every instance a WASI context; only one whose module imports WASI is a WASI program. */
    WASIContext *context = wasm_runtime_is_wasi_mode(module_inst) ? wasm_runtime_get_wasi_ctx(module_inst) : NULL;
    return context && context->curfds && context->prestats ? context : NULL;
}

int32_t
wamr_ext_wasi_set_stdio(wasm_module_inst_t module_inst, uint32_t wasi_fd, int32_t host_fd)
{
    WASIContext *context;
    int copy;
    __wasi_errno_t closed;

    if (!module_inst || wasi_fd > 2 || host_fd < 0) {
        return EINVAL;
    }
    if (!(context = wamr_ext_wasi_context(module_inst))) {
        return ENOTSUP;
    }
    /* At least 3: WAMR closes the descriptors it owns only when they are above 2. */
    if ((copy = fcntl(host_fd, F_DUPFD_CLOEXEC, 3)) < 0) {
        return errno;
    }
    /* Drops WAMR's entry for the slot (by default host 0/1/2, which WAMR never closes). */
    closed = wasmtime_ssp_fd_close(context->curfds, context->prestats, (__wasi_fd_t)wasi_fd);
    (void)closed;
    if (!fd_table_insert_existing(context->curfds, (__wasi_fd_t)wasi_fd, copy)) {
        close(copy);
        return ENOMEM;
    }
    return 0;
}

int32_t
wamr_ext_wasi_preopen(wasm_module_inst_t module_inst, uint32_t wasi_fd, const char *host_path,
                      const char *guest_path)
{
    WASIContext *context;
    __wasi_fdstat_t stat;
    char resolved[PATH_MAX];
    int directory;

    if (!module_inst || wasi_fd < 3 || !host_path || !*host_path || !guest_path || !*guest_path) {
        return EINVAL;
    }
    if (!(context = wamr_ext_wasi_context(module_inst))) {
        return ENOTSUP;
    }
    if (wasmtime_ssp_fd_fdstat_get(context->curfds, (__wasi_fd_t)wasi_fd, &stat) == 0) {
        return EEXIST;
    }
    if (!realpath(host_path, resolved)) {
        return errno;
    }
    if ((directory = open(resolved, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
        return errno;
    }
    if (!fd_table_insert_existing(context->curfds, (__wasi_fd_t)wasi_fd, directory)) {
        close(directory);
        return ENOMEM;
    }
    /* The name the guest sees; WAMR's own preopens use the host path here. */
    if (!fd_prestats_insert(context->prestats, guest_path, (__wasi_fd_t)wasi_fd)) {
        /* The descriptor table owns the directory now; closing the WASI descriptor releases it. */
        (void)wasmtime_ssp_fd_close(context->curfds, context->prestats, (__wasi_fd_t)wasi_fd);
        return ENOMEM;
    }
    return 0;
}

#else

bool
wamr_ext_wasi_install_exit_hook(void)
{
    return false;
}

int32_t
wamr_ext_wasi_set_stdio(wasm_module_inst_t module_inst, uint32_t wasi_fd, int32_t host_fd)
{
    (void)module_inst;
    (void)wasi_fd;
    (void)host_fd;
    return ENOTSUP; /* libiwasm was built without WAMR's libc-wasi */
}

int32_t
wamr_ext_wasi_preopen(wasm_module_inst_t module_inst, uint32_t wasi_fd, const char *host_path,
                      const char *guest_path)
{
    (void)module_inst;
    (void)wasi_fd;
    (void)host_path;
    (void)guest_path;
    return ENOTSUP;
}

#endif
