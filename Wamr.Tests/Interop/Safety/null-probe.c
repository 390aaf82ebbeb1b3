/*
 * The NULL probe: which functions of WAMR's wasm_c_api.h crash when a pointer argument is NULL.
 *
 * This file is the harness. The cases (one per exported function and pointer parameter, plus one with every
 * argument valid) are generated from the generator's model of wasm_c_api.h by NullProbe.cs into
 * null-probe-cases.inc, which is included below; NullProbe.cs compiles both with the system C compiler against
 * artifacts/native/<rid>/libiwasm.so and runs the program with the path of probe-module.wasm.
 *
 * An engine and a store are made once; every case then runs in its own fork()ed child, so that a crash kills
 * only that child. The child builds the valid arguments with the probe_* factories below (fresh objects for
 * every argument), makes the call, and writes what it returned into a pipe; the parent waits and prints one
 * tab-separated line a case:
 *
 *   case <function> <null parameter index, -1 for none> <parameter name> <mode> <outcome> <detail>
 *
 * mode:    "baseline"      every argument valid;
 *          "null"          that one argument NULL, the others valid;
 *          "null, others NULL: a, b"   no factory exists for the named parameters, so they are NULL too;
 *          "wrong kind"    an unchecked cast given an object of another kind (the parameter is not NULL);
 *          "odd: …"        a hand-written case below: a non-NULL but unexpected argument a negative test passes;
 *          "hazard: …"     a hand-written misuse that crashes without a NULL: documented, never done in-process.
 * outcome: "returned" (detail: "void", an integer, "NULL", "argument N" when a pointer argument came back, or
 *          "non-NULL"), "signal" (detail: the signal's name), "exit" (detail: the status) or "timeout".
 *
 * The factory names follow the parameter's C type: probe_<type>() with "_p" for each pointer level and "_a" for
 * an array, qualifiers dropped (wasm_valtype_t* const[] -> probe_wasm_valtype_t_p_a); probe_out_<type>() for a
 * parameter named "out"; probe_<type>_not_<kind>() for an unchecked cast's wrong-kind input;
 * probe_for_<function>_<parameter>() for one parameter of one function, used before the type's factory. NullProbe.cs
 * reads the names from this file, so a factory added here is used at once.
 */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wasm_c_api.h"

typedef struct probe_case {
    const char *function;
    int null_index;
    const char *null_param;
    const char *mode;
    void (*run)(void);
} probe_case;

static wasm_engine_t *g_engine;
static wasm_store_t *g_store;
static unsigned char *g_binary;
static size_t g_binary_size;
static int g_result_fd = -1;

/* ---- reporting (child side) ------------------------------------------------------------------------------ */

static void report(const char *format, ...)
{
    char text[256];
    va_list args;
    va_start(args, format);
    int length = vsnprintf(text, sizeof text, format, args);
    va_end(args);
    if (length > 0 && write(g_result_fd, text, (size_t)length) < 0) {
        _exit(4);
    }
}

static void report_void(void)
{
    report("void");
}

static void report_int(long long value)
{
    report("%lld", value);
}

static void report_pointer(const void *result, const void *const *pointer_args, int count)
{
    if (!result) {
        report("NULL");
        return;
    }

    for (int i = 0; i < count; i++) {
        if (pointer_args[i] && pointer_args[i] == result) {
            report("argument %d", i);
            return;
        }
    }

    report("non-NULL");
}

/* A factory that cannot make its object ends the child: the case is then reported as "exit 3" with the reason. */
static void *need(void *object, const char *what)
{
    if (!object) {
        report("setup failed: %s", what);
        _exit(3);
    }

    return object;
}

static void *zeroed(size_t size)
{
    return need(calloc(1, size), "calloc");
}

/* ---- plain values ---------------------------------------------------------------------------------------- */

static wasm_engine_t *probe_wasm_engine_t_p(void)
{
    return g_engine;
}

static wasm_store_t *probe_wasm_store_t_p(void)
{
    return g_store;
}

/* WAMR 1.1.2 does not support configs: wasm_config_new returns NULL, and that is the valid value. */
static wasm_config_t *probe_wasm_config_t_p(void)
{
    return wasm_config_new();
}

static MemAllocOption *probe_MemAllocOption_p(void)
{
    return zeroed(sizeof(MemAllocOption));
}

