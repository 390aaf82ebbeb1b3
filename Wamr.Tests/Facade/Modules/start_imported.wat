;; The start function is itself an import (WAMR 1.1.2 skips such a start function; the façade calls it).
;; wat2wasm start_imported.wat -o start_imported.wasm
(module
  (import "env" "init" (func $init))
  (start $init)
)
