/*
 * The raw C baseline for Wamr.Benchmarks: the same operations, on the same libiwasm and the same modules,
 * through WAMR's C API with nothing in between. Built and run by `Wamr.Benchmarks report`:
 *   cc -O2 -I <include> baseline.c -L <libdir> -liwasm -Wl,-rpath,<libdir> -o baseline
 *   ./baseline bench.wasm large.wasm small.wasm
 * Prints one line per operation: "<name> <nanoseconds per operation>", the best of several timed runs.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wasm_c_api.h"

#define MIB (1024 * 1024)

static wasm_store_t *store;
static wasm_module_t *module, *small_module;
static wasm_instance_t *instance;
static wasm_extern_t *import_list[1];
static wasm_func_t *add_func, *nop_func, *call_host_func;
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

static int op_instantiate(void)
{
    wasm_extern_vec_t imports = WASM_ARRAY_VEC(import_list);
    wasm_instance_t *fresh = wasm_instance_new(store, small_module, &imports, NULL);
    if (!fresh) { fprintf(stderr, "instantiate failed\n"); exit(3); }
    wasm_instance_delete(fresh);
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
static void measure(const char *name, operation op, double target_ms, int rounds)
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
    printf("%s %.3f\n", name, best);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    if (argc < 4) { fprintf(stderr, "usage: baseline bench.wasm large.wasm small.wasm [target-ms] [rounds]\n"); return 2; }
    double target_ms = argc > 4 ? atof(argv[4]) : 200;
    int rounds = argc > 5 ? atoi(argv[5]) : 5;

    wasm_engine_t *engine = wasm_engine_new();
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

    wasm_functype_t *inc_type = wasm_functype_new_0_0();
    wasm_func_t *inc = wasm_func_new(store, inc_type, host_inc);
    wasm_functype_delete(inc_type);
    import_list[0] = wasm_func_as_extern(inc);
    wasm_extern_vec_t imports = WASM_ARRAY_VEC(import_list);
    instance = wasm_instance_new(store, module, &imports, NULL);
    if (!instance) { fprintf(stderr, "bench.wasm did not instantiate\n"); return 3; }
    wasm_extern_vec_t exports;
    wasm_instance_exports(instance, &exports);
    memory = wasm_extern_as_memory(exports.data[0]);
    add_func = wasm_extern_as_func(exports.data[1]);
    nop_func = wasm_extern_as_func(exports.data[2]);
    call_host_func = wasm_extern_as_func(exports.data[3]);
    host_buffer = malloc(MIB);
    memset(host_buffer, 0x5a, MIB);

    measure("add", op_add, target_ms, rounds);
    measure("nop", op_nop, target_ms, rounds);
    measure("callback", op_callback, target_ms, rounds);
    measure("copy_in", op_copy_in, target_ms, rounds);
    measure("copy_out", op_copy_out, target_ms, rounds);
    measure("instantiate", op_instantiate, target_ms, rounds);
    measure("validate_large", op_validate_large, target_ms, rounds);
    measure("load_large", op_load_large, target_ms, rounds);

    free(host_buffer);
    wasm_extern_vec_delete(&exports);
    wasm_instance_delete(instance);
    wasm_func_delete(inc);
    wasm_module_delete(module);
    wasm_module_delete(small_module);
    wasm_byte_vec_delete(&large_binary);
    wasm_store_delete(store);
    wasm_engine_delete(engine);
    return 0;
}