static void *probe_void_p(void)
{
    return zeroed(16);
}

static void probe_finalizer(void *info)
{
    (void)info;
}

static void (*probe_fn_p(void))(void *)
{
    return probe_finalizer;
}

static wasm_trap_t *probe_callback(const wasm_val_vec_t *args, wasm_val_vec_t *results)
{
    if (args && results && args->num_elems > 0 && results->size > 0) {
        results->data[0] = args->data[0];
        results->num_elems = 1;
    }

    return NULL;
}

static wasm_trap_t *probe_callback_with_env(void *env, const wasm_val_vec_t *args, wasm_val_vec_t *results)
{
    (void)env;
    return probe_callback(args, results);
}

static wasm_func_callback_t probe_wasm_func_callback_t(void)
{
    return probe_callback;
}

static wasm_func_callback_with_env_t probe_wasm_func_callback_with_env_t(void)
{
    return probe_callback_with_env;
}

static wasm_limits_t *probe_wasm_limits_t_p(void)
{
    wasm_limits_t *limits = zeroed(sizeof *limits);
    limits->min = 1;
    limits->max = 10;
    return limits;
}

static wasm_val_t *probe_wasm_val_t_p(void)
{
    wasm_val_t *value = zeroed(sizeof *value);
    value->kind = WASM_I32;
    value->of.i32 = 42;
    return value;
}

static wasm_val_t *probe_wasm_val_t_a(void)
{
    return probe_wasm_val_t_p();
}

static wasm_val_t *probe_out_wasm_val_t_p(void)
{
    return zeroed(sizeof(wasm_val_t));
}

static wasm_val_vec_t *probe_wasm_val_vec_t_p(void)
{
    wasm_val_vec_t *vec = zeroed(sizeof *vec);
    wasm_val_vec_new(vec, 1, probe_wasm_val_t_p());
    need(vec->data, "wasm_val_vec_new");
    return vec;
}

static wasm_val_vec_t *probe_out_wasm_val_vec_t_p(void)
{
    return zeroed(sizeof(wasm_val_vec_t));
}

static wasm_trap_t **probe_wasm_trap_t_p_p(void)
{
    return zeroed(sizeof(wasm_trap_t *));
}

/* ---- byte vectors (also wasm_name_t, wasm_message_t) ----------------------------------------------------- */

static wasm_byte_t *probe_wasm_byte_t_a(void)
{
    wasm_byte_t *bytes = zeroed(g_binary_size);
    memcpy(bytes, g_binary, g_binary_size);
    return bytes;
}

/* The probe module's binary: valid wherever a byte vector is read (module bytes, names, messages). */
static wasm_byte_vec_t *probe_wasm_byte_vec_t_p(void)
{
    wasm_byte_vec_t *vec = zeroed(sizeof *vec);
    wasm_byte_vec_new(vec, g_binary_size, (const wasm_byte_t *)g_binary);
    need(vec->data, "wasm_byte_vec_new");
    return vec;
}

static wasm_byte_vec_t *probe_out_wasm_byte_vec_t_p(void)
{
    return zeroed(sizeof(wasm_byte_vec_t));
}

static wasm_byte_vec_t *probe_name(const char *text)
{
    wasm_byte_vec_t *vec = zeroed(sizeof *vec);
    wasm_byte_vec_new(vec, strlen(text), text);
    need(vec->data, "wasm_byte_vec_new");
    return vec;
}

/* ---- types ----------------------------------------------------------------------------------------------- */

static wasm_valtype_t *probe_wasm_valtype_t_p(void)
{
    return need(wasm_valtype_new(WASM_I32), "wasm_valtype_new");
}

static wasm_valtype_t **probe_wasm_valtype_t_p_a(void)
{
    wasm_valtype_t **array = zeroed(sizeof *array);
    array[0] = probe_wasm_valtype_t_p();
    return array;
}

static wasm_valtype_vec_t *probe_wasm_valtype_vec_t_p(void)
{
    wasm_valtype_vec_t *vec = zeroed(sizeof *vec);
    wasm_valtype_vec_new(vec, 1, probe_wasm_valtype_t_p_a());
    need(vec->data, "wasm_valtype_vec_new");
    return vec;
}

static wasm_valtype_vec_t *probe_out_wasm_valtype_vec_t_p(void)
{
    return zeroed(sizeof(wasm_valtype_vec_t));
}

