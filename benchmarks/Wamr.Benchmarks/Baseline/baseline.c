/*
 * The raw C baseline for Wamr.Benchmarks: the same operations, on the same libiwasm and the same modules,
 * through WAMR's C API with nothing in between, plus the engine's own call entry (wasm_export.h's
 * wasm_runtime_call_wasm with a reused exec env) and the compute workload built natively. Built and run by
 * `Wamr.Benchmarks report`:
 *   cc -O2 -I <include> -I ../Workloads baseline.c -L <libdir> -liwasm -Wl,-rpath,<libdir> -o baseline
 *   ./baseline bench.wasm large.wasm small.wasm sha256.wasm [target-ms] [rounds] [workload-bytes]
 * Prints one line per measurement: "<operation> <path> <nanoseconds per operation>", the best of several
 * timed runs; <path> is "c" (through wasm_c_api.h), "call_wasm" (wasm_runtime_call_wasm), "call_direct" (the
 * engine extension's wamr_ext_call_direct, which the façade's typed path uses) or "native".
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wasm_c_api.h"
#include "wasm_export.h"
#include "wamr_ext.h"

/* The workload's native build; its two entry points renamed so that they cannot meet a library symbol. */
#define hash workload_native_hash
#define input_buffer workload_native_input_buffer
#include "sha256.c"
#undef hash
#undef input_buffer

#define MIB (1024 * 1024)

static wasm_engine_t *engine;
static wasm_store_t *store;
static wasm_module_t *module, *small_module, *sha_module;
static wasm_shared_module_t *small_shared;
static wasm_instance_t *instance, *sha_instance;
static wasm_extern_t *import_list[2];
static wasm_func_t *add_func, *nop_func, *call_host_func, *call_host_add_func, *sha_hash_func;
static wasm_exec_env_t exec_env;
static wasm_function_inst_t add_inst, nop_inst;
static uint32_t workload_bytes = 256 * 1024;
static wasm_memory_t *memory;
static wasm_byte_vec_t large_binary;
static uint8_t *host_buffer;
static volatile int64_t host_counter;

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static wasm_trap_t *host_inc(const wasm_val_vec_t *args, wasm_val_vec_t *results)
{
    (void)args;
    (void)results;
    host_counter++;
    return NULL;
}

static wasm_trap_t *host_add(const wasm_val_vec_t *args, wasm_val_vec_t *results)
{
    results->data[0].kind = WASM_I32;
    results->data[0].of.i32 = args->data[0].of.i32 + args->data[1].of.i32;
    return NULL;
}

static void read_file(const char *path, wasm_byte_vec_t *out)
{
    FILE *f = fopen(path, "rb");
    if (!f) { fprintf(stderr, "cannot open %s\n", path); exit(2); }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    wasm_byte_vec_new_uninitialized(out, (size_t)size);
    if (fread(out->data, 1, (size_t)size, f) != (size_t)size) { fprintf(stderr, "cannot read %s\n", path); exit(2); }
    fclose(f);
}

/* One operation; returns how many "per-operation" units it performed (e.g. 1000 host calls). */
typedef int (*operation)(void);

static int op_add(void)
{
    wasm_val_t a[2] = { WASM_I32_VAL(20), WASM_I32_VAL(22) };
    wasm_val_t r[1] = { WASM_INIT_VAL };
    wasm_val_vec_t args = WASM_ARRAY_VEC(a);
    wasm_val_vec_t results = WASM_ARRAY_VEC(r);
    wasm_trap_t *trap = wasm_func_call(add_func, &args, &results);
    if (trap || r[0].of.i32 != 42) { fprintf(stderr, "add failed\n"); exit(3); }
    return 1;
}

static int op_add_call_wasm(void)
{
    uint32_t argv[2] = { 20, 22 };
    if (!wasm_runtime_call_wasm(exec_env, add_inst, 2, argv) || argv[0] != 42) { fprintf(stderr, "add (call_wasm) failed\n"); exit(3); }
    return 1;
}

static int op_add_call_direct(void)
{
    uint32_t argv[2] = { 20, 22 };
    if (!wamr_ext_call_direct(exec_env, add_inst, 2, argv) || argv[0] != 42) { fprintf(stderr, "add (call_direct) failed\n"); exit(3); }
    return 1;
}

