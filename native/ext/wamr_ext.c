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
/* ---- Fast calls and references (see wamr_ext.h) ---------------------------------------------- */

#include <string.h>

#include "wasm_runtime.h"
#include "aot_runtime.h"

/* What these functions read of WAMR 1.1.2's internals, each checked here. */
_Static_assert(sizeof(((struct wasm_func_t *)0)->func_idx_rt) == 2,
               "wasm_func_t.func_idx_rt is no longer 16 bits: review wamr_ext_func_new's limit");
_Static_assert(sizeof(((struct wasm_func_t *)0)->inst_comm_rt) == sizeof(void *),
               "wasm_func_t.inst_comm_rt is no longer a pointer");
_Static_assert(sizeof(((struct wasm_func_t *)0)->func_comm_rt) == sizeof(void *),
               "wasm_func_t.func_comm_rt is no longer a pointer");
_Static_assert(offsetof(struct wasm_store_t, instances) == sizeof(void *),
               "wasm_store_t layout changed");
_Static_assert(offsetof(struct wasm_trap_t, frames) == sizeof(void *), "wasm_trap_t layout changed");
_Static_assert(offsetof(WASMCApiFrame, instance) == 0, "wasm_frame_t layout changed");
/* AOTModuleInstance is WASMModuleInstance in 1.1.2: module_type, e, export_functions and frames are
 * read through one struct for both kinds of module. */
_Static_assert(sizeof(AOTModuleInstance) == sizeof(WASMModuleInstance),
               "AOTModuleInstance is no longer WASMModuleInstance");
_Static_assert(offsetof(WASMModuleInstance, module_type) == 0, "WASMModuleInstance layout changed");
_Static_assert(sizeof(((WASMModuleInstanceExtra *)0)->function_count) == 4,
               "WASMModuleInstanceExtra.function_count changed");
_Static_assert(offsetof(WASMFunctionInstance, is_import_func) == 0, "WASMFunctionInstance layout changed");
_Static_assert(offsetof(AOTFunctionInstance, func_index) == sizeof(void *), "AOTFunctionInstance layout changed");
_Static_assert(sizeof(AOTExport) == sizeof(WASMExport), "AOTExport is no longer WASMExport");
_Static_assert(NULL_REF == 0xFFFFFFFFu, "NULL_REF changed");
_Static_assert(WASM_ANYREF == 128 && WASM_FUNCREF == 129, "wasm_valkind_t reference kinds changed");

/* wasm_c_api.c's function behind wasm_table_get's funcrefs (declared in wasm_c_api_internal.h). */
wasm_func_t *
wasm_func_new_internal(wasm_store_t *store, uint16 func_idx_rt,
                       WASMModuleInstanceCommon *inst_comm_rt);

/* How many functions (imports first) the instance has, in either kind of module. */
static uint32
ext_function_count(WASMModuleInstanceCommon *inst)
{
    if (inst->module_type == Wasm_Module_Bytecode) {
        return ((WASMModuleInstance *)inst)->e->function_count;
    }
    if (inst->module_type == Wasm_Module_AoT) {
        AOTModule *module = (AOTModule *)((AOTModuleInstance *)inst)->module;
        return module->import_func_count + module->func_count;
    }
    return 0;
}

/* The runtime function wasm_runtime_call_wasm can call for index, or NULL (see wamr_ext_func_target). */
static WASMFunctionInstanceCommon *
ext_callable(WASMModuleInstanceCommon *inst, uint32 index)
{
    if (index >= ext_function_count(inst)) {
        return NULL;
    }
    if (inst->module_type == Wasm_Module_Bytecode) {
        WASMFunctionInstance *function = ((WASMModuleInstance *)inst)->e->functions + index;
        return function->is_import_func ? NULL : (WASMFunctionInstanceCommon *)function;
    }
    else {
        /* AOT keeps function instances for its exports only (as wasm_func_call finds them). */
        AOTModuleInstance *inst_aot = (AOTModuleInstance *)inst;
        AOTModule *module = (AOTModule *)inst_aot->module;
        AOTFunctionInstance *exported = (AOTFunctionInstance *)inst_aot->export_functions;
        uint32 i, j = 0;
        if (index < module->import_func_count) {
            return NULL;
        }
        for (i = 0; i < module->export_count; i++) {
            if (module->exports[i].kind == EXPORT_KIND_FUNC) {
                if (module->exports[i].index == index) {
                    return exported[j].is_import_func ? NULL : (WASMFunctionInstanceCommon *)(exported + j);
                }
                j++;
            }
        }
        return NULL;
    }
}