/* (i32) -> (i32), the type of the probe module's "id". */
static wasm_functype_t *probe_wasm_functype_t_p(void)
{
    return need(wasm_functype_new(probe_wasm_valtype_vec_t_p(), probe_wasm_valtype_vec_t_p()), "wasm_functype_new");
}

static wasm_functype_t **probe_wasm_functype_t_p_a(void)
{
    wasm_functype_t **array = zeroed(sizeof *array);
    array[0] = probe_wasm_functype_t_p();
    return array;
}

static wasm_functype_vec_t *probe_wasm_functype_vec_t_p(void)
{
    wasm_functype_vec_t *vec = zeroed(sizeof *vec);
    wasm_functype_vec_new(vec, 1, probe_wasm_functype_t_p_a());
    need(vec->data, "wasm_functype_vec_new");
    return vec;
}

static wasm_functype_vec_t *probe_out_wasm_functype_vec_t_p(void)
{
    return zeroed(sizeof(wasm_functype_vec_t));
}

static wasm_globaltype_t *probe_wasm_globaltype_t_p(void)
{
    return need(wasm_globaltype_new(probe_wasm_valtype_t_p(), WASM_VAR), "wasm_globaltype_new");
}

static wasm_tabletype_t *probe_wasm_tabletype_t_p(void)
{
    return need(wasm_tabletype_new(need(wasm_valtype_new(WASM_FUNCREF), "wasm_valtype_new"), probe_wasm_limits_t_p()),
                "wasm_tabletype_new");
}

static wasm_memorytype_t *probe_wasm_memorytype_t_p(void)
{
    return need(wasm_memorytype_new(probe_wasm_limits_t_p()), "wasm_memorytype_new");
}

static wasm_externtype_t *probe_wasm_externtype_t_p(void)
{
    return need(wasm_functype_as_externtype(probe_wasm_functype_t_p()), "wasm_functype_as_externtype");
}

static wasm_externtype_t *probe_wasm_externtype_t_p_not_functype(void)
{
    return need(wasm_globaltype_as_externtype(probe_wasm_globaltype_t_p()), "wasm_globaltype_as_externtype");
}

static wasm_externtype_t *probe_wasm_externtype_t_p_not_globaltype(void)
{
    return probe_wasm_externtype_t_p();
}

static wasm_externtype_t *probe_wasm_externtype_t_p_not_tabletype(void)
{
    return need(wasm_memorytype_as_externtype(probe_wasm_memorytype_t_p()), "wasm_memorytype_as_externtype");
}

static wasm_externtype_t *probe_wasm_externtype_t_p_not_memorytype(void)
{
    return need(wasm_tabletype_as_externtype(probe_wasm_tabletype_t_p()), "wasm_tabletype_as_externtype");
}

static wasm_importtype_t *probe_wasm_importtype_t_p(void)
{
    return need(wasm_importtype_new(probe_name("env"), probe_name("f"), probe_wasm_externtype_t_p()), "wasm_importtype_new");
}

static wasm_importtype_t **probe_wasm_importtype_t_p_a(void)
{
    wasm_importtype_t **array = zeroed(sizeof *array);
    array[0] = probe_wasm_importtype_t_p();
    return array;
}

static wasm_importtype_vec_t *probe_wasm_importtype_vec_t_p(void)
{
    wasm_importtype_vec_t *vec = zeroed(sizeof *vec);
    wasm_importtype_vec_new(vec, 1, probe_wasm_importtype_t_p_a());
    need(vec->data, "wasm_importtype_vec_new");
    return vec;
}

static wasm_importtype_vec_t *probe_out_wasm_importtype_vec_t_p(void)
{
    return zeroed(sizeof(wasm_importtype_vec_t));
}

static wasm_exporttype_t *probe_wasm_exporttype_t_p(void)
{
    return need(wasm_exporttype_new(probe_name("f"), probe_wasm_externtype_t_p()), "wasm_exporttype_new");
}

static wasm_exporttype_t **probe_wasm_exporttype_t_p_a(void)
{
    wasm_exporttype_t **array = zeroed(sizeof *array);
    array[0] = probe_wasm_exporttype_t_p();
    return array;
}