static int op_nop_call_direct(void)
{
    uint32_t argv[1] = { 0 };
    if (!wamr_ext_call_direct(exec_env, nop_inst, 0, argv)) { fprintf(stderr, "nop (call_direct) failed\n"); exit(3); }
    return 1;
}

static int op_nop_call_wasm(void)
{
    uint32_t argv[1] = { 0 };
    if (!wasm_runtime_call_wasm(exec_env, nop_inst, 0, argv)) { fprintf(stderr, "nop (call_wasm) failed\n"); exit(3); }
    return 1;
}

static int op_nop(void)
{
    wasm_val_vec_t args = WASM_EMPTY_VEC;
    wasm_val_vec_t results = WASM_EMPTY_VEC;
    if (wasm_func_call(nop_func, &args, &results)) { fprintf(stderr, "nop failed\n"); exit(3); }
    return 1;
}

#define HOST_CALLS 1000
static int op_callback(void)
{
    wasm_val_t a[1] = { WASM_I32_VAL(HOST_CALLS) };
    wasm_val_vec_t args = WASM_ARRAY_VEC(a);
    wasm_val_vec_t results = WASM_EMPTY_VEC;
    if (wasm_func_call(call_host_func, &args, &results)) { fprintf(stderr, "call_host failed\n"); exit(3); }
    return HOST_CALLS;
}

/* 1000 + 999 + ... + 1 */
#define HOST_ADD_SUM (HOST_CALLS * (HOST_CALLS + 1) / 2)
static int op_callback_add(void)
{
    wasm_val_t a[1] = { WASM_I32_VAL(HOST_CALLS) };
    wasm_val_t r[1] = { WASM_INIT_VAL };
    wasm_val_vec_t args = WASM_ARRAY_VEC(a);
    wasm_val_vec_t results = WASM_ARRAY_VEC(r);
    if (wasm_func_call(call_host_add_func, &args, &results) || r[0].of.i32 != HOST_ADD_SUM) { fprintf(stderr, "call_host_add failed\n"); exit(3); }
    return HOST_CALLS;
}

static int op_copy_in(void)
{
    memcpy(wasm_memory_data(memory), host_buffer, MIB);
    return 1;
}

static int op_copy_out(void)
{
    memcpy(host_buffer, wasm_memory_data(memory), MIB);
    return 1;
}

/* A fresh store per instance: WAMR 1.1.2 frees an instance only with its store. The module is shared once. */
static int op_instantiate(void)
{
    wasm_store_t *fresh_store = wasm_store_new(engine);
    wasm_module_t *obtained = wasm_module_obtain(fresh_store, small_shared);
    wasm_functype_t *inc_type = wasm_functype_new_0_0();
    wasm_func_t *inc = wasm_func_new(fresh_store, inc_type, host_inc);
    wasm_functype_delete(inc_type);
    wasm_extern_t *imports_list[1] = { wasm_func_as_extern(inc) }; /* small.wasm imports host.inc only */
    wasm_extern_vec_t imports = WASM_ARRAY_VEC(imports_list);
    wasm_instance_t *fresh = wasm_instance_new(fresh_store, obtained, &imports, NULL);
    if (!obtained || !fresh) { fprintf(stderr, "instantiate failed\n"); exit(3); }
    wasm_instance_delete(fresh);
    wasm_func_delete(inc);
    wasm_store_delete(fresh_store);
    return 1;
}

static int op_sha256_native(void)
{
    workload_native_hash(workload_bytes);
    return 1;
}

static int op_sha256_wasm(void)
{
    wasm_val_t a[1] = { WASM_I32_VAL((int32_t)workload_bytes) };
    wasm_val_t r[1] = { WASM_INIT_VAL };
    wasm_val_vec_t args = WASM_ARRAY_VEC(a);
    wasm_val_vec_t results = WASM_ARRAY_VEC(r);
    if (wasm_func_call(sha_hash_func, &args, &results)) { fprintf(stderr, "hash failed\n"); exit(3); }
    return 1;
}

static int op_validate_large(void)
{
    if (!wasm_module_validate(store, &large_binary)) { fprintf(stderr, "validate failed\n"); exit(3); }
    return 1;
}

