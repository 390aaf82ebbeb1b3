/*
 * Where WAMR's console output goes.
 *
 * WAMR prints its log lines (bh_log) and, with WAMR_BUILD_DUMP_CALL_STACK, every frame of a trap through
 * os_printf/os_vprintf, which call vprintf unless the build defines BH_VPRINTF (WAMR's build option
 * WAMR_BH_VPRINTF, set in wamr-flags.cmake). This file is that function: by default it prints to stdout
 * exactly as WAMR does; wamr_dotnet_set_print lets the embedder discard the text or receive it.
 * Used by the .NET façade (Wamr.WamrLog); the procedural API keeps WAMR's behaviour unless asked.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#if defined(_WIN32)
#define WAMR_DOTNET_EXPORT __declspec(dllexport)
#define WAMR_DOTNET_INTERNAL
#else
#define WAMR_DOTNET_EXPORT __attribute__((visibility("default")))
#define WAMR_DOTNET_INTERNAL __attribute__((visibility("hidden")))
#endif

/* What a print does: 0 = stdout (WAMR's own behaviour), 1 = nothing, 2 = the sink. */
enum { WAMR_DOTNET_PRINT_STDOUT = 0, WAMR_DOTNET_PRINT_DISCARD = 1, WAMR_DOTNET_PRINT_SINK = 2 };

typedef void (*wamr_dotnet_print_sink_t)(const char *text, size_t length);

/* Written rarely (by the embedder), read on every print; a torn read is impossible for these sizes. */
static volatile int print_mode = WAMR_DOTNET_PRINT_STDOUT;
static wamr_dotnet_print_sink_t volatile print_sink = NULL;

WAMR_DOTNET_EXPORT int
wamr_dotnet_set_print(int mode, wamr_dotnet_print_sink_t sink)
{
    if (mode < WAMR_DOTNET_PRINT_STDOUT || mode > WAMR_DOTNET_PRINT_SINK
        || (mode == WAMR_DOTNET_PRINT_SINK && sink == NULL)) {
        return 0;
    }
    print_sink = sink;
    print_mode = mode;
    return 1;
}

/* Called by WAMR's os_printf/os_vprintf inside the library only: not exported. */
WAMR_DOTNET_INTERNAL int
wamr_dotnet_vprintf(const char *format, va_list ap)
{
    int mode = print_mode;
    wamr_dotnet_print_sink_t sink = print_sink;
    char small[512];
    char *text = small;
    va_list copy;
    int length;

    if (mode == WAMR_DOTNET_PRINT_STDOUT || (mode == WAMR_DOTNET_PRINT_SINK && sink == NULL)) {
        return vprintf(format, ap);
    }

    va_copy(copy, ap);
    length = vsnprintf(small, sizeof(small), format, copy);
    va_end(copy);
    if (length < 0 || mode == WAMR_DOTNET_PRINT_DISCARD) {
        return length;
    }

    if ((size_t)length >= sizeof(small)) {
        text = (char *)malloc((size_t)length + 1);
        if (text == NULL) {
            /* Out of memory: hand over what fitted rather than nothing. */
            sink(small, sizeof(small) - 1);
            return length;
        }
        vsnprintf(text, (size_t)length + 1, format, ap);
    }

    sink(text, (size_t)length);
    if (text != small) {
        free(text);
    }
    return length;
}
