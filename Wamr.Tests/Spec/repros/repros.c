/*
 * The WAMR 1.1.2 limitations behind the spec testsuite's expected failures, shown in C against the same libiwasm
 * the binding uses (built and run by Wamr.Tests/Spec/SpecReproTests.cs), and the conversions of references crossing a
 * host function that the façade's host functions rely on (host-externref*, host-funcref):
 *
 *   cc -std=gnu11 -I artifacts/native/include -o repros repros.c -L artifacts/native/linux-x64 -liwasm \
 *      -Wl,-rpath,artifacts/native/linux-x64
 *   ./repros cases <folder of the repro modules>     every case below, each in a fork()ed child
 *   ./repros validate <file.wasm>...                  wasm_module_validate of each file
 *
 * Output lines start with "REPRO " (WAMR prints its own lines too): "REPRO <case>: <what happened>".
 * Instances are made with wasm_instance_new_with_args(..., 32 KiB stack, heap 0), as the binding does.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wasm_c_api.h"

static const char *folder;
static wasm_engine_t *engine;
static wasm_store_t *store;

static wasm_module_t *load(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.wasm", folder, name);
    FILE *file = fopen(path, "rb");
    if (!file) {
        printf("REPRO cannot open %s\n", path);
        exit(2);
    }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    wasm_byte_vec_t binary;
    wasm_byte_vec_new_uninitialized(&binary, (size_t)size);
    if (fread(binary.data, 1, (size_t)size, file) != (size_t)size) {
        exit(2);
    }
    fclose(file);
    wasm_module_t *module = wasm_module_new(store, &binary);
    wasm_byte_vec_delete(&binary);
    if (!module) {
        printf("REPRO cannot load %s\n", path);
        exit(2);
    }
    return module;
}

static wasm_instance_t *instantiate(wasm_module_t *module, wasm_extern_t **imports, size_t count)
{
    wasm_extern_vec_t vector = { 0 };
    if (count) {
        wasm_extern_vec_new(&vector, count, imports);
    }
    wasm_trap_t *trap = NULL;
    wasm_instance_t *instance = wasm_instance_new_with_args(store, module, &vector, &trap, 32 * 1024, 0);
    if (trap) {
        wasm_trap_delete(trap);
    }
    return instance;
}

/* The export called name (looked up through the module's export types). */
static wasm_extern_t *export_named(wasm_module_t *module, wasm_instance_t *instance, const char *name)
{
    wasm_exporttype_vec_t types;
    wasm_module_exports(module, &types);
    wasm_extern_vec_t exports;
    wasm_instance_exports(instance, &exports);
    wasm_extern_t *found = NULL;
    for (size_t i = 0; i < types.size; i++) {
        const wasm_name_t *n = wasm_exporttype_name(types.data[i]);
        if (n->size == strlen(name) && memcmp(n->data, name, n->size) == 0) {
            found = exports.data[i];
        }
    }
    if (!found) {
        printf("REPRO no export %s\n", name);
        exit(2);
    }
    return found;
}

static wasm_func_t *func_named(wasm_module_t *module, wasm_instance_t *instance, const char *name)
{
    return wasm_extern_as_func(export_named(module, instance, name));
}

/* Calls with one i32 result; prints it, or the trap. */
static void call_i32(const char *label, wasm_func_t *func, wasm_val_t *args, size_t count)
{
    wasm_val_t results[1] = { WASM_INIT_VAL };
    wasm_val_vec_t a = { count, args, count, sizeof(wasm_val_t), NULL };
    wasm_val_vec_t r = WASM_ARRAY_VEC(results);
    wasm_trap_t *trap = wasm_func_call(func, &a, &r);
    if (trap) {
        wasm_message_t message;
        wasm_trap_message(trap, &message);
        printf("REPRO %s: trap %.*s\n", label, (int)message.size, message.data);
        wasm_byte_vec_delete(&message);
        wasm_trap_delete(trap);
    }
    else {
        printf("REPRO %s: returned %d\n", label, results[0].of.i32);
    }
}

