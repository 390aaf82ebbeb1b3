;; A funcref to an imported (host) function, returned to .NET from a table.
(module
  (import "env" "twice" (func $twice (param i32) (result i32)))
  (table 1 funcref)
  (elem (i32.const 0) func $twice)
  (func (export "get_import") (result funcref) (table.get 0 (i32.const 0)))
)
