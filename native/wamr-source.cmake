# The pinned WAMR source, fetched once into the cache and verified: shared by the native build drivers
# (build-native.cmake for libiwasm, build-compiler.cmake for the AOT compiler library). Script mode.
#
# Expects NATIVE_DIR and CACHE_DIR; include wamr.pin.cmake first.
#   wamr_lock_cache(PROCESS)       takes the cache lock (one fetch or build at a time in this cache)
#   wamr_unlock_cache()            releases it before the process ends
#   wamr_fetch_source()            sets WAMR_ROOT_DIR in the caller's scope, fetching and verifying first if needed
string(REPLACE "@" "" _wamr_pkg_file "${WAMR_NPM_PACKAGE}")
string(REPLACE "/" "-" _wamr_pkg_file "${_wamr_pkg_file}")
set(TARBALL "${CACHE_DIR}/${_wamr_pkg_file}-${WAMR_NPM_VERSION}.tgz")
set(SRC_DIR "${CACHE_DIR}/src-${WAMR_NPM_VERSION}")
set(SRC_STAMP "${SRC_DIR}/.verified-${WAMR_NPM_SHA512}")

function(verify_tarball result)
  set(${result} FALSE PARENT_SCOPE)
  if(EXISTS "${TARBALL}")
    file(SHA512 "${TARBALL}" _actual)
    if(_actual STREQUAL WAMR_NPM_SHA512)
      set(${result} TRUE PARENT_SCOPE)
    endif()
  endif()
endfunction()

macro(wamr_lock_cache _guard)
  file(MAKE_DIRECTORY "${CACHE_DIR}")
  file(LOCK "${CACHE_DIR}/.lock" GUARD ${_guard} TIMEOUT 1800 RESULT_VARIABLE _lock_result)
  if(NOT _lock_result STREQUAL "0")
    message(FATAL_ERROR "Could not lock ${CACHE_DIR}/.lock: ${_lock_result}")
  endif()
endmacro()

macro(wamr_unlock_cache)
  file(LOCK "${CACHE_DIR}/.lock" RELEASE)
endmacro()

function(wamr_fetch_source)
  if(NOT EXISTS "${SRC_STAMP}")
    verify_tarball(_ok)
    if(NOT _ok)
      if(NOT NPM)
        find_program(NPM NAMES npm npm.cmd)
      endif()
      if(NOT NPM)
        message(FATAL_ERROR "npm was not found on PATH. The native build downloads WAMR's source from the npm "
          "registry: install Node.js with npm (Debian/Ubuntu: apt install nodejs npm; or https://nodejs.org).")
      endif()
      file(REMOVE "${TARBALL}")
      message(STATUS "Fetching ${WAMR_NPM_PACKAGE}@${WAMR_NPM_VERSION} from the npm registry")
      execute_process(
        COMMAND "${NPM}" pack "${WAMR_NPM_PACKAGE}@${WAMR_NPM_VERSION}" --silent --pack-destination "${CACHE_DIR}"
        WORKING_DIRECTORY "${CACHE_DIR}"
        RESULT_VARIABLE _npm_result OUTPUT_VARIABLE _npm_out ERROR_VARIABLE _npm_err)
      if(NOT _npm_result EQUAL 0)
        message(FATAL_ERROR "npm pack ${WAMR_NPM_PACKAGE}@${WAMR_NPM_VERSION} failed (${_npm_result}): ${_npm_err}\n"
          "The native build needs the npm registry (https://registry.npmjs.org) or a mirror set with 'npm config set registry'.")
      endif()
      verify_tarball(_ok)
      if(NOT _ok)
        file(SHA512 "${TARBALL}" _actual)
        file(REMOVE "${TARBALL}")
        message(FATAL_ERROR "Integrity check failed for ${WAMR_NPM_PACKAGE}@${WAMR_NPM_VERSION}: expected SHA-512 "
          "${WAMR_NPM_SHA512}, got ${_actual}. The download was deleted; nothing was built.")
      endif()
    endif()
    file(REMOVE_RECURSE "${SRC_DIR}")
    file(MAKE_DIRECTORY "${SRC_DIR}")
    file(ARCHIVE_EXTRACT INPUT "${TARBALL}" DESTINATION "${SRC_DIR}")
    file(WRITE "${SRC_STAMP}" "${WAMR_NPM_PACKAGE}@${WAMR_NPM_VERSION}\n")
  endif()
  set(_root "${SRC_DIR}/package/wasm-micro-runtime")
  if(NOT EXISTS "${_root}/build-scripts/runtime_lib.cmake")
    message(FATAL_ERROR "${_root} does not hold WAMR's build scripts; delete ${CACHE_DIR} and build again")
  endif()
  set(WAMR_ROOT_DIR "${_root}" PARENT_SCOPE)
endfunction()
