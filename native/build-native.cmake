# Native build driver, run in CMake script mode so that it works the same on every OS:
#
#   cmake -DRID=linux-x64 -DOUT_DIR=<dir> -P native/build-native.cmake
#
# 1. fetches WAMR's source from the npm registry (the package pinned in wamr.pin.cmake) into
#    native/.cache, verifying its SHA-512 before anything is extracted;
# 2. configures and builds native/CMakeLists.txt (target iwasm_shared) for the runtime identifier;
# 3. writes to OUT_DIR:  <rid>/<libiwasm>, <rid>/libiwasm.exports.txt (exported symbols, one per line)
#    and include/{wasm_c_api,wasm_export,lib_export}.h plus the extension's include/wamr_ext.h.
# Outputs are replaced only when their content changes, so MSBuild's incremental checks stay quiet.
cmake_minimum_required(VERSION 3.16)

get_filename_component(NATIVE_DIR "${CMAKE_CURRENT_LIST_DIR}" ABSOLUTE)
include("${NATIVE_DIR}/wamr.pin.cmake")

include("${NATIVE_DIR}/driver-paths.cmake")
set(WORK_DIR "${CACHE_DIR}/build-${RID}")
if(DEFINED BUILD_SUFFIX)
  set(WORK_DIR "${WORK_DIR}-${BUILD_SUFFIX}")
endif()

# ---- what the RID means -----------------------------------------------------------------------
string(REGEX MATCH "^(linux|linux-musl|win|osx)-(x64|arm64|x86)$" _rid_ok "${RID}")
if(NOT _rid_ok)
  message(FATAL_ERROR "Unsupported RID '${RID}': use linux-x64, linux-arm64, win-x64, osx-x64 or osx-arm64")
endif()
string(REGEX REPLACE "-(x64|arm64|x86)$" "" RID_OS "${RID}")
string(REGEX REPLACE "^.*-" "" RID_ARCH "${RID}")
set(CONFIGURE_ARGS)
if(RID_OS MATCHES "^linux")
  set(WAMR_PLATFORM linux)
  set(LIB_NAME libiwasm.so)
elseif(RID_OS STREQUAL "osx")
  set(WAMR_PLATFORM darwin)
  set(LIB_NAME libiwasm.dylib)
  if(RID_ARCH STREQUAL "arm64")
    list(APPEND CONFIGURE_ARGS -DCMAKE_OSX_ARCHITECTURES=arm64)
  else()
    list(APPEND CONFIGURE_ARGS -DCMAKE_OSX_ARCHITECTURES=x86_64)
  endif()
else()
  set(WAMR_PLATFORM windows)
  set(LIB_NAME iwasm.dll)
  if(RID_ARCH STREQUAL "x64")
    list(APPEND CONFIGURE_ARGS -A x64)
  elseif(RID_ARCH STREQUAL "arm64")
    list(APPEND CONFIGURE_ARGS -A ARM64)
  endif()
endif()
if(RID_ARCH STREQUAL "x64")
  set(WAMR_TARGET X86_64)
elseif(RID_ARCH STREQUAL "arm64")
  set(WAMR_TARGET AARCH64)
else()
  set(WAMR_TARGET X86_32)
endif()
if(DEFINED TOOLCHAIN_FILE)
  list(APPEND CONFIGURE_ARGS "-DCMAKE_TOOLCHAIN_FILE=${TOOLCHAIN_FILE}")
endif()
if(DEFINED EXTRA_CMAKE_ARGS)
  list(APPEND CONFIGURE_ARGS ${EXTRA_CMAKE_ARGS})
endif()

# ---- tools ------------------------------------------------------------------------------------
find_program(NPM NAMES npm npm.cmd)
if(NOT NPM)
  message(FATAL_ERROR "npm was not found on PATH. The native build downloads WAMR's source from the npm "
    "registry: install Node.js with npm (Debian/Ubuntu: apt install nodejs npm; or https://nodejs.org).")
endif()
if(NOT WAMR_PLATFORM STREQUAL "windows")
  find_program(C_COMPILER NAMES cc gcc clang)
  if(NOT C_COMPILER AND NOT DEFINED TOOLCHAIN_FILE)
    message(FATAL_ERROR "No C compiler (cc, gcc or clang) was found on PATH. Install one "
      "(Debian/Ubuntu: apt install build-essential; macOS: xcode-select --install).")
  endif()
endif()

# ---- the pinned source, verified (shared with build-compiler.cmake) ----------------------------
# Several builds may run at once (parallel project builds, two RIDs): one at a time in this cache.
include("${NATIVE_DIR}/wamr-source.cmake")
wamr_lock_cache(PROCESS)
wamr_fetch_source()

# ---- configure and build ------------------------------------------------------------------------
message(STATUS "Building libiwasm for ${RID} (WAMR ${WAMR_NPM_VERSION}, ${WAMR_PLATFORM}/${WAMR_TARGET})")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${NATIVE_DIR}" -B "${WORK_DIR}"
          -DCMAKE_BUILD_TYPE=Release
          "-DWAMR_ROOT_DIR=${WAMR_ROOT_DIR}"
          "-DWAMR_BUILD_PLATFORM=${WAMR_PLATFORM}"
          "-DWAMR_BUILD_TARGET=${WAMR_TARGET}"
          ${CONFIGURE_ARGS}
  RESULT_VARIABLE _cfg_result OUTPUT_VARIABLE _cfg_out ERROR_VARIABLE _cfg_err)