static wasm_exporttype_vec_t *probe_wasm_exporttype_vec_t_p(void)
{
    wasm_exporttype_vec_t *vec = zeroed(sizeof *vec);
    wasm_exporttype_vec_new(vec, 1, probe_wasm_exporttype_t_p_a());
    need(vec->data, "wasm_exporttype_vec_new");
    return vec;
}

static wasm_exporttype_vec_t *probe_out_wasm_exporttype_vec_t_p(void)
{
    return zeroed(sizeof(wasm_exporttype_vec_t));
}

/* ---- runtime objects ------------------------------------------------------------------------------------- */

static wasm_module_t *probe_wasm_module_t_p(void)
{
    return need(wasm_module_new(g_store, probe_wasm_byte_vec_t_p()), "wasm_module_new");
}

static wasm_shared_module_t *probe_wasm_shared_module_t_p(void)
{
    return need(wasm_module_share(probe_wasm_module_t_p()), "wasm_module_share");
}

static wasm_instance_t *probe_wasm_instance_t_p(void)
{
    wasm_extern_vec_t imports = WASM_EMPTY_VEC;
    wasm_trap_t *trap = NULL;
    return need(wasm_instance_new(g_store, probe_wasm_module_t_p(), &imports, &trap), "wasm_instance_new");
}

/* The exports of a fresh instance, in the module's order: id, trap, g, t, m. */
static wasm_extern_vec_t *probe_wasm_extern_vec_t_p(void)
{
    wasm_extern_vec_t *vec = zeroed(sizeof *vec);
    wasm_instance_exports(probe_wasm_instance_t_p(), vec);
    if (vec->num_elems != 5) {
        need(NULL, "wasm_instance_exports: 5 exports");
    }

    return vec;
}

static wasm_extern_vec_t *probe_out_wasm_extern_vec_t_p(void)
{
    return zeroed(sizeof(wasm_extern_vec_t));
}

static wasm_extern_t *probe_export(size_t index)
{
    return need(probe_wasm_extern_vec_t_p()->data[index], "export");
}

static wasm_extern_t *probe_wasm_extern_t_p(void)
{
    return probe_export(0);
}

static wasm_extern_t **probe_wasm_extern_t_p_a(void)
{
    wasm_extern_t **array = zeroed(sizeof *array);
    array[0] = probe_wasm_extern_t_p();
    return array;
}

static wasm_extern_t *probe_wasm_extern_t_p_not_func(void)
{
    return probe_export(2);
}

static wasm_extern_t *probe_wasm_extern_t_p_not_global(void)
{
    return probe_export(0);
}

static wasm_extern_t *probe_wasm_extern_t_p_not_table(void)
{
    return probe_export(4);
}

static wasm_extern_t *probe_wasm_extern_t_p_not_memory(void)
{
    return probe_export(3);
}

static wasm_func_t *probe_wasm_func_t_p(void)
{
    return need(wasm_extern_as_func(probe_export(0)), "wasm_extern_as_func");
}

static wasm_global_t *probe_wasm_global_t_p(void)
{
    return need(wasm_extern_as_global(probe_export(2)), "wasm_extern_as_global");
}

static wasm_table_t *probe_wasm_table_t_p(void)
{
    return need(wasm_extern_as_table(probe_export(3)), "wasm_extern_as_table");
}

static wasm_memory_t *probe_wasm_memory_t_p(void)
{
    return need(wasm_extern_as_memory(probe_export(4)), "wasm_extern_as_memory");
}

static wasm_foreign_t *probe_wasm_foreign_t_p(void)
{
    return need(wasm_foreign_new(g_store), "wasm_foreign_new");
}

static wasm_ref_t *probe_wasm_ref_t_p(void)
{
    return need(wasm_func_as_ref(probe_wasm_func_t_p()), "wasm_func_as_ref");
}

static wasm_ref_t *probe_wasm_ref_t_p_not_func(void)
{
    return need(wasm_foreign_as_ref(probe_wasm_foreign_t_p()), "wasm_foreign_as_ref");
}

static wasm_ref_t *probe_wasm_ref_t_p_not_foreign(void)
{
    return probe_wasm_ref_t_p();
}

static wasm_ref_t *probe_wasm_ref_t_p_not_global(void)
{
    return probe_wasm_ref_t_p();
}

static wasm_ref_t *probe_wasm_ref_t_p_not_table(void)
{
    return probe_wasm_ref_t_p();
}

static wasm_ref_t *probe_wasm_ref_t_p_not_memory(void)
{
    return probe_wasm_ref_t_p();
}

