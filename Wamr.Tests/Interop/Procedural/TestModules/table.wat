;; A funcref table with two filled slots, functions to call through it and to grow it from wasm.
(module
  (type $give (func (result i32)))
  (table $t (export "funcs") 3 10 funcref)
  (func $eleven (export "eleven") (result i32) i32.const 11)
  (func $twenty_two (result i32) i32.const 22)
  (elem (i32.const 0) $eleven $twenty_two)
  (func (export "call_at") (param i32) (result i32)
    local.get 0
    call_indirect (type $give))
  (func (export "grow") (param i32) (result i32)
    ref.null func
    local.get 0
    table.grow $t))