static void case_funcref_result(void)
{
    wasm_module_t *module = load("refs");
    wasm_instance_t *instance = instantiate(module, NULL, 0);
    wasm_val_t results[1] = { WASM_INIT_VAL };
    wasm_val_vec_t a = WASM_EMPTY_VEC, r = WASM_ARRAY_VEC(results);
    wasm_trap_t *trap = wasm_func_call(func_named(module, instance, "funcref"), &a, &r);
    printf("REPRO funcref-result: returned (trap %s)\n", trap ? "set" : "none");
}

static void case_funcref_param(void)
{
    wasm_module_t *module = load("refs");
    wasm_instance_t *instance = instantiate(module, NULL, 0);
    wasm_val_t args[1] = { { .kind = WASM_FUNCREF, .of = { .ref = NULL } } };
    call_i32("funcref-param", func_named(module, instance, "is_null_func"), args, 1);
}

static void case_externref_null(void)
{
    wasm_module_t *module = load("refs");
    wasm_instance_t *instance = instantiate(module, NULL, 0);
    wasm_val_t args[1] = { { .kind = WASM_ANYREF, .of = { .ref = NULL } } };
    call_i32("externref-null", func_named(module, instance, "is_null_extern"), args, 1);
}

static void case_externref_shift(void)
{
    wasm_module_t *module = load("refs");
    wasm_instance_t *instance = instantiate(module, NULL, 0);
    wasm_foreign_t *foreign = wasm_foreign_new(store);
    wasm_val_t args[2] = { { .kind = WASM_ANYREF, .of = { .ref = wasm_foreign_as_ref(foreign) } }, WASM_I32_VAL(42) };
    call_i32("externref-shift (second argument 42)", func_named(module, instance, "second"), args, 2);
}

static void case_import(const char *label, const char *importer, const char *export_name)
{
    wasm_module_t *exporter = load("exporter");
    wasm_instance_t *source = instantiate(exporter, NULL, 0);
    wasm_extern_t *item = export_named(exporter, source, export_name);
    wasm_module_t *module = load(importer);
    wasm_instance_t *instance = instantiate(module, &item, 1);
    printf("REPRO %s (exported by another instance): %s\n", label, instance ? "instantiated" : "refused");
}

static void case_memory_import(void)
{
    case_import("memory-import", "memory_import", "memory");
    wasm_limits_t limits = { 1, 1 };
    wasm_memorytype_t *type = wasm_memorytype_new(&limits);
    wasm_memory_t *memory = wasm_memory_new(store, type);
    wasm_extern_t *item = wasm_memory_as_extern(memory);
    wasm_instance_t *instance = instantiate(load("memory_import"), &item, 1);
    printf("REPRO memory-import (host-made): %s\n", instance ? "instantiated" : "refused");
}

static void case_table_import(void)
{
    case_import("table-import", "table_import", "table");
    wasm_limits_t limits = { 1, 1 };
    wasm_tabletype_t *type = wasm_tabletype_new(wasm_valtype_new(WASM_FUNCREF), &limits);
    wasm_table_t *table = wasm_table_new(store, type, NULL);
    wasm_extern_t *item = wasm_table_as_extern(table);
    wasm_instance_t *instance = instantiate(load("table_import"), &item, 1);
    printf("REPRO table-import (host-made): %s\n", instance ? "instantiated" : "refused");
}

static void case_ref_global_import(void)
{
    wasm_globaltype_t *type = wasm_globaltype_new(wasm_valtype_new(WASM_ANYREF), WASM_CONST);
    wasm_val_t init = { .kind = WASM_ANYREF, .of = { .ref = NULL } };
    wasm_global_t *global = wasm_global_new(store, type, &init);
    if (!global) {
        printf("REPRO ref-global-import: wasm_global_new refused\n");
        return;
    }
    wasm_extern_t *item = wasm_global_as_extern(global);
    wasm_instance_t *instance = instantiate(load("ref_global_import"), &item, 1);
    printf("REPRO ref-global-import: %s\n", instance ? "instantiated" : "refused");
}

