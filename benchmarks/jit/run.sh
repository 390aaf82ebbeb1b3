#!/bin/sh
# Measures WAMR 1.1.2's LLVM JIT against the shipped fast interpreter (README.md, "Ahead-of-time compilation").
#
#   sh benchmarks/jit/run.sh [rounds]          (from the repository root; default 5 rounds, best of each)
#
# 1. Builds, in a scratch directory under /tmp (never committed), JIT-flavoured libiwasm libraries from the pinned
#    WAMR source the normal build unpacked (native/.cache/...; run `dotnet build Wamr.Runtime` first): the same
#    native/wamr-flags.cmake as the shipped library plus WAMR_BUILD_JIT=1, against Debian's LLVM 14, in WAMR
#    1.1.2's default lazy mode (WAMR_BUILD_LAZY_JIT=1) and in eager mode (WAMR_BUILD_LAZY_JIT=0). WAMR turns the
#    fast interpreter into the classic one when the JIT is on.
# 2. Builds jit_bench.c once per library (shipped interpreter artifacts/native/linux-x64/libiwasm.so, lazy JIT,
#    eager JIT) and runs it on benchmarks/Wamr.Benchmarks/Workloads/sha256.wasm and samples/Aot/loop.wasm.
# 3. Prints each library's size, its dependencies (ldd) and the figures.
# 4. AOT (when the compiler tool is built: `dotnet build Wamr.Compiler.Tool`): compiles both modules with wamr-aot
#    (host CPU), takes the raw AOT image out of each envelope and runs jit_bench on them with the shipped libiwasm
#    (its loads are then AOT-image loads; the compile time is the one wamr-aot prints).
# Needs cmake, a C/C++ compiler and llvm-14-dev (apt-get install -y llvm-14-dev).
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${1:-5}
WAMR_ROOT="$ROOT/native/.cache/src-1.1.2/package/wasm-micro-runtime"
SHIPPED="$ROOT/artifacts/native/linux-x64"
INCLUDE="$ROOT/artifacts/native/include"
LLVM_DIR=${LLVM_DIR:-/usr/lib/llvm-14/lib/cmake/llvm}
SCRATCH=${SCRATCH:-/tmp/wamr-jit-bench}
JOBS=${JOBS:-2}

if [ ! -f "$WAMR_ROOT/build-scripts/runtime_lib.cmake" ] || [ ! -f "$SHIPPED/libiwasm.so" ]; then
    echo "WAMR's source or the shipped libiwasm is missing: run 'dotnet build Wamr.Runtime' first" >&2
    exit 2
fi
if [ ! -f "$LLVM_DIR/LLVMConfig.cmake" ]; then
    echo "LLVM 14's CMake package is missing ($LLVM_DIR): apt-get install -y llvm-14-dev" >&2
    exit 2
fi
mkdir -p "$SCRATCH/project"

# The JIT-flavoured library: the shipped flags, then the JIT on top, with the two workarounds Debian's LLVM CMake
# package needs (native/compiler/CMakeLists.txt): an empty CURL::libcurl target, the shared libLLVM.
cat > "$SCRATCH/project/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.16)
project(wamr_jit_bench C CXX)
set(CMAKE_BUILD_TYPE Release)
set(CMAKE_C_STANDARD 99)
set(CMAKE_CXX_STANDARD 14)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
if(NOT TARGET CURL::libcurl)
  add_library(CURL::libcurl INTERFACE IMPORTED)
endif()
include("$ROOT/native/wamr-flags.cmake")
set(WAMR_BUILD_JIT 1)
set(WAMR_BUILD_LAZY_JIT \${JIT_LAZY})
include("$WAMR_ROOT/build-scripts/runtime_lib.cmake")
find_library(LLVM_SHARED NAMES LLVM-14 LLVM PATHS "\${LLVM_LIBRARY_DIRS}" NO_DEFAULT_PATH REQUIRED)
add_library(iwasm SHARED \${WAMR_RUNTIME_LIB_SOURCE} "$ROOT/native/src/wamr_dotnet_print.c"
  "$ROOT/native/src/wamr_dotnet_thread.c")
