;; An imported function put into a table by an active element segment, called through call_indirect.
(module
  (import "env" "f" (func $f (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $f)
  (func (export "call") (param i32) (result i32) (call_indirect (result i32) (local.get 0)))
)
