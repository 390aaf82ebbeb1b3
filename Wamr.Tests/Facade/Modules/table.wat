;; A funcref table with elements, an externref table, and functions using them from wasm.
(module
  (type $ret_i32 (func (result i32)))
  (table $funcs (export "funcs") 4 8 funcref)
  (table $things (export "things") 2 externref)
  (elem (table $funcs) (i32.const 0) func $eleven $twentytwo)
  (func $eleven (export "eleven") (result i32) (i32.const 11))
  (func $twentytwo (result i32) (i32.const 22))
  (func (export "call_at") (param i32) (result i32) (call_indirect $funcs (type $ret_i32) (local.get 0)))
  (func (export "is_null") (param i32) (result i32) (ref.is_null (table.get $things (local.get 0))))
  (func (export "grow_funcs") (param i32) (result i32) (table.grow $funcs (ref.null func) (local.get 0)))
  (func (export "take_ref") (param funcref) (result i32) (i32.const 1))
  (func (export "give_ref") (result externref) (ref.null extern))
)
