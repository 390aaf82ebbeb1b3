;; Imports a table.
(module
  (import "m" "table" (table 1 funcref))
  (func (export "size") (result i32) (table.size 0))
)
