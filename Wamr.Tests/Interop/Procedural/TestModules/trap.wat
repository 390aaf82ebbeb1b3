;; A trap three calls deep (outer -> middle -> inner: unreachable), for wasm_trap_* and wasm_frame_*.
(module
  (func $inner (export "inner") unreachable)
  (func $middle call $inner)
  (func (export "outer") call $middle)
  (func (export "divide") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.div_s))