static void case_global_import_copy(void)
{
    wasm_module_t *exporter = load("exporter");
    wasm_instance_t *source = instantiate(exporter, NULL, 0);
    wasm_extern_t *item = export_named(exporter, source, "global");
    wasm_module_t *module = load("global_import");
    wasm_instance_t *instance = instantiate(module, &item, 1);
    if (!instance) {
        printf("REPRO global-import-copy: refused\n");
        return;
    }
    wasm_val_t args[1] = { WASM_I32_VAL(2) };
    wasm_val_vec_t a = WASM_ARRAY_VEC(args), r = WASM_EMPTY_VEC;
    wasm_func_call(func_named(exporter, source, "set"), &a, &r);
    printf("REPRO global-import-copy: the exporter set its global (1) to 2\n");
    call_i32("global-import-copy: the importer's global.get", func_named(module, instance, "get"), NULL, 0);
}

static wasm_trap_t *nothing(const wasm_val_vec_t *args, wasm_val_vec_t *results)
{
    (void)args;
    (void)results;
    printf("REPRO start-import: the host function ran\n");
    return NULL;
}

static void case_start_import(void)
{
    wasm_functype_t *type = wasm_functype_new_0_0();
    wasm_func_t *host = wasm_func_new(store, type, nothing);
    wasm_extern_t *item = wasm_func_as_extern(host);
    wasm_instance_t *instance = instantiate(load("start_import"), &item, 1);
    printf("REPRO start-import: %s\n", instance ? "instantiated" : "refused");
}

static void case_snan_rounding(void)
{
    wasm_module_t *module = load("snan");
    wasm_instance_t *instance = instantiate(module, NULL, 0);
    static const char *names[] = { "floor", "ceil", "trunc", "nearest" };
    for (int i = 0; i < 4; i++) {
        char name[32];
        wasm_val_t results[1] = { WASM_INIT_VAL };
        wasm_val_vec_t r = WASM_ARRAY_VEC(results);

        uint32_t bits32 = 0x7fa00000u;
        wasm_val_t arg32 = { .kind = WASM_F32 };
        memcpy(&arg32.of.f32, &bits32, 4);
        wasm_val_vec_t a32 = { 1, &arg32, 1, sizeof(wasm_val_t), NULL };
        snprintf(name, sizeof name, "f32.%s", names[i]);
        wasm_func_call(func_named(module, instance, name), &a32, &r);
        memcpy(&bits32, &results[0].of.f32, 4);
        printf("REPRO snan-rounding %s(0x7fa00000) = 0x%08x\n", name, bits32);

        uint64_t bits64 = 0x7ff4000000000000ull;
        wasm_val_t arg64 = { .kind = WASM_F64 };
        memcpy(&arg64.of.f64, &bits64, 8);
        wasm_val_vec_t a64 = { 1, &arg64, 1, sizeof(wasm_val_t), NULL };
        snprintf(name, sizeof name, "f64.%s", names[i]);
        wasm_func_call(func_named(module, instance, name), &a64, &r);
        memcpy(&bits64, &results[0].of.f64, 8);
        printf("REPRO snan-rounding %s(0x7ff4000000000000) = 0x%016llx\n", name, (unsigned long long)bits64);
    }
}

static void call_void(const char *label, wasm_func_t *func)
{
    wasm_val_vec_t a = WASM_EMPTY_VEC, r = WASM_EMPTY_VEC;
    wasm_trap_t *trap = wasm_func_call(func, &a, &r);
    printf("REPRO %s: %s\n", label, trap ? "trapped" : "returned");
    if (trap) {
        wasm_trap_delete(trap);
    }
}

