/*
 * The WASI program of samples/Wasi: prints its arguments and an environment variable, then the contents of
 * a file in the directory the host preopened as /data, and returns 3 if that file is missing.
 * Build: ./build-wasm.sh (clang-14 --target=wasm32-wasi with Debian's wasi-libc).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main(int argc, char **argv)
{
    const char *user = getenv("USER_NAME");
    char line[256];
    FILE *file;

    printf("I am %s, with %d argument(s):\n", argv[0], argc - 1);
    for (int i = 1; i < argc; i++) {
        printf("  argv[%d] = %s\n", i, argv[i]);
    }
    printf("Hello, %s!\n", user ? user : "whoever you are");

    file = fopen("/data/message.txt", "r");
    if (!file) {
        perror("/data/message.txt");
        return 3;
    }
    while (fgets(line, sizeof line, file)) {
        printf("/data/message.txt: %s", line);
    }
    fclose(file);

    /* Outside the preopened directory (the host's data/ is beside the sample's Wasi.dll): refused by the runtime. */
    file = fopen("/data/../Wasi.dll", "r");
    printf("/data/../Wasi.dll: %s\n", file ? "opened (unexpected!)" : strerror(errno));
    if (file) {
        fclose(file);
    }
    return 0;
}
