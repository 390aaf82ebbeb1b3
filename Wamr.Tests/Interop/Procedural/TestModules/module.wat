;; Imports and exports of every kind the C API reports, for wasm_module_imports / wasm_module_exports.
(module
  (import "env" "log" (func $log (param i32)))
  (import "env" "base" (global $base i32))
  (func (export "run") (param i32) (result i32)
    local.get 0
    global.get $base
    i32.add)
  (memory (export "mem") 1 2)
  (table (export "tab") 2 funcref)
  (global (export "counter") (mut i32) (i32.const 7)))