static void case_table_init_bounds(void)
{
    wasm_module_t *module = load("table_init");
    wasm_instance_t *instance = instantiate(module, NULL, 0);
    call_void("table-init-bounds zero_past_end", func_named(module, instance, "zero_past_end"));
    call_void("table-init-bounds declared", func_named(module, instance, "declared"));
}

static void case_export_name_nul(void)
{
    wasm_module_t *module = load("export_nul");
    wasm_exporttype_vec_t types;
    wasm_module_exports(module, &types);
    const wasm_name_t *name = wasm_exporttype_name(types.data[0]);
    printf("REPRO export-name-nul: the 4-byte name \"a\\0bc\" is %zu byte(s)\n", name->size);
}

/* ---- References crossing a host function (wasm_func_new_with_env) ----
 * WAMR's trampoline, wasm_runtime_invoke_c_api_native, converts parameters with argv_to_params and results with
 * results_to_argv (wasm_runtime_common.c): an externref through the process-wide externref map (index <-> host
 * pointer), a funcref not at all. */

static void *host_made;     /* what make returns */
static void *host_seen;     /* what echo received */
static wasm_valkind_t host_seen_kind;
static int host_calls;

static wasm_trap_t *host_echo(void *env, const wasm_val_vec_t *args, wasm_val_vec_t *results)
{
    host_calls++;
    host_seen_kind = args->data[0].kind;
    host_seen = args->data[0].of.ref;
    results->data[0].kind = WASM_ANYREF;
    results->data[0].of.ref = args->data[0].of.ref;
    return NULL;
}

static wasm_trap_t *host_make(void *env, const wasm_val_vec_t *args, wasm_val_vec_t *results)
{
    host_calls++;
    results->data[0].kind = WASM_ANYREF;
    results->data[0].of.ref = host_made;
    return NULL;
}

static wasm_trap_t *host_funcref_param(void *env, const wasm_val_vec_t *args, wasm_val_vec_t *results)
{
    host_calls++;
    return NULL;
}

static wasm_trap_t *host_funcref_result(void *env, const wasm_val_vec_t *args, wasm_val_vec_t *results)
{
    host_calls++;
    results->data[0].kind = WASM_FUNCREF;
    results->data[0].of.ref = NULL;
    return NULL;
}

static wasm_functype_t *ref_type(wasm_valkind_t parameter, wasm_valkind_t result)
{
    wasm_valtype_vec_t parameters = WASM_EMPTY_VEC, results = WASM_EMPTY_VEC;
    if (parameter) {
        wasm_valtype_t *type = wasm_valtype_new(parameter);
        wasm_valtype_vec_new(&parameters, 1, &type);
    }
    if (result) {
        wasm_valtype_t *type = wasm_valtype_new(result);
        wasm_valtype_vec_new(&results, 1, &type);
    }
    return wasm_functype_new(&parameters, &results);
}

static wasm_module_t *host_refs_module;
static wasm_instance_t *host_refs_instance;

static wasm_func_t *host_refs(const char *name)
{
    if (!host_refs_instance) {
        wasm_func_callback_with_env_t callbacks[4] = { host_echo, host_make, host_funcref_param, host_funcref_result };
        wasm_functype_t *types[4] = { ref_type(WASM_ANYREF, WASM_ANYREF), ref_type(0, WASM_ANYREF), ref_type(WASM_FUNCREF, 0),
                                      ref_type(0, WASM_FUNCREF) };
        wasm_extern_t *imports[4];
        for (int i = 0; i < 4; i++) {
            imports[i] = wasm_func_as_extern(wasm_func_new_with_env(store, types[i], callbacks[i], NULL, NULL));
        }
        host_refs_module = load("host_refs");
        host_refs_instance = instantiate(host_refs_module, imports, 4);
    }
    return func_named(host_refs_module, host_refs_instance, name);
}

