;; A function import beside a table that holds only the module's own functions (passive and active segments).
(module
  (import "env" "f" (func $f (result i32)))
  (table 2 funcref)
  (func $seven (result i32) (i32.const 7))
  (func $host (result i32) (call $f))
  (elem (i32.const 0) $seven $host)
  (elem func $seven)
  (func (export "call") (param i32) (result i32) (call_indirect (result i32) (local.get 0)))
)
