#!/bin/sh
# Rebuilds the WASI test modules from their sources: wat2wasm for the .wat files, clang-14 with Debian's wasi-libc
# for the .c files. The tests use the committed .wasm files; run this only after changing a source.
# Missing tools are installed with apt-get (Debian/Ubuntu: wabt, clang-14, lld-14, wasi-libc, libclang-rt-14-dev-wasm32).
set -e
cd "$(dirname "$0")"
need=""
command -v wat2wasm >/dev/null 2>&1 || need="$need wabt"
command -v clang-14 >/dev/null 2>&1 || need="$need clang-14"
command -v wasm-ld-14 >/dev/null 2>&1 || need="$need lld-14"
[ -f /usr/include/wasm32-wasi/stdio.h ] || need="$need wasi-libc"
ls /usr/lib/llvm-14/lib/clang/14*/lib/wasi/libclang_rt.builtins-wasm32.a >/dev/null 2>&1 || need="$need libclang-rt-14-dev-wasm32"
if [ -n "$need" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update && $SUDO apt-get install -y $need
fi
for wat in *.wat; do
  wat2wasm "$wat" -o "${wat%.wat}.wasm"
done
for c in *.c; do
  clang-14 --target=wasm32-wasi -I/usr/include/wasm32-wasi -L/usr/lib/wasm32-wasi -fuse-ld=lld -O2 -Wall -Werror -Wl,--strip-debug \
    -o "${c%.c}.wasm" "$c"
done
