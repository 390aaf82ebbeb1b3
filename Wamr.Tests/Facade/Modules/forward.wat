;; Imports another instance's div (see arith.wat), calls it, and exports the import itself again.
(module
  (import "math" "div" (func $div (param i32 i32) (result i32)))
  (func (export "divide") (param i32 i32) (result i32) (call $div (local.get 0) (local.get 1)))
  (export "div_again" (func $div))
)