bool
wamr_ext_func_target(const wasm_func_t *func, wasm_module_inst_t *module_inst, uint32_t *func_index,
                     wasm_function_inst_t *function)
{
    if (!func || !func->inst_comm_rt) {
        return false;
    }
    if (module_inst) {
        *module_inst = func->inst_comm_rt;
    }
    if (func_index) {
        *func_index = func->func_idx_rt;
    }
    if (function) {
        *function = ext_callable(func->inst_comm_rt, func->func_idx_rt);
    }
    return true;
}

uint32_t
wamr_ext_import_func_count(wasm_module_inst_t module_inst)
{
    if (!module_inst) {
        return 0;
    }
    if (module_inst->module_type == Wasm_Module_Bytecode) {
        return ((WASMModuleInstance *)module_inst)->module->import_function_count;
    }
    if (module_inst->module_type == Wasm_Module_AoT) {
        return ((AOTModule *)((AOTModuleInstance *)module_inst)->module)->import_func_count;
    }
    return 0;
}

wasm_func_t *
wamr_ext_func_new(wasm_store_t *store, wasm_module_inst_t module_inst, uint32_t func_index)
{
    if (!store || !module_inst || func_index > UINT16_MAX
        || func_index >= ext_function_count(module_inst)) {
        return NULL;
    }
    return wasm_func_new_internal(store, (uint16)func_index, module_inst);
}

/* A trap holding message (NUL-terminated) and the instance's frames, as wasm_c_api.c makes them. */
static wasm_trap_t *
ext_trap(wasm_store_t *store, WASMModuleInstanceCommon *inst, const char *message)
{
    wasm_message_t text;
    wasm_trap_t *trap;
    wasm_name_new_from_string_nt(&text, message);
    trap = wasm_trap_new(store, &text);
    wasm_byte_vec_delete(&text);
    if (!trap || !inst) {
        return trap;
    }
#if WASM_ENABLE_DUMP_CALL_STACK != 0
    /* The trap borrows the instance's frame vector (wasm_trap_delete leaves it alone), and each
     * frame names the wasm-c-api instance, as wasm_trap_new_internal does. */
    trap->frames = ((WASMModuleInstance *)inst)->frames;
    if (trap->frames && store->instances) {
        wasm_instance_t *owner = NULL;
        size_t i;
        for (i = 0; i < store->instances->num_elems; i++) {
            if (store->instances->data[i]->inst_comm_rt == inst) {
                owner = store->instances->data[i];
                break;
            }
        }
        for (i = 0; i < bh_vector_size(trap->frames); i++) {
            ((WASMCApiFrame *)trap->frames->data + i)->instance = owner;
        }
    }
#endif
    return trap;
}

wasm_trap_t *
wamr_ext_take_trap(wasm_store_t *store, wasm_module_inst_t module_inst)
{
    const char *exception;
    wasm_trap_t *trap;
    if (!store || !module_inst) {
        return NULL;
    }
    exception = wasm_runtime_get_exception(module_inst);
    trap = ext_trap(store, module_inst,
                    exception && exception[0] ? exception
                                              : "the call failed without an exception (WAMR refused the exec env)");
    wasm_runtime_clear_exception(module_inst);
    return trap;
}