static wasm_ref_t *probe_wasm_ref_t_p_not_trap(void)
{
    return probe_wasm_ref_t_p();
}

static wasm_ref_t *probe_wasm_ref_t_p_not_instance(void)
{
    return probe_wasm_ref_t_p();
}

static wasm_ref_t *probe_wasm_ref_t_p_not_extern(void)
{
    return probe_wasm_ref_t_p();
}

/* The trap of calling the module's "trap" export (unreachable): it carries frames. */
static wasm_trap_t *probe_wasm_trap_t_p(void)
{
    wasm_func_t *func = need(wasm_extern_as_func(probe_export(1)), "wasm_extern_as_func");
    wasm_val_vec_t args = WASM_EMPTY_VEC;
    wasm_val_vec_t results = WASM_EMPTY_VEC;
    return need(wasm_func_call(func, &args, &results), "wasm_func_call trap");
}

static wasm_frame_t *probe_wasm_frame_t_p(void)
{
    return need(wasm_trap_origin(probe_wasm_trap_t_p()), "wasm_trap_origin");
}

static wasm_frame_t **probe_wasm_frame_t_p_a(void)
{
    wasm_frame_t **array = zeroed(sizeof *array);
    array[0] = probe_wasm_frame_t_p();
    return array;
}

static wasm_frame_vec_t *probe_wasm_frame_vec_t_p(void)
{
    wasm_frame_vec_t *vec = zeroed(sizeof *vec);
    wasm_trap_trace(probe_wasm_trap_t_p(), vec);
    need(vec->num_elems ? vec->data : NULL, "wasm_trap_trace");
    return vec;
}

static wasm_frame_vec_t *probe_out_wasm_frame_vec_t_p(void)
{
    return zeroed(sizeof(wasm_frame_vec_t));
}

/* ---- arguments for one function's parameter (probe_for_<function>_<parameter>, used before the type's) ---- */

/* A table's element type must be a reference type. */
static wasm_valtype_t *probe_for_wasm_tabletype_new_arg0(void)
{
    return need(wasm_valtype_new(WASM_FUNCREF), "wasm_valtype_new");
}

static wasm_ref_t *probe_for_wasm_ref_as_foreign_arg0(void)
{
    return probe_wasm_ref_t_p_not_func();
}

static wasm_ref_t *probe_for_wasm_ref_as_foreign_const_arg0(void)
{
    return probe_wasm_ref_t_p_not_func();
}

/* ---- odd (non-NULL) arguments that negative tests pass in-process: each must survive here first ---------- */

static void report_vec(size_t size, const void *data, size_t num_elems)
{
    report("size=%zu data=%s num_elems=%zu", size, data ? "set" : "NULL", num_elems);
}

static void odd_byte_vec_new_uninitialized_huge(void)
{
    wasm_byte_vec_t vec;
    wasm_byte_vec_new_uninitialized(&vec, (size_t)1 << 33);
    report_vec(vec.size, vec.data, vec.num_elems);
}

static void odd_byte_vec_new_huge(void)
{
    wasm_byte_vec_t vec;
    wasm_byte_vec_new(&vec, (size_t)1 << 33, (const wasm_byte_t *)g_binary);
    report_vec(vec.size, vec.data, vec.num_elems);
}

static void odd_byte_vec_new_null_data(void)
{
    wasm_byte_vec_t vec;
    wasm_byte_vec_new(&vec, 3, NULL);
    report_vec(vec.size, vec.data, vec.num_elems);
}

static void odd_byte_vec_copy_null_src(void)
{
    wasm_byte_vec_t out;
    memset(&out, 0x5A, sizeof out);
    wasm_byte_vec_copy(&out, NULL);
    const unsigned char *bytes = (const unsigned char *)&out;
    size_t unchanged = 0;
    for (size_t i = 0; i < sizeof out; i++) {
        unchanged += bytes[i] == 0x5A;
    }

    report(unchanged == sizeof out ? "out unchanged" : "out changed");
}

static void odd_valtype_vec_new_uninitialized_huge(void)
{
    wasm_valtype_vec_t vec;
    wasm_valtype_vec_new_uninitialized(&vec, (size_t)1 << 33);
    report_vec(vec.size, vec.data, vec.num_elems);
}

