/*
 * Measures one libiwasm flavour (interpreter, LLVM JIT or AOT loader) through WAMR's C API, on the same two
 * modules: load time (wasm_module_new; for the JIT flavour that includes the LLVM compile), run speed (the
 * SHA-256 workload in MB/s, the memory loop in ns per iteration) and the process RSS after loading.
 * Built and run by run.sh, once per library:
 *   cc -O2 -I <include> -I ../Wamr.Benchmarks/Workloads jit_bench.c -L <libdir> -liwasm -Wl,-rpath,<libdir>
 *   ./jit_bench <label> sha256.wasm loop.wasm [rounds]
 * Prints "<label> <measure> <value> <unit>" lines. Loads: the first and the best of `rounds`; run speed: the best
 * of `rounds` runs (the first call reported apart: a lazy JIT compiles then). The SHA-256
 * digest is checked against the same source built natively. A lazy JIT keeps compiling in background threads after
 * wasm_module_new returns, including for the extra modules loaded for timing: on a 2-core machine those threads can
 * slow the runs that follow (the low SHA-256 figures of some lazy runs).
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wasm_c_api.h"

/* The workload's native build, only to check the wasm digest; renamed so it cannot meet a library symbol. */
#define hash native_hash
#define input_buffer native_input_buffer
#include "sha256.c"
#undef hash
#undef input_buffer

#define SHA_BYTES (1u << 20)
#define LOOP_ITERATIONS 100000000

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
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

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    if (!f) return -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0) kb = atol(line + 6);
    fclose(f);
    return kb;
}

/* The export named `name`, found through the module's export types. */
static wasm_extern_t *find_export(wasm_module_t *module, wasm_extern_vec_t *exports, const char *name)
{
    wasm_exporttype_vec_t types;
    wasm_extern_t *found = NULL;
    wasm_module_exports(module, &types);
    for (size_t i = 0; i < types.size && i < exports->size; i++) {
        const wasm_name_t *n = wasm_exporttype_name(types.data[i]);
        if (n->size >= strlen(name) && memcmp(n->data, name, strlen(name)) == 0
            && (n->size == strlen(name) || n->data[strlen(name)] == 0))
            found = exports->data[i];
    }
    wasm_exporttype_vec_delete(&types);
    if (!found) { fprintf(stderr, "export %s not found\n", name); exit(3); }
    return found;
}

/* Loads `binary` once more, timed; returns the module (kept: the store deletes it at the end) and the time in ns. */
static wasm_module_t *timed_load(wasm_store_t *store, wasm_byte_vec_t *binary, double *elapsed)
{
    double start = now_ns();
    wasm_module_t *module = wasm_module_new(store, binary);
    *elapsed = now_ns() - start;
    if (!module) { fprintf(stderr, "wasm_module_new failed\n"); exit(3); }
    return module;
}

static void print_load(const char *label, const char *name, size_t size, double first, double best)
{
    printf("%s %s.load first %.3f ms, best %.3f ms (%zu bytes: %.3f ms/KB first, %.3f ms/KB best)\n", label, name,
           first / 1e6, best / 1e6, size, first / 1e6 / (size / 1024.0), best / 1e6 / (size / 1024.0));
}

static int32_t call_i32(wasm_func_t *func, int32_t argument)
{
    wasm_val_t a[1] = { WASM_I32_VAL(argument) };
    wasm_val_t r[1] = { WASM_INIT_VAL };
    wasm_val_vec_t args = WASM_ARRAY_VEC(a);
    wasm_val_vec_t results = WASM_ARRAY_VEC(r);
    wasm_trap_t *trap = wasm_func_call(func, &args, &results);
    if (trap) { fprintf(stderr, "trap\n"); exit(3); }
    return r[0].of.i32;
}

