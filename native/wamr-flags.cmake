# The WAMR feature flags of the libiwasm this project ships. Every flag is explicit so that a
# change of WAMR's defaults cannot silently change the engine. Why each one: README.md, "Native build".

# Platform and architecture come from the .NET runtime identifier (set by build-native.cmake).
if(NOT DEFINED WAMR_BUILD_PLATFORM)
  string(TOLOWER "${CMAKE_SYSTEM_NAME}" WAMR_BUILD_PLATFORM)
endif()
if(NOT DEFINED WAMR_BUILD_TARGET)
  message(FATAL_ERROR "WAMR_BUILD_TARGET is not set")
endif()

# Execution: the fast interpreter, plus the AOT loader so that modules compiled ahead of time by
# WAMR's LLVM-based compiler (a separate library, see the AOT section of README.md) load through the
# same wasm_module_new. The runtime itself never links LLVM.
set(WAMR_BUILD_INTERP 1)
set(WAMR_BUILD_FAST_INTERP 1)
set(WAMR_BUILD_AOT 1)
set(WAMR_BUILD_JIT 0)
set(WAMR_BUILD_FAST_JIT 0)

# Wasm features: the post-MVP proposals the spec testsuite and common toolchains use.
set(WAMR_BUILD_BULK_MEMORY 1)
set(WAMR_BUILD_REF_TYPES 1)
set(WAMR_BUILD_SIMD 0)
set(WAMR_BUILD_TAIL_CALL 0)
set(WAMR_BUILD_SHARED_MEMORY 0)

# Host libraries: WASI only (wasi_snapshot_preview1), configured per module by the façade's
# WasiConfiguration; a module that does not import WASI is not affected. No libc-builtin, so nothing
# else is linked behind an embedder's back.
set(WAMR_BUILD_LIBC_BUILTIN 0)
set(WAMR_BUILD_LIBC_WASI 1)
set(WAMR_BUILD_MULTI_MODULE 0)
set(WAMR_BUILD_LIB_PTHREAD 0)
# The thread manager makes the interpreter check its exec env's suspend flags on every branch: the
# hook the extension library (native/ext) uses to interrupt a running call from another thread.
set(WAMR_BUILD_THREAD_MGR 1)

# Diagnostics: trap frames for wasm_trap_trace / wasm_frame_*.
set(WAMR_BUILD_DUMP_CALL_STACK 1)
set(WAMR_BUILD_CUSTOM_NAME_SECTION 1)
set(WAMR_BUILD_MEMORY_PROFILING 0)
set(WAMR_BUILD_PERF_PROFILING 0)

# Console output: WAMR prints log lines and trap frames with vprintf unless BH_VPRINTF names another
# function. src/wamr_dotnet_print.c is that function: stdout by default (WAMR's behaviour), or nothing,
# or a callback, chosen at run time with wamr_dotnet_set_print (the façade's Wamr.WamrLog).
set(WAMR_BH_VPRINTF wamr_dotnet_vprintf)

# Software bounds checks and stack checks instead of guard pages and SIGSEGV handlers. Measured in a
# .NET process (README.md, "Native build"): with hardware checks WAMR installs its own signal handling
# beside .NET's, allows only one exec env per thread (a host callback that calls back into wasm traps
# with "invalid exec env") and needs wasm_runtime_init_thread_env on every other thread; without them
# re-entrant callbacks and other threads just work, calls are faster and the spec pass rate is higher.
# WAMR_DOTNET_HW_BOUND_CHECK=1 builds the other variant, for measuring only; it is not shipped.
if(WAMR_DOTNET_HW_BOUND_CHECK)
  set(WAMR_DISABLE_HW_BOUND_CHECK 0)
else()
  set(WAMR_DISABLE_HW_BOUND_CHECK 1)
endif()
