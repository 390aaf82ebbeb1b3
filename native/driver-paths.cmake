# The inputs every build driver (build-native.cmake, build-compiler.cmake) starts from, checked the same way:
# RID (required), OUT_DIR (default artifacts/native, made absolute) and CACHE_DIR (default native/.cache).
# Include it after setting NATIVE_DIR.
if(NOT DEFINED RID OR RID STREQUAL "")
  message(FATAL_ERROR "RID is not set (e.g. -DRID=linux-x64)")
endif()
if(NOT DEFINED OUT_DIR)
  set(OUT_DIR "${NATIVE_DIR}/../artifacts/native")
endif()
get_filename_component(OUT_DIR "${OUT_DIR}" ABSOLUTE)
if(NOT DEFINED CACHE_DIR)
  set(CACHE_DIR "${NATIVE_DIR}/.cache")
endif()