if(NOT _cfg_result EQUAL 0)
  message(FATAL_ERROR "Configuring the native build failed:\n${_cfg_out}\n${_cfg_err}\n"
    "Is a C compiler installed (Debian/Ubuntu: apt install build-essential)?")
endif()
include(ProcessorCount)
ProcessorCount(_jobs)
if(_jobs EQUAL 0)
  set(_jobs 2)
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" --build "${WORK_DIR}" --target iwasm_shared --config Release --parallel ${_jobs}
  RESULT_VARIABLE _build_result OUTPUT_VARIABLE _build_out ERROR_VARIABLE _build_err)
if(NOT _build_result EQUAL 0)
  message(FATAL_ERROR "Building libiwasm failed:\n${_build_out}\n${_build_err}")
endif()

file(GLOB_RECURSE _built "${WORK_DIR}/${LIB_NAME}" "${WORK_DIR}/*/${LIB_NAME}")
list(FILTER _built EXCLUDE REGEX "CMakeFiles")
list(LENGTH _built _n)
if(_n EQUAL 0)
  message(FATAL_ERROR "The build finished but ${LIB_NAME} was not found under ${WORK_DIR}")
endif()
list(GET _built 0 _lib)

# ---- outputs ------------------------------------------------------------------------------------
file(MAKE_DIRECTORY "${OUT_DIR}/${RID}" "${OUT_DIR}/include")
file(COPY_FILE "${_lib}" "${OUT_DIR}/${RID}/${LIB_NAME}" ONLY_IF_DIFFERENT)
foreach(_h wasm_c_api.h wasm_export.h lib_export.h)
  file(COPY_FILE "${WAMR_ROOT_DIR}/core/iwasm/include/${_h}" "${OUT_DIR}/include/${_h}" ONLY_IF_DIFFERENT)
endforeach()
file(COPY_FILE "${NATIVE_DIR}/ext/wamr_ext.h" "${OUT_DIR}/include/wamr_ext.h" ONLY_IF_DIFFERENT)
file(COPY_FILE "${WAMR_ROOT_DIR}/LICENSE" "${OUT_DIR}/LICENSE.wamr.txt" ONLY_IF_DIFFERENT)
file(COPY_FILE "${WAMR_ROOT_DIR}/ATTRIBUTIONS.md" "${OUT_DIR}/ATTRIBUTIONS.wamr.md" ONLY_IF_DIFFERENT)

# The exported symbol list lets the generator mark functions a header declares but this build lacks.
if(WAMR_PLATFORM STREQUAL "windows")
  find_program(DUMPBIN dumpbin)
  execute_process(COMMAND "${DUMPBIN}" /exports "${_lib}" OUTPUT_VARIABLE _syms RESULT_VARIABLE _sym_result)
  string(REGEX MATCHALL "[ ]+[0-9]+[ ]+[0-9A-F]+[ ]+[0-9A-F]+[ ]+([A-Za-z_][A-Za-z0-9_]*)" _lines "${_syms}")
  set(_names)
  foreach(_l ${_lines})
    string(REGEX REPLACE ".*[ ]([A-Za-z_][A-Za-z0-9_]*)$" "\\1" _name "${_l}")
    list(APPEND _names "${_name}")
  endforeach()
else()
  find_program(NM NAMES nm llvm-nm)
  if(NOT NM)
    message(FATAL_ERROR "nm was not found (binutils); it lists the symbols libiwasm exports")
  endif()
  if(WAMR_PLATFORM STREQUAL "darwin")
    execute_process(COMMAND "${NM}" -gU "${_lib}" OUTPUT_VARIABLE _syms RESULT_VARIABLE _sym_result)
  else()
    execute_process(COMMAND "${NM}" -D --defined-only "${_lib}" OUTPUT_VARIABLE _syms RESULT_VARIABLE _sym_result)
  endif()
  string(REGEX MATCHALL "[0-9a-fA-F]+ [TtWw] _?[A-Za-z_][A-Za-z0-9_]*" _lines "${_syms}")
  set(_names)
  foreach(_l ${_lines})
    if(_l MATCHES "^[0-9a-fA-F]+ [TW] ")
      string(REGEX REPLACE "^[0-9a-fA-F]+ [TW] " "" _name "${_l}")
      if(WAMR_PLATFORM STREQUAL "darwin")
        string(REGEX REPLACE "^_" "" _name "${_name}")
      endif()
      list(APPEND _names "${_name}")
    endif()
  endforeach()
endif()
if(NOT _sym_result EQUAL 0)
  message(FATAL_ERROR "Listing the symbols of ${_lib} failed")
endif()
list(SORT _names)
list(REMOVE_DUPLICATES _names)
string(REPLACE ";" "\n" _text "${_names}")
file(WRITE "${WORK_DIR}/libiwasm.exports.txt" "${_text}\n")
file(COPY_FILE "${WORK_DIR}/libiwasm.exports.txt" "${OUT_DIR}/${RID}/libiwasm.exports.txt" ONLY_IF_DIFFERENT)
file(TOUCH "${OUT_DIR}/${RID}/.native-build.stamp")
message(STATUS "libiwasm for ${RID}: ${OUT_DIR}/${RID}/${LIB_NAME}")
