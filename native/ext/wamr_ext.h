/*
 * Wamr for .NET engine extension: what WAMR 1.1.2's wasm-c-api cannot reach on its own.
 *
 * Compiled into libiwasm together with WAMR's source (native/CMakeLists.txt) and bound by
 * Wamr.SourceGen like WAMR's own headers (class Wamr.Interop.WamrExt). A libiwasm built elsewhere
 * lacks these symbols; the .NET side detects that once, at load, and raises NotSupportedException
 * for the features that need them.
 *
 * Written for exactly one WAMR version (WAMR_EXT_WAMR_VERSION); wamr_ext.c refuses to compile
 * against any other.
 */
#ifndef WAMR_EXT_H
#define WAMR_EXT_H

#include "wasm_c_api.h"
#include "wasm_export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this extension's C interface; bumped on every incompatible change. */
#define WAMR_EXT_ABI_VERSION 1

/* The WAMR release the extension was written for, as major * 10000 + minor * 100 + patch. */
#define WAMR_EXT_WAMR_VERSION 10102

/* Returns WAMR_EXT_ABI_VERSION of the library actually loaded. */
WASM_API_EXTERN uint32_t
wamr_ext_abi_version(void);

/* Returns WAMR_EXT_WAMR_VERSION of the WAMR source the library was compiled from. */
WASM_API_EXTERN uint32_t
wamr_ext_wamr_version(void);

/*
 * The native module instance behind a wasm-c-api instance (what wasm_export.h's functions take),
 * or NULL when instance is NULL.
 */
WASM_API_EXTERN wasm_module_inst_t
wamr_ext_instance_module_inst(const wasm_instance_t *instance);

/* ---- WASI (issue 10, item 2) --------------------------------------------------------------------
 * WAMR 1.1.2 configures WASI per module (wasm_runtime_set_wasi_args_ex) and ignores map_dir_list, takes
 * ownership of the stdio descriptors it is given in ways a caller cannot tell apart on failure, and turns
 * proc_exit into a normal return. These functions complete a freshly instantiated WASI instance instead,
 * before any of its code runs. Errors are POSIX errno values (0: success). */

/* The trap message of proc_exit once wamr_ext_wasi_install_exit_hook has run; the exit code is then
 * wasm_runtime_get_wasi_exit_code(module_inst). */
#define WAMR_EXT_WASI_EXIT_MESSAGE "wasi proc_exit"

/*
 * Makes wasi_snapshot_preview1::proc_exit and wasi_unstable::proc_exit (for modules loaded from now on)
 * store the exit code and trap with WAMR_EXT_WASI_EXIT_MESSAGE, instead of WAMR's own proc_exit, after
 * which the call returns as if the function had returned normally. Idempotent; call while the runtime
 * exists (with an engine alive) and no module is being loaded. Returns false if WAMR refused to register it.
 */
WASM_API_EXTERN bool
wamr_ext_wasi_install_exit_hook(void);

/*
 * Connects WASI descriptor wasi_fd (0, 1 or 2) of a WASI instance to a duplicate of host_fd (the caller
 * keeps host_fd and closes it as usual). The instance owns the duplicate from then on: WAMR closes it
 * when the instance is destroyed or the guest closes the descriptor. On error nothing changes.
 * EINVAL: module_inst is NULL, wasi_fd > 2 or host_fd < 0; ENOTSUP: the instance's module does not import WASI;
 * EBADF: host_fd is not open; ENOMEM: WAMR could not insert it.
 */
WASM_API_EXTERN int32_t
wamr_ext_wasi_set_stdio(wasm_module_inst_t module_inst, uint32_t wasi_fd, int32_t host_fd);

/*
 * Preopens host_path (a directory) as WASI descriptor wasi_fd (3 or more, unused), visible to the guest
 * as guest_path (which may differ from host_path). Descriptors must be added in order, 3, 4, ...:
 * WASI programs look for preopened directories from descriptor 3 up to the first missing one.
 * EINVAL: a NULL or empty argument, or wasi_fd < 3; ENOTSUP: the instance's module does not import WASI;
 * EEXIST: wasi_fd is in use; otherwise the errno of realpath/open (ENOENT, ENOTDIR, EACCES, ...).
 */
WASM_API_EXTERN int32_t
wamr_ext_wasi_preopen(wasm_module_inst_t module_inst, uint32_t wasi_fd, const char *host_path,
                      const char *guest_path);

#ifdef __cplusplus
}
#endif

#endif /* WAMR_EXT_H */