/* The runtime type of a callable function. */
static WASMType *
ext_type(WASMModuleInstanceCommon *inst, WASMFunctionInstanceCommon *function)
{
    if (inst->module_type == Wasm_Module_Bytecode) {
        WASMFunctionInstance *f = (WASMFunctionInstance *)function;
        return f->is_import_func ? f->u.func_import->func_type : f->u.func->func_type;
    }
    else {
        AOTFunctionInstance *f = (AOTFunctionInstance *)function;
        return f->is_import_func ? f->u.func_import->func_type : f->u.func.func_type;
    }
}

/* Cells of one value in the convention of wamr_ext.h. */
static uint32
ext_cells(uint8 type)
{
    switch (type) {
        case VALUE_TYPE_I64:
        case VALUE_TYPE_F64:
            return 2;
        case VALUE_TYPE_EXTERNREF:
            return sizeof(uintptr_t) / sizeof(uint32);
        default:
            return 1;
    }
}

/* Parameter and result cells of type in the convention of wamr_ext.h. */
static void
ext_type_cells(const WASMType *type, uint32 *params, uint32 *results)
{
    uint32 i;
    *params = *results = 0;
    for (i = 0; i < type->param_count; i++) {
        *params += ext_cells(type->types[i]);
    }
    for (i = 0; i < type->result_count; i++) {
        *results += ext_cells(type->types[type->param_count + i]);
    }
}

uint32_t
wamr_ext_func_cell_count(const wasm_func_t *func)
{
    WASMFunctionInstanceCommon *function;
    uint32 params, results;
    if (!func || !func->inst_comm_rt
        || !(function = ext_callable(func->inst_comm_rt, func->func_idx_rt))) {
        return 0;
    }
    ext_type_cells(ext_type(func->inst_comm_rt, function), &params, &results);
    return params > results ? params : results;
}

bool
wamr_ext_func_call(const wasm_func_t *func, uint32_t *cells, uint32_t cell_count, wasm_trap_t **trap)
{
    WASMModuleInstanceCommon *inst;
    WASMFunctionInstanceCommon *function;
    WASMExecEnv *exec_env = NULL;
    WASMType *type;
    uint32 params = 0, results = 0, i, cell = 0;
    const char *refusal = NULL;
    if (trap) {
        *trap = NULL;
    }
    if (!func) {
        return false;
    }
    inst = func->inst_comm_rt;
    function = inst ? ext_callable(inst, func->func_idx_rt) : NULL;
    type = function ? ext_type(inst, function) : NULL;
    if (type) {
        ext_type_cells(type, &params, &results);
    }
    if (!inst) {
        refusal = "wamr_ext_func_call: a host function cannot be called this way";
    }
    else if (!function) {
        refusal = "wamr_ext_func_call: the runtime has no callable instance of this function (an import, or an "
                  "AOT function the module does not export)";
    }
    else if (cell_count < params || cell_count < results || (!cells && cell_count > 0)) {
        refusal = "wamr_ext_func_call: cell_count is smaller than the function needs";
    }
    else if (!(exec_env = wasm_runtime_get_exec_env_singleton(inst))) {
        refusal = "wamr_ext_func_call: WAMR could not create the instance's exec env";
    }
    if (refusal) {
        if (trap) {
            *trap = ext_trap(func->store, NULL, refusal);
        }
        return false;
    }
    for (i = 0; i < type->param_count; i++) {
        if (type->types[i] == VALUE_TYPE_EXTERNREF) {
            uintptr_t object;
            memcpy(&object, cells + cell, sizeof object);
            if (object == 0) {
                object = UINTPTR_MAX; /* wasm_externref_obj2ref's ref.null */
                memcpy(cells + cell, &object, sizeof object);
            }
        }
        cell += ext_cells(type->types[i]);
    }
    wasm_runtime_clear_exception(inst);
    if (wamr_ext_call_direct(exec_env, function, params, cells)) {
        return true;
    }
    if (trap) {
        *trap = wamr_ext_take_trap(func->store, inst);
    }
    else {
        wasm_runtime_clear_exception(inst);
    }
    return false;
}

