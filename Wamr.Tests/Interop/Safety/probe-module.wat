;; The module the NULL probe (null-probe.c) instantiates to get real functions, globals, tables, memories,
;; traps and frames. No imports, so it instantiates with an empty import vector.
;; Rebuild after editing: wat2wasm probe-module.wat -o probe-module.wasm
(module
  (func $id (export "id") (param i32) (result i32)
    local.get 0)
  (func (export "trap")
    unreachable)
  (global (export "g") (mut i32) (i32.const 7))
  (table (export "t") 2 funcref)
  (elem (i32.const 0) $id)
  (memory (export "m") 1 2))
