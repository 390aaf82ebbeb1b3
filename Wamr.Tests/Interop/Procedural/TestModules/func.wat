;; Exported functions of several signatures, and one that calls a host import.
(module
  (import "host" "twice" (func $twice (param i32) (result i32)))
  (func (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add)
  (func (export "mix") (param i64 f32 f64) (result f64)
    local.get 0
    f64.convert_i64_s
    local.get 1
    f64.promote_f32
    f64.add
    local.get 2
    f64.add)
  (func (export "call_twice") (param i32) (result i32)
    local.get 0
    call $twice
    i32.const 1
    i32.add)
  (func (export "nothing")))
