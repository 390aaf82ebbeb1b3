/*
 * WASI test program (C, wasi-libc): what the tests ask for in argv[1].
 *   args               prints each argument on its own line
 *   env NAME...        prints NAME=value (or NAME unset) for each name
 *   cat PATH...        prints each file, or "PATH: error <errno name>" when it cannot be opened
 *   write PATH TEXT    creates PATH with TEXT, prints "ok" or the error
 *   stdin              copies standard input to standard output, then prints the byte count on stderr
 *   stderr TEXT        writes TEXT to standard error
 *   exit N             exit(N) after printing "exiting"
 *   return N           returns N from main
 * Build: ./build.sh (clang-14 --target=wasm32-wasi, Debian's wasi-libc).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *
error_name(int error)
{
    switch (error) {
        case ENOENT: return "ENOENT";
        case ENOTCAPABLE: return "ENOTCAPABLE";
        case EPERM: return "EPERM";
        case EACCES: return "EACCES";
        case ENOTDIR: return "ENOTDIR";
        default: return "other";
    }
}

static int
cat(const char *path)
{
    FILE *file = fopen(path, "r");
    char buffer[256];
    size_t n;
    if (!file) {
        printf("%s: error %s\n", path, error_name(errno));
        return 1;
    }
    while ((n = fread(buffer, 1, sizeof buffer, file)) > 0) {
        fwrite(buffer, 1, n, stdout);
    }
    fclose(file);
    return 0;
}

int
main(int argc, char **argv)
{
    int failures = 0;
    if (argc < 2) {
        fprintf(stderr, "usage: wasi_probe args|env|cat|write|stdin|stderr|exit|return ...\n");
        return 2;
    }
    if (!strcmp(argv[1], "args")) {
        for (int i = 0; i < argc; i++) {
            printf("%s\n", argv[i]);
        }
    }
    else if (!strcmp(argv[1], "env")) {
        for (int i = 2; i < argc; i++) {
            const char *value = getenv(argv[i]);
            if (value) {
                printf("%s=%s\n", argv[i], value);
            }
            else {
                printf("%s unset\n", argv[i]);
            }
        }
    }
    else if (!strcmp(argv[1], "cat")) {
        for (int i = 2; i < argc; i++) {
            failures += cat(argv[i]);
        }
    }
    else if (!strcmp(argv[1], "write") && argc == 4) {
        FILE *file = fopen(argv[2], "w");
        if (!file) {
            printf("%s: error %s\n", argv[2], error_name(errno));
            return 1;
        }
        fputs(argv[3], file);
        fclose(file);
        printf("ok\n");
    }
    else if (!strcmp(argv[1], "stdin")) {
        char buffer[1024];
        size_t n, total = 0;
        while ((n = fread(buffer, 1, sizeof buffer, stdin)) > 0) {
            fwrite(buffer, 1, n, stdout);
            total += n;
        }
        fprintf(stderr, "%zu bytes\n", total);
    }
    else if (!strcmp(argv[1], "stderr") && argc == 3) {
        fputs(argv[2], stderr);
    }
    else if (!strcmp(argv[1], "exit") && argc == 3) {
        printf("exiting\n");
        exit(atoi(argv[2]));
    }
    else if (!strcmp(argv[1], "return") && argc == 3) {
        return atoi(argv[2]);
    }
    else {
        fprintf(stderr, "unknown command %s\n", argv[1]);
        return 2;
    }
    return failures;
}