int main(int argc, char **argv)
{
    if (argc < 4) { fprintf(stderr, "usage: jit_bench <label> sha256.wasm loop.wasm [rounds]\n"); return 2; }
    const char *label = argv[1];
    int rounds = argc > 4 ? atoi(argv[4]) : 5;
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (rounds < 1) rounds = 1;

    long rss_start = rss_kb();
    wasm_engine_t *engine = wasm_engine_new();
    wasm_store_t *store = wasm_store_new(engine);
    long rss_engine = rss_kb();

    wasm_byte_vec_t sha_binary, loop_binary;
    read_file(argv[2], &sha_binary);
    read_file(argv[3], &loop_binary);
    /* The first load of each module is the one used below (and the first JIT load also initialises LLVM). */
    double sha_first, loop_first, elapsed;
    wasm_module_t *sha_module = timed_load(store, &sha_binary, &sha_first);
    wasm_module_t *loop_module = timed_load(store, &loop_binary, &loop_first);
    wasm_extern_vec_t no_imports = WASM_EMPTY_VEC, sha_exports, loop_exports;
    wasm_instance_t *sha_instance = wasm_instance_new(store, sha_module, &no_imports, NULL);
    wasm_instance_t *loop_instance = wasm_instance_new(store, loop_module, &no_imports, NULL);
    if (!sha_instance || !loop_instance) { fprintf(stderr, "instantiation failed\n"); return 3; }
    long rss_loaded = rss_kb();
    printf("%s rss.start %ld KB\n%s rss.engine %ld KB\n%s rss.loaded %ld KB (both modules loaded and instantiated)\n",
           label, rss_start, label, rss_engine, label, rss_loaded);
    /* More loads for the best time; not deleted one by one (an eager-JIT module crashes when unloaded, README). */
    double sha_best = sha_first, loop_best = loop_first;
    for (int r = 1; r < rounds; r++) {
        timed_load(store, &sha_binary, &elapsed);
        if (elapsed < sha_best) sha_best = elapsed;
        timed_load(store, &loop_binary, &elapsed);
        if (elapsed < loop_best) loop_best = elapsed;
    }
    print_load(label, "sha256", sha_binary.size, sha_first, sha_best);
    print_load(label, "loop", loop_binary.size, loop_first, loop_best);

    /* SHA-256 of 1 MiB, the input pattern of benchmarks/Wamr.Benchmarks/Baseline/baseline.c. */
    wasm_instance_exports(sha_instance, &sha_exports);
    wasm_memory_t *memory = wasm_extern_as_memory(find_export(sha_module, &sha_exports, "memory"));
    wasm_func_t *input_func = wasm_extern_as_func(find_export(sha_module, &sha_exports, "input_buffer"));
    wasm_func_t *hash_func = wasm_extern_as_func(find_export(sha_module, &sha_exports, "hash"));
    wasm_val_t address[1] = { WASM_INIT_VAL };
    wasm_val_vec_t no_args = WASM_EMPTY_VEC, address_vec = WASM_ARRAY_VEC(address);
    if (wasm_func_call(input_func, &no_args, &address_vec)) { fprintf(stderr, "input_buffer failed\n"); return 3; }
    uint8_t *wasm_input = (uint8_t *)wasm_memory_data(memory) + address[0].of.i32;
    uint8_t *native_input = native_input_buffer();
    for (uint32_t i = 0; i < SHA_BYTES; i++) native_input[i] = wasm_input[i] = (uint8_t)((i * 167u + 13u) >> 3);
    double best = 1e30, first = 0;
    for (int r = 0; r < rounds; r++) {
        double start = now_ns();
        int32_t digest = call_i32(hash_func, (int32_t)SHA_BYTES);
        double elapsed = now_ns() - start;
        if (memcmp(native_hash(SHA_BYTES), (uint8_t *)wasm_memory_data(memory) + digest, 32) != 0) {
            fprintf(stderr, "digest mismatch\n");
            return 4;
        }
        if (r == 0) first = elapsed;
        if (elapsed < best) best = elapsed;
    }
    /* The first call includes any compilation deferred to first use (lazy JIT). */
    printf("%s sha256.first_call %.2f ms\n", label, first / 1e6);
    printf("%s sha256.speed %.2f MB/s (1 MiB in %.2f ms)\n", label, SHA_BYTES / 1e6 / (best / 1e9), best / 1e6);

    /* The memory loop: iterations scaled so that one run takes a measurable time in every mode. */
    wasm_instance_exports(loop_instance, &loop_exports);
    wasm_func_t *run = wasm_extern_as_func(find_export(loop_module, &loop_exports, "run"));
    double start = now_ns();
    call_i32(run, 1000000);
    double probe = now_ns() - start;
    printf("%s loop.first_call %.3f ms (1000000 iterations)\n", label, probe / 1e6);
    int32_t iterations = probe / 1000000 > 2.0 ? LOOP_ITERATIONS / 10 : LOOP_ITERATIONS;
    best = 1e30;
    for (int r = 0; r < rounds; r++) {
        start = now_ns();
        call_i32(run, iterations);
        double elapsed = now_ns() - start;
        if (elapsed < best) best = elapsed;
    }
    printf("%s loop.speed %.3f ns/iteration (%d iterations)\n", label, best / iterations, iterations);

    wasm_extern_vec_delete(&sha_exports);
    wasm_extern_vec_delete(&loop_exports);
    wasm_instance_delete(sha_instance);
    wasm_instance_delete(loop_instance);
    wasm_byte_vec_delete(&sha_binary);
    wasm_byte_vec_delete(&loop_binary);
    printf("%s teardown: deleting the store and its %d modules ...\n", label, 2 * rounds);
    fflush(stdout);
    wasm_store_delete(store);
    wasm_engine_delete(engine);
    printf("%s teardown ok\n", label);
    return 0;
}
