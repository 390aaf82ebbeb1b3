#!/bin/sh
# Rebuilds the workload modules from their C sources (the .wasm files are committed; the benchmarks use those).
#   sha256.wasm  <- sha256.c, freestanding wasm32 (no libc, no imports), with clang-14 and lld-14.
# Installs Debian's clang-14 and lld-14 when they are missing (needs root and apt-get).
set -eu
cd "$(dirname "$0")"

have_linker() { command -v wasm-ld-14 >/dev/null 2>&1 || command -v wasm-ld >/dev/null 2>&1; }
if ! command -v clang-14 >/dev/null 2>&1 || ! have_linker; then
    echo "build.sh: installing clang-14 and lld-14" >&2
    apt-get update -qq
    apt-get install -y -qq clang-14 lld-14
fi

clang-14 --target=wasm32 -O2 -nostdlib -fuse-ld=lld \
    -Wl,--no-entry -Wl,--export=input_buffer -Wl,--export=hash \
    -o sha256.wasm sha256.c
echo "built $(pwd)/sha256.wasm ($(wc -c < sha256.wasm) bytes)"