target_link_libraries(iwasm "\${LLVM_SHARED}" m \${CMAKE_DL_LIBS} pthread)
EOF

for mode in lazy eager; do
    lazy=1; [ "$mode" = eager ] && lazy=0
    build="$SCRATCH/build-$mode"
    if [ ! -f "$build/libiwasm.so" ]; then
        echo "building the $mode JIT libiwasm in $build ..."
        cmake -S "$SCRATCH/project" -B "$build" -DWAMR_BUILD_TARGET=X86_64 -DJIT_LAZY=$lazy \
            -DLLVM_DIR="$LLVM_DIR" > "$build.configure.log" 2>&1 || { cat "$build.configure.log"; exit 1; }
        cmake --build "$build" --parallel "$JOBS" > "$build.build.log" 2>&1 || { tail -40 "$build.build.log"; exit 1; }
    fi
done

WORKLOADS="$ROOT/benchmarks/Wamr.Benchmarks/Workloads"
SHA_INPUT="$WORKLOADS/sha256.wasm"
LOOP_INPUT="$ROOT/samples/Aot/loop.wasm"
for flavour in interpreter:"$SHIPPED" jit-lazy:"$SCRATCH/build-lazy" jit-eager:"$SCRATCH/build-eager"; do
    label=${flavour%%:*}
    dir=${flavour#*:}
    cc -O2 -I "$INCLUDE" -I "$WORKLOADS" "$ROOT/benchmarks/jit/jit_bench.c" -L "$dir" -liwasm \
        -Wl,-rpath,"$dir" -o "$SCRATCH/jit_bench-$label"
    echo "== $label: $dir/libiwasm.so, $(stat -c %s "$dir/libiwasm.so") bytes"
    ldd "$dir/libiwasm.so" | awk '{ print "   " $1 " " $3 }' | while read -r name path; do
        size=""; [ -n "${path:-}" ] && [ -f "$path" ] && size=" ($(stat -L -c %s "$path") bytes)"
        echo "   needs $name$size"
    done
    status=0
    "$SCRATCH/jit_bench-$label" "$label" "$SHA_INPUT" "$LOOP_INPUT" "$ROUNDS" || status=$?
    [ "$status" -eq 0 ] || echo "$label CRASHED: exit status $status (139 = SIGSEGV)"
done

# AOT, optional: the envelope (Wamr.Runtime/Facade/PrecompiledEnvelope.cs) is a 112-byte header, M bytes of module
# metadata, the N-byte image and a SHA-256; M and N are the little-endian 32-bit words at offsets 96 and 100.
TOOL=$(ls "$ROOT"/Wamr.Compiler.Tool/bin/*/net*/wamr-aot.dll 2>/dev/null | head -n 1 || true)
if [ -z "$TOOL" ]; then
    echo "== aot: skipped (dotnet build Wamr.Compiler.Tool first)"
    exit 0
fi
for name in sha256 loop; do
    input=$SHA_INPUT; [ "$name" = loop ] && input=$LOOP_INPUT
    dotnet "$TOOL" "$input" -o "$SCRATCH/$name.wamraot" --cpu native
    python3 - "$SCRATCH/$name.wamraot" "$SCRATCH/$name.aot" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
metadata, image = struct.unpack_from("<II", data, 96)
open(sys.argv[2], "wb").write(data[112 + metadata:112 + metadata + image])
PY
done
echo "== aot: $SHIPPED/libiwasm.so loading the raw images ($(stat -c %s "$SCRATCH/sha256.aot") and $(stat -c %s "$SCRATCH/loop.aot") bytes)"
status=0
"$SCRATCH/jit_bench-interpreter" aot "$SCRATCH/sha256.aot" "$SCRATCH/loop.aot" "$ROUNDS" || status=$?
[ "$status" -eq 0 ] || echo "aot CRASHED: exit status $status"