/* ==== Interruption ==============================================================================
 * See wamr_ext.h. Relies on: the native module instance's exec_env_singleton field (read without
 * creating it), WASMExecEnv.suspend_flags (bit 0 = terminate, as the interpreter's
 * CHECK_SUSPEND_FLAGS and AOT's check_suspend_flags test it), and wasm_runtime_set_exception.
 * Interpreter and AOT instances share WASMModuleInstance in 1.1.2 (module_type tells them apart),
 * so nothing here depends on the running mode. */

#include "wasm_exec_env.h"
#include "../interpreter/wasm_runtime.h"

#if WASM_ENABLE_THREAD_MGR == 0
#error "native/ext's interruption needs WAMR_BUILD_THREAD_MGR=1 (the interpreter tests suspend flags only then)"
#endif

/* Bit 0 of suspend_flags: "need to terminate" (wasm_exec_env.h), what CHECK_SUSPEND_FLAGS returns on. */
#define WAMR_EXT_TERMINATE_FLAG 0x01u

_Static_assert(sizeof(((WASMExecEnv *)0)->suspend_flags.flags) == sizeof(uint32_t),
               "WASMExecEnv.suspend_flags.flags is no longer 32 bits");
#if WASM_ENABLE_AOT != 0
/* AOT code reads the flags at this fixed offset (aot_emit_control.c: offset I32_FIVE pointers). */
_Static_assert(offsetof(WASMExecEnv, suspend_flags) == 5 * sizeof(uintptr_t),
               "WASMExecEnv.suspend_flags moved: AOT code would read another field");
#endif
_Static_assert(offsetof(WASMModuleInstance, module_type) == 0,
               "WASMModuleInstance no longer starts with module_type");
_Static_assert(sizeof(((WASMModuleInstance *)0)->exec_env_singleton) == sizeof(uint64_t),
               "WASMModuleInstance.exec_env_singleton is no longer a DefPointer");
_Static_assert(sizeof(((WASMModuleInstance *)0)->cur_exception) == 128,
               "WASMModuleInstance.cur_exception changed size");

#if defined(_MSC_VER)
#include <intrin.h>
#define WAMR_EXT_ATOMIC_OR(p, v) ((void)_InterlockedOr((volatile long *)(p), (long)(v)))
#define WAMR_EXT_ATOMIC_AND(p, v) ((void)_InterlockedAnd((volatile long *)(p), (long)(v)))
#define WAMR_EXT_ATOMIC_LOAD(p) ((uint32_t)_InterlockedOr((volatile long *)(p), 0))
#else
#define WAMR_EXT_ATOMIC_OR(p, v) ((void)__atomic_fetch_or((p), (v), __ATOMIC_SEQ_CST))
#define WAMR_EXT_ATOMIC_AND(p, v) ((void)__atomic_fetch_and((p), (v), __ATOMIC_SEQ_CST))
#define WAMR_EXT_ATOMIC_LOAD(p) __atomic_load_n((p), __ATOMIC_SEQ_CST)
#endif

/* The exec env singleton of the instance's native module instance, or NULL (never creates it). */
static WASMExecEnv *
wamr_ext_existing_exec_env(const wasm_instance_t *instance)
{
    WASMModuleInstance *module_inst;

    if (!instance || !instance->inst_comm_rt) {
        return NULL;
    }
    module_inst = (WASMModuleInstance *)instance->inst_comm_rt;
    if (module_inst->module_type != Wasm_Module_Bytecode
        && module_inst->module_type != Wasm_Module_AoT) {
        return NULL;
    }
    return module_inst->exec_env_singleton;
}

bool
wamr_ext_instance_prepare_interrupt(wasm_instance_t *instance)
{
    if (!instance || !instance->inst_comm_rt) {
        return false;
    }
    return wasm_runtime_get_exec_env_singleton(instance->inst_comm_rt) != NULL;
}