static void case_host_externref(void)
{
    wasm_ref_t *foreign = wasm_foreign_as_ref(wasm_foreign_new(store));
    host_made = foreign;
    call_i32("host-externref make_echo_is_null", host_refs("make_echo_is_null"), NULL, 0);
    printf("REPRO host-externref: echo received %s (kind %d)\n", host_seen == foreign ? "the pointer make returned" : "another pointer",
           (int)host_seen_kind);
}

static void case_host_externref_null(void)
{
    host_seen = (void *)1;
    call_i32("host-externref-null null_echo_is_null", host_refs("null_echo_is_null"), NULL, 0);
    printf("REPRO host-externref-null: echo received %s\n", host_seen == NULL ? "NULL" : "non-NULL");
    host_made = NULL;
    call_i32("host-externref-null make_is_null (NULL)", host_refs("make_is_null"), NULL, 0);
    host_made = (void *)(uintptr_t)-1;
    call_i32("host-externref-null make_is_null ((void *)-1)", host_refs("make_is_null"), NULL, 0);
}

static void case_host_funcref(void)
{
    call_i32("host-funcref param", host_refs("funcref_param"), NULL, 0);
    call_i32("host-funcref null param", host_refs("funcref_null_param"), NULL, 0);
    printf("REPRO host-funcref: the host function ran %d time(s) for the parameters\n", host_calls);
    host_calls = 0;
    call_i32("host-funcref result", host_refs("funcref_result"), NULL, 0);
    printf("REPRO host-funcref: the host function ran %d time(s) for the result\n", host_calls);
}

typedef void (*repro_case)(void);

static void run(const char *name, repro_case body)
{
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        engine = wasm_engine_new();
        store = wasm_store_new(engine);
        body();
        fflush(stdout);
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    if (WIFSIGNALED(status)) {
        printf("REPRO %s: killed by signal %s\n", name, strsignal(WTERMSIG(status)));
    }
    else if (WEXITSTATUS(status) != 0) {
        printf("REPRO %s: exit %d\n", name, WEXITSTATUS(status));
    }
    fflush(stdout);
}

static int validate(int count, char **paths)
{
    engine = wasm_engine_new();
    store = wasm_store_new(engine);
    for (int i = 0; i < count; i++) {
        FILE *file = fopen(paths[i], "rb");
        if (!file) {
            printf("REPRO cannot open %s\n", paths[i]);
            return 2;
        }
        fseek(file, 0, SEEK_END);
        long size = ftell(file);
        fseek(file, 0, SEEK_SET);
        wasm_byte_vec_t binary;
        wasm_byte_vec_new_uninitialized(&binary, (size_t)size);
        size_t read = fread(binary.data, 1, (size_t)size, file);
        fclose(file);
        bool valid = read == (size_t)size && wasm_module_validate(store, &binary);
        wasm_byte_vec_delete(&binary);
        printf("REPRO validate %s: %s\n", paths[i], valid ? "valid" : "invalid");
    }
    return 0;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc >= 2 && strcmp(argv[1], "validate") == 0) {
        return validate(argc - 2, argv + 2);
    }
    if (argc != 3 || strcmp(argv[1], "cases") != 0) {
        fprintf(stderr, "usage: repros cases <folder> | repros validate <file.wasm>...\n");
        return 2;
    }
    folder = argv[2];
    run("funcref-result", case_funcref_result);
    run("funcref-param", case_funcref_param);
    run("externref-null", case_externref_null);
    run("externref-shift", case_externref_shift);
    run("memory-import", case_memory_import);
    run("table-import", case_table_import);
    run("ref-global-import", case_ref_global_import);
    run("global-import-copy", case_global_import_copy);
    run("start-import", case_start_import);
    run("snan-rounding", case_snan_rounding);
    run("table-init-bounds", case_table_init_bounds);
    run("export-name-nul", case_export_name_nul);
    run("host-externref", case_host_externref);
    run("host-externref-null", case_host_externref_null);
    run("host-funcref", case_host_funcref);
    return 0;
}