static void odd_valtype_vec_copy_null_src(void)
{
    wasm_valtype_vec_t out;
    memset(&out, 0x5A, sizeof out);
    wasm_valtype_vec_copy(&out, NULL);
    report_vec(out.size, out.data, out.num_elems);
}

static void odd_valtype_vec_null_element(void)
{
    wasm_valtype_t *elements[2] = { probe_wasm_valtype_t_p(), NULL };
    wasm_valtype_vec_t vec, copy;
    wasm_valtype_vec_new(&vec, 2, elements);
    wasm_valtype_vec_copy(&copy, &vec);
    size_t copied = copy.size;
    wasm_valtype_vec_delete(&copy);
    wasm_valtype_vec_delete(&vec);
    report("copy size=%zu; both deleted", copied);
}

static void odd_valtype_new_unknown_kind(void)
{
    report(wasm_valtype_new(99) ? "non-NULL" : "NULL");
}

static void odd_functype_new_null_element(void)
{
    wasm_valtype_t *elements[1] = { NULL };
    wasm_valtype_vec_t params, results = WASM_EMPTY_VEC;
    wasm_valtype_vec_new(&params, 1, elements);
    wasm_functype_t *type = wasm_functype_new(&params, &results);
    wasm_functype_t *copy = type ? wasm_functype_copy(type) : NULL;
    report("new %s, copy %s", type ? "non-NULL" : "NULL", copy ? "non-NULL" : "NULL");
    wasm_functype_delete(copy);
    wasm_functype_delete(type);
}

static void odd_globaltype_new_mutability_7(void)
{
    wasm_globaltype_t *type = wasm_globaltype_new(probe_wasm_valtype_t_p(), 7);
    report("mutability=%d", type ? (int)wasm_globaltype_mutability(type) : -1);
    wasm_globaltype_delete(type);
}

static void odd_tabletype_new_i32_element(void)
{
    wasm_valtype_t *element = probe_wasm_valtype_t_p();
    wasm_tabletype_t *type = wasm_tabletype_new(element, probe_wasm_limits_t_p());
    report(type ? "non-NULL" : "NULL");
    wasm_valtype_delete(element);
}

static void odd_tabletype_new_min_above_max(void)
{
    wasm_limits_t limits = { 10, 1 };
    wasm_tabletype_t *type = wasm_tabletype_new(need(wasm_valtype_new(WASM_FUNCREF), "wasm_valtype_new"), &limits);
    report(type ? "non-NULL" : "NULL");
    wasm_tabletype_delete(type);
}

static void odd_memorytype_new_min_above_max(void)
{
    wasm_limits_t limits = { 10, 1 };
    wasm_memorytype_t *type = wasm_memorytype_new(&limits);
    report(type ? "limits=%u..%u" : "NULL", type ? wasm_memorytype_limits(type)->min : 0, type ? wasm_memorytype_limits(type)->max : 0);
    wasm_memorytype_delete(type);
}

static void odd_memorytype_new_beyond_4gib(void)
{
    wasm_limits_t limits = { 70000, 0xffffffffu };
    wasm_memorytype_t *type = wasm_memorytype_new(&limits);
    report(type ? "non-NULL" : "NULL");
    wasm_memorytype_delete(type);
}

static void odd_importtype_new_empty_names(void)
{
    wasm_byte_vec_t *module = zeroed(sizeof *module), *name = zeroed(sizeof *name);
    wasm_importtype_t *type = wasm_importtype_new(module, name, probe_wasm_externtype_t_p());
    report(type ? "module size=%zu name size=%zu" : "NULL", type ? wasm_importtype_module(type)->size : 0, type ? wasm_importtype_name(type)->size : 0);
    wasm_importtype_delete(type);
}

static void odd_exporttype_new_empty_name(void)
{
    wasm_byte_vec_t *name = zeroed(sizeof *name);
    wasm_exporttype_t *type = wasm_exporttype_new(name, probe_wasm_externtype_t_p());
    report(type ? "name size=%zu" : "NULL", type ? wasm_exporttype_name(type)->size : 0);
    wasm_exporttype_delete(type);
}

static void odd_engine_new_with_args_pool_without_options(void)
{
    wasm_engine_t *engine = wasm_engine_new_with_args(Alloc_With_Pool, NULL);
    report(engine == g_engine ? "the existing engine" : engine ? "another engine" : "NULL");
}

