# AOT compiler build driver (libwamrc), run in CMake script mode like build-native.cmake:
#
#   cmake -DRID=linux-x64 -DOUT_DIR=<dir> [-DLLVM_DIR=<llvm cmake dir>] -P native/build-compiler.cmake
#
# 1. finds LLVM 14 (LLVM_DIR, else llvm-config-14 / llvm-config, else /usr/lib/llvm-14);
#    without it, prints why and how to install it, writes <rid>/libwamrc.unavailable.txt and stops
#    successfully: the rest of the build goes on, and whatever needs the compiler fails with that reason;
# 2. takes the pinned, verified WAMR source from the shared cache (wamr-source.cmake);
# 3. configures and builds native/compiler (target wamrc) and checks that the library exports only
#    aot_export.h's and wamrc_ext.h's functions (its private WAMR runtime must stay private);
# 4. writes to OUT_DIR: <rid>/libwamrc.so, <rid>/libwamrc.exports.txt,
#    include/aot_export.h and include/wamrc_ext.h.
cmake_minimum_required(VERSION 3.16)

get_filename_component(NATIVE_DIR "${CMAKE_CURRENT_LIST_DIR}" ABSOLUTE)
include("${NATIVE_DIR}/wamr.pin.cmake")

include("${NATIVE_DIR}/driver-paths.cmake")
set(WORK_DIR "${CACHE_DIR}/build-compiler-${RID}")
set(LIB_NAME libwamrc.so)
set(UNAVAILABLE "${OUT_DIR}/${RID}/libwamrc.unavailable.txt")
file(MAKE_DIRECTORY "${OUT_DIR}/${RID}" "${OUT_DIR}/include")

# Without LLVM 14 the compiler is not built: say why, leave the reason for the .NET side, stop cleanly.
function(compiler_unavailable reason)
  set(_text "The AOT compiler library (libwamrc) was not built: ${reason}\n"
    "It needs LLVM 14's development files: on Debian/Ubuntu 'apt install llvm-14-dev' (building) and "
    "'apt install libllvm14' (running), or pass -p:WamrLlvmDir=<dir of LLVMConfig.cmake>. "
    "The runtime (libiwasm) does not need LLVM and was built as usual.\n")
  string(CONCAT _text ${_text})
  file(REMOVE "${OUT_DIR}/${RID}/${LIB_NAME}" "${OUT_DIR}/${RID}/libwamrc.exports.txt")
  file(WRITE "${UNAVAILABLE}" "${_text}")
  file(TOUCH "${OUT_DIR}/${RID}/.compiler-build.stamp")
  message("WAMR AOT compiler: ${_text}")
  # Script mode: stop here without an error.
  message(STATUS "libwamrc for ${RID}: not built")
  set(COMPILER_SKIPPED TRUE PARENT_SCOPE)
endfunction()

set(COMPILER_SKIPPED FALSE)
if(NOT RID MATCHES "^linux-(x64|arm64)$")
  compiler_unavailable("the compiler library is built for linux-x64 and linux-arm64 only (asked for ${RID}).")
endif()

# ---- LLVM 14 ------------------------------------------------------------------------------------
if(NOT COMPILER_SKIPPED AND (NOT DEFINED LLVM_DIR OR LLVM_DIR STREQUAL ""))
  find_program(LLVM_CONFIG NAMES llvm-config-14 llvm-config)
  if(LLVM_CONFIG)
    execute_process(COMMAND "${LLVM_CONFIG}" --version OUTPUT_VARIABLE _llvm_version OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(_llvm_version MATCHES "^14\\.")
      execute_process(COMMAND "${LLVM_CONFIG}" --cmakedir OUTPUT_VARIABLE LLVM_DIR OUTPUT_STRIP_TRAILING_WHITESPACE)
    endif()
  endif()
  if((NOT LLVM_DIR) AND EXISTS "/usr/lib/llvm-14/lib/cmake/llvm/LLVMConfig.cmake")
    set(LLVM_DIR "/usr/lib/llvm-14/lib/cmake/llvm")
  endif()
  if(NOT LLVM_DIR)
    compiler_unavailable("LLVM 14 was not found (no llvm-config-14 on PATH, no /usr/lib/llvm-14/lib/cmake/llvm).")
  endif()
endif()
if(NOT COMPILER_SKIPPED AND NOT EXISTS "${LLVM_DIR}/LLVMConfig.cmake")
  compiler_unavailable("${LLVM_DIR} does not hold LLVMConfig.cmake.")
endif()

if(NOT COMPILER_SKIPPED)
  # ---- the pinned source, verified (shared with build-native.cmake) -----------------------------
  include("${NATIVE_DIR}/wamr-source.cmake")
  wamr_lock_cache(PROCESS)
  wamr_fetch_source()
  wamr_unlock_cache()

  # One compiler build at a time in this work directory.
  file(MAKE_DIRECTORY "${WORK_DIR}")
  file(LOCK "${WORK_DIR}.lock" GUARD PROCESS TIMEOUT 3600 RESULT_VARIABLE _lock_result)
  if(NOT _lock_result STREQUAL "0")
    message(FATAL_ERROR "Could not lock ${WORK_DIR}.lock: ${_lock_result}")
  endif()

  if(RID MATCHES "x64$")
    set(WAMR_TARGET X86_64)
  else()
    set(WAMR_TARGET AARCH64)
  endif()
  message(STATUS "Building libwamrc for ${RID} (WAMR ${WAMR_NPM_VERSION}, LLVM from ${LLVM_DIR}); the first build takes minutes")
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -S "${NATIVE_DIR}/compiler" -B "${WORK_DIR}"
            -DCMAKE_BUILD_TYPE=Release
            "-DWAMR_ROOT_DIR=${WAMR_ROOT_DIR}"
            -DWAMR_BUILD_PLATFORM=linux
            "-DWAMR_BUILD_TARGET=${WAMR_TARGET}"
            "-DLLVM_DIR=${LLVM_DIR}"
    RESULT_VARIABLE _cfg_result OUTPUT_VARIABLE _cfg_out ERROR_VARIABLE _cfg_err)
  if(NOT _cfg_result EQUAL 0)
    if("${_cfg_out}${_cfg_err}" MATCHES "WAMR_DOTNET_NO_LLVM: ([^\n]*)")
      compiler_unavailable("${CMAKE_MATCH_1}")
    else()
      message(FATAL_ERROR "Configuring the compiler build failed:\n${_cfg_out}\n${_cfg_err}\n"
        "Is a C++ compiler installed (Debian/Ubuntu: apt install build-essential)?")
    endif()
  endif()
