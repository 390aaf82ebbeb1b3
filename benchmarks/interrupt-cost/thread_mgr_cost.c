/* What WAMR_BUILD_THREAD_MGR=1 (the interrupt check on every branch and call) costs: a loop iteration and an
 * add(i32, i32) call through wasm_func_call, best of 7 rounds. Built and run by run.sh against this
 * project's libiwasm and a variant built without the thread manager. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "wasm_c_api.h"

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e9 + t.tv_nsec; }

int main(int argc, char **argv) {
    wasm_engine_t *e = wasm_engine_new();
    FILE *f = fopen(argv[1], "rb"); fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET);
    wasm_byte_vec_t bin; wasm_byte_vec_new_uninitialized(&bin, n); fread(bin.data, 1, n, f); fclose(f);
    wasm_store_t *s = wasm_store_new(e);
    wasm_module_t *m = wasm_module_new(s, &bin);
    wasm_extern_vec_t imports = WASM_EMPTY_VEC; wasm_trap_t *trap = NULL;
    wasm_instance_t *i = wasm_instance_new_with_args(s, m, &imports, &trap, 32768, 0);
    wasm_extern_vec_t ex; wasm_instance_exports(i, &ex);
    wasm_func_t *count = wasm_extern_as_func(ex.data[0]), *add = wasm_extern_as_func(ex.data[1]);
    double bestLoop = 1e18, bestCall = 1e18;
    for (int rep = 0; rep < 7; rep++) {
        int N = 100000000;
        wasm_val_t a[1] = { WASM_I32_VAL(N) }, r[1] = { WASM_INIT_VAL };
        wasm_val_vec_t av = WASM_ARRAY_VEC(a), rv = WASM_ARRAY_VEC(r);
        double t0 = now(); wasm_trap_t *t = wasm_func_call(count, &av, &rv); double t1 = now();
        if (t || r[0].of.i32 != N) { printf("bad\n"); return 1; }
        if ((t1 - t0) / N < bestLoop) bestLoop = (t1 - t0) / N;
        int C = 3000000;
        wasm_val_t b[2] = { WASM_I32_VAL(1), WASM_I32_VAL(2) }, r2[1] = { WASM_INIT_VAL };
        wasm_val_vec_t bv = WASM_ARRAY_VEC(b), r2v = WASM_ARRAY_VEC(r2);
        t0 = now(); for (int k = 0; k < C; k++) wasm_func_call(add, &bv, &r2v); t1 = now();
        if ((t1 - t0) / C < bestCall) bestCall = (t1 - t0) / C;
    }
    printf("%s: loop iteration %.3f ns, add call %.1f ns (best of 7)\n", argv[2], bestLoop, bestCall);
    return 0;
}