static void odd_engine_new_with_args_pool_without_options_no_engine(void)
{
    wasm_store_delete(g_store);
    wasm_engine_delete(g_engine);
    wasm_engine_t *engine = wasm_engine_new_with_args(Alloc_With_Pool, NULL);
    report(engine ? "non-NULL" : "NULL");
}

static void odd_engine_delete_twice_more_than_new(void)
{
    wasm_engine_t *second = wasm_engine_new();
    wasm_store_delete(g_store);
    wasm_engine_delete(second);
    wasm_engine_delete(g_engine);
    wasm_engine_delete(g_engine);
    report("returned");
}

static void odd_val_copy_anyref_null(void)
{
    wasm_val_t src = WASM_INIT_VAL, out;
    memset(&out, 0, sizeof out);
    wasm_val_copy(&out, &src);
    report("kind=%d ref=%s", (int)out.kind, out.of.ref ? "set" : "NULL");
}

static void odd_engine_new_with_config_foreign_config(void)
{
    wasm_engine_t *engine = wasm_engine_new_with_config((wasm_config_t *)zeroed(64));
    report(engine == g_engine ? "the existing engine" : engine ? "another engine" : "NULL");
}

static void odd_store_new_foreign_engine(void)
{
    report(wasm_store_new((wasm_engine_t *)zeroed(256)) ? "non-NULL" : "NULL");
}

/* ---- hazards: misuse that crashes although no argument is NULL; documented, never done in-process ---------- */

static void hazard_val_delete_stack_value(void)
{
    wasm_val_t value = WASM_INIT_VAL;
    wasm_val_delete(&value);
    report("returned");
}

static const probe_case odd_cases[] = {
    { "wasm_byte_vec_new_uninitialized", -1, "-", "odd: size 2^33 (WAMR allocates at most 4 GiB)", odd_byte_vec_new_uninitialized_huge },
    { "wasm_byte_vec_new", -1, "-", "odd: size 2^33 with data", odd_byte_vec_new_huge },
    { "wasm_byte_vec_new", -1, "-", "odd: size 3, data NULL", odd_byte_vec_new_null_data },
    { "wasm_byte_vec_copy", -1, "-", "odd: src NULL, out filled with 0x5A", odd_byte_vec_copy_null_src },
    { "wasm_valtype_vec_new_uninitialized", -1, "-", "odd: size 2^33", odd_valtype_vec_new_uninitialized_huge },
    { "wasm_valtype_vec_copy", -1, "-", "odd: src NULL, out filled with 0x5A", odd_valtype_vec_copy_null_src },
    { "wasm_valtype_vec_copy", -1, "-", "odd: src has a NULL element", odd_valtype_vec_null_element },
    { "wasm_valtype_new", -1, "-", "odd: kind 99", odd_valtype_new_unknown_kind },
    { "wasm_functype_new", -1, "-", "odd: a NULL parameter type, then wasm_functype_copy", odd_functype_new_null_element },
    { "wasm_globaltype_new", -1, "-", "odd: mutability 7", odd_globaltype_new_mutability_7 },
    { "wasm_tabletype_new", -1, "-", "odd: element type i32", odd_tabletype_new_i32_element },
    { "wasm_tabletype_new", -1, "-", "odd: limits min 10 > max 1", odd_tabletype_new_min_above_max },
    { "wasm_memorytype_new", -1, "-", "odd: limits min 10 > max 1", odd_memorytype_new_min_above_max },
    { "wasm_memorytype_new", -1, "-", "odd: limits 70000..0xffffffff pages", odd_memorytype_new_beyond_4gib },
    { "wasm_importtype_new", -1, "-", "odd: empty module and name", odd_importtype_new_empty_names },
    { "wasm_exporttype_new", -1, "-", "odd: empty name", odd_exporttype_new_empty_name },
    { "wasm_engine_new_with_args", -1, "-", "odd: Alloc_With_Pool without options, an engine alive", odd_engine_new_with_args_pool_without_options },
    { "wasm_engine_new_with_args", -1, "-", "odd: Alloc_With_Pool without options, no engine", odd_engine_new_with_args_pool_without_options_no_engine },
    { "wasm_engine_delete", -1, "-", "odd: deleted once more than made", odd_engine_delete_twice_more_than_new },
    { "wasm_val_copy", -1, "-", "odd: WASM_INIT_VAL (anyref NULL)", odd_val_copy_anyref_null },
    { "wasm_engine_new_with_config", -1, "-", "odd: a config WAMR never made", odd_engine_new_with_config_foreign_config },
    { "wasm_store_new", -1, "-", "odd: an engine pointer that is not WAMR's engine", odd_store_new_foreign_engine },
    { "wasm_val_delete", -1, "-", "hazard: a wasm_val_t on the stack (WAMR frees the value itself)", hazard_val_delete_stack_value },
};