bool
wamr_ext_instance_interrupt(wasm_instance_t *instance, const char *message)
{
    WASMExecEnv *exec_env = wamr_ext_existing_exec_env(instance);

    if (!exec_env) {
        return false;
    }
    /* The exception first: the flag makes the interpreter return, and what it returns to reads the
     * exception to decide between a trap and results. The sequentially consistent RMW below orders
     * the exception's bytes before the flag for the running thread. */
    wasm_runtime_set_exception(instance->inst_comm_rt, message ? message : "interrupted");
    WAMR_EXT_ATOMIC_OR(&exec_env->suspend_flags.flags, WAMR_EXT_TERMINATE_FLAG);
    return true;
}

bool
wamr_ext_instance_clear_interrupt(wasm_instance_t *instance)
{
    WASMExecEnv *exec_env = wamr_ext_existing_exec_env(instance);

    if (!exec_env) {
        return false;
    }
    WAMR_EXT_ATOMIC_AND(&exec_env->suspend_flags.flags, ~WAMR_EXT_TERMINATE_FLAG);
    wasm_runtime_set_exception(instance->inst_comm_rt, NULL);
    return true;
}

bool
wamr_ext_instance_is_interrupted(const wasm_instance_t *instance)
{
    WASMExecEnv *exec_env = wamr_ext_existing_exec_env(instance);

    return exec_env
           && (WAMR_EXT_ATOMIC_LOAD(&exec_env->suspend_flags.flags) & WAMR_EXT_TERMINATE_FLAG) != 0;
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

/* ---- Deferred start functions (see wamr_ext.h) -------------------------------------------------- */

#include "wasm.h"

/* wasm_c_api.c keeps its module struct (wasm_module_ex_t) private; its first member is the runtime module,
 * which is all this reads. The pin above (#error) guards the layout; the runtime module's own type tag is
 * checked before anything else is read. */
typedef struct wamr_ext_module_head {
    WASMModuleCommon *module_comm_rt;
} wamr_ext_module_head;

_Static_assert(offsetof(WASMModule, module_type) == 0, "WASMModule no longer starts with its type tag");

/* The runtime module of a C-API module loaded from a WebAssembly binary, or NULL. */
static WASMModule *
wamr_ext_bytecode_module(wasm_module_t *module)
{
    WASMModuleCommon *common;

    if (!module)
        return NULL;
    common = ((wamr_ext_module_head *)module)->module_comm_rt;
    return common && common->module_type == Wasm_Module_Bytecode ? (WASMModule *)common : NULL;
}

_Static_assert(sizeof(((WASMModule *)0)->start_function) == sizeof(uint32_t),
               "WASMModule.start_function is no longer a 32-bit index");

bool
wamr_ext_module_take_start(wasm_module_t *module, uint32_t *func_index)
{
    WASMModule *bytecode = wamr_ext_bytecode_module(module);

    if (!bytecode || !func_index || bytecode->start_function == (uint32)-1)
        return false;
    *func_index = bytecode->start_function;
    bytecode->start_function = (uint32)-1;
    return true;
}

/* ---- WASI together with host imports (see wamr_ext.h) -------------------------------------------- */

_Static_assert(sizeof(((WASMFunctionImport *)0)->func_ptr_linked) == sizeof(void *),
               "WASMFunctionImport.func_ptr_linked is no longer a pointer");
_Static_assert(sizeof(((WASMFunctionImport *)0)->call_conv_wasm_c_api) == sizeof(bool),
               "WASMFunctionImport.call_conv_wasm_c_api is no longer a bool");
_Static_assert(sizeof(((WASMModuleInstance *)0)->import_func_ptrs) == sizeof(void *),
               "WASMModuleInstance.import_func_ptrs is no longer one pointer");

bool
wamr_ext_module_native_imports(wasm_module_t *module, void **linked, uint32_t count)
{
    WASMModule *bytecode = wamr_ext_bytecode_module(module);
    uint32_t i;

    if (!bytecode || !linked || count != bytecode->import_function_count)
        return false;
    for (i = 0; i < count; i++) {
        WASMFunctionImport *import = &bytecode->import_functions[i].u.function;
        linked[i] = import->call_conv_wasm_c_api ? NULL : import->func_ptr_linked;
    }
    return true;
}

bool
wamr_ext_instance_relink_native_imports(wasm_instance_t *instance, void *const *linked, uint32_t count)
{
    WASMModuleInstance *inst;
    WASMModule *bytecode;
    uint32_t i;

    if (!instance || !linked || !instance->inst_comm_rt
        || instance->inst_comm_rt->module_type != Wasm_Module_Bytecode)
        return false;
    inst = (WASMModuleInstance *)instance->inst_comm_rt;
    bytecode = inst->module;
    if (count != bytecode->import_function_count)
        return false;
    for (i = 0; i < count; i++) {
        WASMFunctionImport *import;

        if (!linked[i])
            continue;
        import = &bytecode->import_functions[i].u.function;
        import->func_ptr_linked = linked[i];
        import->call_conv_wasm_c_api = false;
        inst->import_func_ptrs[i] = linked[i];
    }
    return true;
}

/* ---- Direct calls (see wamr_ext.h) -------------------------------------------------------------- */

#include "../interpreter/wasm_interp.h"

_Static_assert(sizeof(((WASMExecEnv *)0)->handle) == sizeof(korp_tid), "WASMExecEnv.handle is no longer a thread id");

/* The exception wasm_call_function clears: WAMR's own proc_exit (the extension's hook replaces it for modules
   loaded after wamr_ext_wasi_install_exit_hook, but not for earlier ones). */
#define WAMR_EXT_WAMR_PROC_EXIT_EXCEPTION "Exception: wasi proc exit"

/* Whether a function type has an externref parameter or result (which wasm_runtime_call_wasm converts). */
static bool
wamr_ext_type_has_externref(const WASMType *type)
{
    uint32 i;

    for (i = 0; i < (uint32)type->param_count + type->result_count; i++) {
        if (type->types[i] == VALUE_TYPE_EXTERNREF)
            return true;
    }
    return false;
}

bool
wamr_ext_call_direct(wasm_exec_env_t exec_env, wasm_function_inst_t function, uint32_t argc, uint32_t *argv)
{
    WASMExecEnv *env = (WASMExecEnv *)exec_env;
    WASMModuleInstanceCommon *inst;
    WASMFunctionInstance *bytecode;
    const char *exception;

    if (!env || !function || !(inst = env->module_inst))
        return false;
    if (inst->module_type != Wasm_Module_Bytecode)
        return wasm_runtime_call_wasm(exec_env, function, argc, argv);

    bytecode = (WASMFunctionInstance *)function;
    if (bytecode->is_import_func || wamr_ext_type_has_externref(bytecode->u.func->func_type))
        return wasm_runtime_call_wasm(exec_env, function, argc, argv);
    if (argc != bytecode->param_cell_num || (argc > 0 && !argv)) {
        wasm_runtime_set_exception(inst, "wamr_ext_call_direct: wrong argument cell count");
        return false;
    }

    /* What wasm_exec_env_set_thread_info computes depends only on the thread. */
    if (env->handle != os_self_thread())
        wasm_exec_env_set_thread_info(env);

    wasm_interp_call_wasm((WASMModuleInstance *)inst, env, bytecode, argc, argv);
    exception = wasm_runtime_get_exception(inst);
    if (!exception)
        return true;
    if (strcmp(exception, WAMR_EXT_WAMR_PROC_EXIT_EXCEPTION) == 0) {
        /* As wasm_call_function: WAMR's own proc_exit ends the call normally. */
        wasm_runtime_clear_exception(inst);
        return true;
    }
    return false;
}
