#!/bin/sh
# Rebuilds wasi_program.wasm from wasi_program.c. The sample uses the committed .wasm; run this only after changing
# the C source. Installs Debian's clang-14, lld-14, wasi-libc and libclang-rt-14-dev-wasm32 with apt-get when missing.
set -e
cd "$(dirname "$0")"
need=""
command -v clang-14 >/dev/null 2>&1 || need="$need clang-14"
command -v wasm-ld-14 >/dev/null 2>&1 || need="$need lld-14"
[ -f /usr/include/wasm32-wasi/stdio.h ] || need="$need wasi-libc"
ls /usr/lib/llvm-14/lib/clang/14*/lib/wasi/libclang_rt.builtins-wasm32.a >/dev/null 2>&1 || need="$need libclang-rt-14-dev-wasm32"
if [ -n "$need" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update && $SUDO apt-get install -y $need
fi
clang-14 --target=wasm32-wasi -I/usr/include/wasm32-wasi -L/usr/lib/wasm32-wasi -fuse-ld=lld -O2 -Wall -Werror \
  -Wl,--strip-debug -o wasi_program.wasm wasi_program.c