endif()

if(NOT COMPILER_SKIPPED)
  include(ProcessorCount)
  ProcessorCount(_jobs)
  if(_jobs EQUAL 0)
    set(_jobs 2)
  endif()
  execute_process(
    COMMAND "${CMAKE_COMMAND}" --build "${WORK_DIR}" --target wamrc --config Release --parallel ${_jobs}
    RESULT_VARIABLE _build_result OUTPUT_VARIABLE _build_out ERROR_VARIABLE _build_err)
  if(NOT _build_result EQUAL 0)
    message(FATAL_ERROR "Building libwamrc failed:\n${_build_out}\n${_build_err}")
  endif()
  set(_lib "${WORK_DIR}/${LIB_NAME}")
  if(NOT EXISTS "${_lib}")
    message(FATAL_ERROR "The build finished but ${_lib} was not found")
  endif()

  # ---- exported symbols: only the compiler's API --------------------------------------------------
  find_program(NM NAMES nm llvm-nm)
  if(NOT NM)
    message(FATAL_ERROR "nm was not found (binutils); it checks the symbols libwamrc exports")
  endif()
  execute_process(COMMAND "${NM}" -D --defined-only "${_lib}" OUTPUT_VARIABLE _syms RESULT_VARIABLE _sym_result)
  if(NOT _sym_result EQUAL 0)
    message(FATAL_ERROR "Listing the symbols of ${_lib} failed")
  endif()
  string(REGEX MATCHALL "[0-9a-fA-F]+ [A-Za-z] [A-Za-z_][A-Za-z0-9_@.]*" _lines "${_syms}")
  set(_names)
  set(_foreign)
  foreach(_l ${_lines})
    string(REGEX REPLACE "^[0-9a-fA-F]+ [A-Za-z] " "" _name "${_l}")
    string(REGEX REPLACE "@.*$" "" _name "${_name}")
    if(_name MATCHES "^(aot_|wamrc_ext_)")
      list(APPEND _names "${_name}")
    elseif(NOT _name MATCHES "^(_init|_fini|_edata|_end|__bss_start)$" AND NOT _name STREQUAL "")
      list(APPEND _foreign "${_name}")
    endif()
  endforeach()
  if(_foreign)
    message(FATAL_ERROR "libwamrc exports symbols outside its API (native/compiler/wamrc.map): ${_foreign}")
  endif()
  list(SORT _names)
  list(REMOVE_DUPLICATES _names)
  string(REPLACE ";" "\n" _text "${_names}")
  file(WRITE "${WORK_DIR}/libwamrc.exports.txt" "${_text}\n")

  # ---- outputs ------------------------------------------------------------------------------------
  file(REMOVE "${UNAVAILABLE}")
  file(COPY_FILE "${_lib}" "${OUT_DIR}/${RID}/${LIB_NAME}" ONLY_IF_DIFFERENT)
  file(COPY_FILE "${WORK_DIR}/libwamrc.exports.txt" "${OUT_DIR}/${RID}/libwamrc.exports.txt" ONLY_IF_DIFFERENT)
  file(TOUCH "${OUT_DIR}/${RID}/.compiler-build.stamp")
  message(STATUS "libwamrc for ${RID}: ${OUT_DIR}/${RID}/${LIB_NAME}")
endif()

# The headers are copied even when the library is not built: the .NET bindings compile from them.
if(NOT DEFINED WAMR_ROOT_DIR)
  include("${NATIVE_DIR}/wamr-source.cmake")
  wamr_lock_cache(PROCESS)
  wamr_fetch_source()
  wamr_unlock_cache()
endif()
file(COPY_FILE "${WAMR_ROOT_DIR}/core/iwasm/include/aot_export.h" "${OUT_DIR}/include/aot_export.h" ONLY_IF_DIFFERENT)
file(COPY_FILE "${NATIVE_DIR}/compiler/wamrc_ext.h" "${OUT_DIR}/include/wamrc_ext.h" ONLY_IF_DIFFERENT)