static int op_load_large(void)
{
    wasm_module_t *m = wasm_module_new(store, &large_binary);
    if (!m) { fprintf(stderr, "load failed\n"); exit(3); }
    wasm_module_delete(m);
    return 1;
}

/* Runs op for about target_ms per round, best of `rounds`; prints ns per unit. */
static void measure(const char *name, const char *path, operation op, double target_ms, int rounds)
{
    for (int i = 0; i < 3; i++) op(); /* warm-up */
    long iterations = 1;
    for (;;) { /* calibrate */
        double start = now_ns();
        for (long i = 0; i < iterations; i++) op();
        double elapsed = now_ns() - start;
        if (elapsed > target_ms * 1e6 / 4 || iterations > (1L << 30)) {
            iterations = (long)((double)iterations * (target_ms * 1e6) / (elapsed > 1 ? elapsed : 1)) + 1;
            break;
        }
        iterations *= 4;
    }
    double best = 1e300;
    for (int r = 0; r < rounds; r++) {
        long units = 0;
        double start = now_ns();
        for (long i = 0; i < iterations; i++) units += op();
        double per_unit = (now_ns() - start) / (double)units;
        if (per_unit < best) best = per_unit;
    }
    printf("%s %s %.3f\n", name, path, best);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    if (argc < 5) { fprintf(stderr, "usage: baseline bench.wasm large.wasm small.wasm sha256.wasm [target-ms] [rounds] [workload-bytes]\n"); return 2; }
    double target_ms = argc > 5 ? atof(argv[5]) : 200;
    int rounds = argc > 6 ? atoi(argv[6]) : 5;
    if (argc > 7) workload_bytes = (uint32_t)atoi(argv[7]);
    if (workload_bytes > SHA256_INPUT_CAPACITY) { fprintf(stderr, "workload too large\n"); return 2; }

    engine = wasm_engine_new();
    store = wasm_store_new(engine);
    wasm_byte_vec_t binary;
    read_file(argv[1], &binary);
    read_file(argv[2], &large_binary);
    module = wasm_module_new(store, &binary);
    wasm_byte_vec_delete(&binary);
    if (!module) { fprintf(stderr, "bench.wasm did not load\n"); return 3; }
    read_file(argv[3], &binary);
    small_module = wasm_module_new(store, &binary);
    wasm_byte_vec_delete(&binary);
    if (!small_module) { fprintf(stderr, "small.wasm did not load\n"); return 3; }
    small_shared = wasm_module_share(small_module);
    read_file(argv[4], &binary);
    sha_module = wasm_module_new(store, &binary);
    wasm_byte_vec_delete(&binary);
    if (!sha_module || !small_shared) { fprintf(stderr, "sha256.wasm did not load\n"); return 3; }

    wasm_functype_t *inc_type = wasm_functype_new_0_0();
    wasm_func_t *inc = wasm_func_new(store, inc_type, host_inc);
    wasm_functype_delete(inc_type);
    wasm_functype_t *add_type = wasm_functype_new_2_1(wasm_valtype_new_i32(), wasm_valtype_new_i32(), wasm_valtype_new_i32());
    wasm_func_t *add_host = wasm_func_new(store, add_type, host_add);
    wasm_functype_delete(add_type);
    import_list[0] = wasm_func_as_extern(inc);
    import_list[1] = wasm_func_as_extern(add_host);
    wasm_extern_vec_t imports = WASM_ARRAY_VEC(import_list);
    instance = wasm_instance_new(store, module, &imports, NULL);
    if (!instance) { fprintf(stderr, "bench.wasm did not instantiate\n"); return 3; }
    wasm_extern_vec_t exports;
    wasm_instance_exports(instance, &exports);
    memory = wasm_extern_as_memory(exports.data[0]);
    add_func = wasm_extern_as_func(exports.data[1]);
    nop_func = wasm_extern_as_func(exports.data[2]);
    call_host_func = wasm_extern_as_func(exports.data[3]);
    call_host_add_func = wasm_extern_as_func(exports.data[4]);
    host_buffer = malloc(MIB);
    memset(host_buffer, 0x5a, MIB);

    /* The engine's own call entry on the same instance: the C API instance's native module instance. */
    wasm_module_inst_t module_inst = wamr_ext_instance_module_inst(instance);
    exec_env = module_inst ? wasm_runtime_get_exec_env_singleton(module_inst) : NULL;
    add_inst = module_inst ? wasm_runtime_lookup_function(module_inst, "add", NULL) : NULL;
    nop_inst = module_inst ? wasm_runtime_lookup_function(module_inst, "nop", NULL) : NULL;
    if (!exec_env || !add_inst || !nop_inst) { fprintf(stderr, "wasm_export.h set-up failed\n"); return 3; }

    /* The workload: the same input in the native buffer and in the module's memory; both digests must agree. */
    wasm_extern_vec_t empty_imports = WASM_EMPTY_VEC, sha_exports;
    sha_instance = wasm_instance_new(store, sha_module, &empty_imports, NULL);
    if (!sha_instance) { fprintf(stderr, "sha256.wasm did not instantiate\n"); return 3; }
    wasm_instance_exports(sha_instance, &sha_exports);
    wasm_memory_t *sha_memory = wasm_extern_as_memory(sha_exports.data[0]);
    wasm_func_t *sha_input_func = wasm_extern_as_func(sha_exports.data[1]);
    sha_hash_func = wasm_extern_as_func(sha_exports.data[2]);
    wasm_val_t address[1] = { WASM_INIT_VAL };
    wasm_val_vec_t no_args = WASM_EMPTY_VEC, address_vec = WASM_ARRAY_VEC(address);
    if (wasm_func_call(sha_input_func, &no_args, &address_vec)) { fprintf(stderr, "input_buffer failed\n"); return 3; }
    uint8_t *native_input = workload_native_input_buffer();
    uint8_t *wasm_input = (uint8_t *)wasm_memory_data(sha_memory) + address[0].of.i32;
    for (uint32_t i = 0; i < workload_bytes; i++) native_input[i] = wasm_input[i] = (uint8_t)((i * 167u + 13u) >> 3);
    wasm_val_t n[1] = { WASM_I32_VAL((int32_t)workload_bytes) };
    wasm_val_vec_t n_vec = WASM_ARRAY_VEC(n);
    if (wasm_func_call(sha_hash_func, &n_vec, &address_vec)) { fprintf(stderr, "hash failed\n"); return 3; }
    if (memcmp(workload_native_hash(workload_bytes), (uint8_t *)wasm_memory_data(sha_memory) + address[0].of.i32, 32) != 0) {
        fprintf(stderr, "the native and the wasm SHA-256 disagree\n");
        return 3;
    }

    measure("add", "c", op_add, target_ms, rounds);
    measure("add", "call_wasm", op_add_call_wasm, target_ms, rounds);
    measure("add", "call_direct", op_add_call_direct, target_ms, rounds);
    measure("nop", "c", op_nop, target_ms, rounds);
    measure("nop", "call_wasm", op_nop_call_wasm, target_ms, rounds);
    measure("nop", "call_direct", op_nop_call_direct, target_ms, rounds);
    measure("callback", "c", op_callback, target_ms, rounds);
    measure("callback_add", "c", op_callback_add, target_ms, rounds);
    measure("copy_in", "c", op_copy_in, target_ms, rounds);
    measure("copy_out", "c", op_copy_out, target_ms, rounds);
    measure("instantiate", "c", op_instantiate, target_ms, rounds);
    measure("validate_large", "c", op_validate_large, target_ms, rounds);
    measure("load_large", "c", op_load_large, target_ms, rounds);
    measure("sha256", "native", op_sha256_native, target_ms, rounds);
    measure("sha256", "c", op_sha256_wasm, target_ms, rounds);

    wasm_extern_vec_delete(&sha_exports);
    wasm_instance_delete(sha_instance);
    wasm_module_delete(sha_module);
    wasm_shared_module_delete(small_shared);

    free(host_buffer);
    wasm_extern_vec_delete(&exports);
    wasm_instance_delete(instance);
    wasm_func_delete(inc);
    wasm_func_delete(add_host);
    wasm_module_delete(module);
    wasm_module_delete(small_module);
    wasm_byte_vec_delete(&large_binary);
    wasm_store_delete(store);
    wasm_engine_delete(engine);
    return 0;
}
