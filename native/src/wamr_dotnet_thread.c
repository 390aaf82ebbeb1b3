/*
 * WAMR's per-thread environment, released when the thread ends.
 *
 * wasm_runtime_init_thread_env (wasm_export.h) prepares the calling thread: with hardware bounds checks it
 * installs an alternate signal stack and makes guard pages of the thread's own stack inaccessible; on Windows it
 * also sets up per-thread data. WAMR undoes it only in wasm_runtime_destroy_thread_env, on the same thread, which
 * nothing calls when a .NET thread ends: the guard pages would stay inaccessible in a stack the C library hands
 * to the next thread. wamr_dotnet_init_thread_env initialises the environment and registers a thread-exit
 * callback (a pthread key destructor, or a fiber-local storage callback on Windows) that destroys it on that
 * thread when it ends. The .NET façade calls it for every thread that calls into WAMR.
 */
#include <stdbool.h>
#include <stddef.h>

#if defined(_WIN32)
#include <windows.h>
#define WAMR_DOTNET_EXPORT __declspec(dllexport)
#else
#include <pthread.h>
#define WAMR_DOTNET_EXPORT __attribute__((visibility("default")))
#endif

/* From WAMR's wasm_export.h. */
bool
wasm_runtime_init_thread_env(void);
void
wasm_runtime_destroy_thread_env(void);

#if defined(_WIN32)
static INIT_ONCE key_once = INIT_ONCE_STATIC_INIT;
static DWORD key = FLS_OUT_OF_INDEXES;

static void WINAPI
destroy_at_exit(void *value)
{
    if (value != NULL) {
        wasm_runtime_destroy_thread_env();
    }
}

static BOOL CALLBACK
create_key(PINIT_ONCE once, void *parameter, void **context)
{
    (void)once;
    (void)parameter;
    (void)context;
    key = FlsAlloc(destroy_at_exit);
    return key != FLS_OUT_OF_INDEXES;
}

static bool
register_exit(void)
{
    if (!InitOnceExecuteOnce(&key_once, create_key, NULL, NULL)) {
        return false;
    }
    return FlsGetValue(key) != NULL || FlsSetValue(key, (void *)1);
}
#else
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static pthread_key_t key;
static bool key_created = false;

static void
destroy_at_exit(void *value)
{
    (void)value;
    wasm_runtime_destroy_thread_env();
}

static void
create_key(void)
{
    key_created = pthread_key_create(&key, destroy_at_exit) == 0;
}

static bool
register_exit(void)
{
    pthread_once(&key_once, create_key);
    if (!key_created) {
        return false;
    }
    return pthread_getspecific(key) != NULL || pthread_setspecific(key, (void *)1) == 0;
}
#endif

/* Initialises WAMR's environment for the calling thread (idempotent) and has it destroyed when the thread ends. */
WAMR_DOTNET_EXPORT bool
wamr_dotnet_init_thread_env(void)
{
    return wasm_runtime_init_thread_env() && register_exit();
}
