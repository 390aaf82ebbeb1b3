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
