/*
 * What WAMR 1.1.2 does with the odd arguments the helper tests (Wamr.Tests/Interop/*HelperTests.cs) pass, each call
 * in a forked child so that a crash is reported instead of taken. The helpers' null checks and the negative tests
 * rest on these results. Build and run from the repository root after `dotnet build`:
 *
 *   cc -std=gnu11 -Iartifacts/native/include Wamr.Tests/Interop/Probes/helper_probe.c \
 *      -Lartifacts/native/linux-x64 -liwasm -Wl,-rpath,artifacts/native/linux-x64 -o /tmp/helper_probe
 *   /tmp/helper_probe
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

#include "wasm_c_api.h"
#include "wasm_export.h"

static wasm_engine_t *engine;
static wasm_store_t *store;

static void probe(const char *what, void (*call)(void))
{
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        call();
        fflush(stdout);
        _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    if (WIFSIGNALED(status))
        printf("%-48s crashes (signal %d)\n", what, WTERMSIG(status));
    else
        printf("%-48s returns\n", what);
}

static void name_null_string(void) { wasm_name_t n; wasm_name_new_from_string(&n, NULL); }
static void name_nt_null_string(void) { wasm_name_t n; wasm_name_new_from_string_nt(&n, NULL); }
static void byte_vec_null_out(void) { wasm_byte_vec_new(NULL, 3, "abc"); }
static void name_empty_string(void)
{
    wasm_name_t n;
    wasm_name_new_from_string(&n, "");
    printf("    size %zu, data %s\n", n.size, n.data ? "set" : "NULL");
}
static void valtype_kind_null(void) { printf("    kind %d\n", wasm_valtype_kind(NULL)); }
static void valtype_is_num_null(void) { printf("    is_num %d, is_ref %d\n", wasm_valtype_is_num(NULL), wasm_valtype_is_ref(NULL)); }
static void valtype_new_without_engine(void)
{
    wasm_store_delete(store);
    wasm_engine_delete(engine);
    printf("    %s\n", wasm_valtype_new_i32() ? "valtype" : "NULL");
}
static void functype_new_0_0_without_engine(void)
{
    wasm_store_delete(store);
    wasm_engine_delete(engine);
    printf("    %s\n", wasm_functype_new_0_0() ? "functype" : "NULL");
}
static void functype_null_valtypes(void)
{
    wasm_functype_t *f = wasm_functype_new_3_2(NULL, NULL, NULL, NULL, NULL);
    const wasm_valtype_vec_t *p = wasm_functype_params(f), *r = wasm_functype_results(f);
    printf("    params %zu (first %p), results %zu\n", p->size, (void *)p->data[0], r->size);
    wasm_functype_delete(f);
}
static void functype_same_valtype_twice(void)
{
    wasm_valtype_t *t = wasm_valtype_new_i32();
    wasm_functype_delete(wasm_functype_new_1_1(t, t));
}
static void val_init_ptr_null(void) { wasm_val_init_ptr(NULL, (void *)1); }
static void val_ptr_null(void) { printf("    %p\n", wasm_val_ptr(NULL)); }
static void empty_vec_delete(void)
{
    wasm_extern_vec_t e = WASM_EMPTY_VEC;
    wasm_val_vec_t v = WASM_EMPTY_VEC;
    wasm_extern_vec_delete(&e);
    wasm_val_vec_delete(&v);
}
static void ref_val_copy(void)
{
    wasm_foreign_t *f = wasm_foreign_new(store);
    wasm_val_t v = WASM_REF_VAL(wasm_foreign_as_ref(f)), c;
    wasm_val_copy(&c, &v);
    printf("    kind %d, same ref %d\n", c.kind, c.of.ref == v.of.ref);
}
static void val_delete_of_a_copy(void)
{
    wasm_val_t v = WASM_I32_VAL(1), c;
    wasm_val_copy(&c, &v);
    wasm_val_delete(&c);
}
static void get_module_inst_null(void) { printf("    %p\n", (void *)wasm_runtime_get_module_inst(NULL)); }

int main(void)
{
    engine = wasm_engine_new();
    store = wasm_store_new(engine);
    probe("wasm_name_new_from_string(&n, NULL)", name_null_string);
    probe("wasm_name_new_from_string_nt(&n, NULL)", name_nt_null_string);
    probe("wasm_byte_vec_new(NULL, 3, \"abc\")", byte_vec_null_out);
    probe("wasm_name_new_from_string(&n, \"\")", name_empty_string);
    probe("wasm_valtype_kind(NULL)", valtype_kind_null);
    probe("wasm_valtype_is_num/is_ref(NULL)", valtype_is_num_null);
    probe("wasm_valtype_new_i32() without an engine", valtype_new_without_engine);
    probe("wasm_functype_new_0_0() without an engine", functype_new_0_0_without_engine);
    probe("wasm_functype_new_3_2(NULL, ...)", functype_null_valtypes);
    probe("wasm_functype_new_1_1(t, t), then delete", functype_same_valtype_twice);
    probe("wasm_val_init_ptr(NULL, p)", val_init_ptr_null);
    probe("wasm_val_ptr(NULL)", val_ptr_null);
    probe("delete WASM_EMPTY_VEC vectors", empty_vec_delete);
    probe("wasm_val_copy of WASM_REF_VAL(ref)", ref_val_copy);
    probe("wasm_val_delete of a wasm_val_copy", val_delete_of_a_copy);
    probe("wasm_runtime_get_module_inst(NULL)", get_module_inst_null);
    wasm_store_delete(store);
    wasm_engine_delete(engine);
    return 0;
}