/* ---- the generated cases --------------------------------------------------------------------------------- */

#include "null-probe-cases.inc"

/* ---- parent ---------------------------------------------------------------------------------------------- */

static int read_binary(const char *path)
{
    FILE *file = fopen(path, "rb");
    if (!file) {
        return 0;
    }

    if (fseek(file, 0, SEEK_END) != 0) {
        fclose(file);
        return 0;
    }

    long size = ftell(file);
    rewind(file);
    if (size <= 0 || !(g_binary = malloc((size_t)size)) || fread(g_binary, 1, (size_t)size, file) != (size_t)size) {
        fclose(file);
        return 0;
    }

    g_binary_size = (size_t)size;
    fclose(file);
    return 1;
}

static const char *signal_name(int signal)
{
    switch (signal) {
        case SIGSEGV:
            return "SIGSEGV";
        case SIGBUS:
            return "SIGBUS";
        case SIGABRT:
            return "SIGABRT";
        case SIGILL:
            return "SIGILL";
        case SIGFPE:
            return "SIGFPE";
        default:
            return "other";
    }
}

static void run_case(const probe_case *c)
{
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) {
        perror("pipe");
        exit(2);
    }

    fflush(stdout);
    pid_t child = fork();
    if (child < 0) {
        perror("fork");
        exit(2);
    }

    if (child == 0) {
        /* WAMR prints load errors and trap frames to stdout: keep the parent's output clean. */
        FILE *null_out = fopen("/dev/null", "w");
        if (null_out) {
            dup2(fileno(null_out), STDOUT_FILENO);
            dup2(fileno(null_out), STDERR_FILENO);
        }

        close(pipe_fds[0]);
        g_result_fd = pipe_fds[1];
        alarm(10);
        c->run();
        _exit(0);
    }

    close(pipe_fds[1]);
    char detail[256];
    size_t length = 0;
    ssize_t n;
    while (length < sizeof detail - 1 && (n = read(pipe_fds[0], detail + length, sizeof detail - 1 - length)) > 0) {
        length += (size_t)n;
    }

    detail[length] = '\0';
    close(pipe_fds[0]);
    int status = 0;
    while (waitpid(child, &status, 0) < 0) {
    }

    const char *outcome;
    char text[300];
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) {
        outcome = "timeout";
        snprintf(text, sizeof text, "-");
    }
    else if (WIFSIGNALED(status)) {
        outcome = "signal";
        snprintf(text, sizeof text, "%s", signal_name(WTERMSIG(status)));
    }
    else if (WEXITSTATUS(status) != 0) {
        outcome = "exit";
        snprintf(text, sizeof text, "%d %s", WEXITSTATUS(status), detail);
    }
    else {
        outcome = "returned";
        snprintf(text, sizeof text, "%s", detail);
    }

    printf("case\t%s\t%d\t%s\t%s\t%s\t%s\n", c->function, c->null_index, c->null_param, c->mode, outcome, text);
}

int main(int argc, char **argv)
{
    if (argc != 2 || !read_binary(argv[1])) {
        fprintf(stderr, "usage: null-probe <probe-module.wasm> (a readable, non-empty file)\n");
        return 2;
    }

    g_engine = wasm_engine_new();
    g_store = g_engine ? wasm_store_new(g_engine) : NULL;
    if (!g_store) {
        fprintf(stderr, "wasm_engine_new or wasm_store_new failed\n");
        return 2;
    }

    size_t count = sizeof probe_cases / sizeof probe_cases[0];
    for (size_t i = 0; i < count; i++) {
        run_case(&probe_cases[i]);
    }

    for (size_t i = 0; i < sizeof odd_cases / sizeof odd_cases[0]; i++) {
        run_case(&odd_cases[i]);
    }

    printf("done\t%zu\n", count + sizeof odd_cases / sizeof odd_cases[0]);
    return 0;
}
