#!/bin/sh
# Measures what the thread manager's suspend-flag checks cost (README: "Timeouts and interrupting calls").
# Builds a libiwasm variant without WAMR_BUILD_THREAD_MGR in a scratch copy of native/ (the extension's interruption
# section compiles there without its guard), then runs thread_mgr_cost.c against both libraries, twice each.
# Usage, from the repository root after `dotnet build` (which builds artifacts/native): sh benchmarks/interrupt-cost/run.sh
set -e
root=$(pwd)
scratch=${TMPDIR:-/tmp}/wamr-interrupt-cost
rm -rf "$scratch" && mkdir -p "$scratch"
cp -r native "$scratch/native"
rm -rf "$scratch/native/.cache/build-"*
sed -i 's/set(WAMR_BUILD_THREAD_MGR 1)/set(WAMR_BUILD_THREAD_MGR 0)/' "$scratch/native/wamr-flags.cmake"
sed -i '/^#error "native\/ext.s interruption/d' "$scratch/native/ext/wamr_ext.c"
cmake -DRID=linux-x64 -DOUT_DIR="$scratch/out" -DBUILD_SUFFIX=nomgr -P "$scratch/native/build-native.cmake"
with="$root/artifacts/native/linux-x64"
without="$scratch/out/linux-x64"
cc -O2 -o "$scratch/with" benchmarks/interrupt-cost/thread_mgr_cost.c -I artifacts/native/include -L"$with" -liwasm -Wl,-rpath,"$with"
cc -O2 -o "$scratch/without" benchmarks/interrupt-cost/thread_mgr_cost.c -I artifacts/native/include -L"$without" -liwasm -Wl,-rpath,"$without"
module=Wamr.Tests/Interop/Procedural/TestModules/interrupt.wasm
for round in 1 2; do
  "$scratch/with" "$module" "THREAD_MGR=1"
  "$scratch/without" "$module" "THREAD_MGR=0"
done
