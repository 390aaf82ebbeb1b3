;; An element segment past the end of the table: instantiation traps with "out of bounds table access".
(module
  (table 2 funcref)
  (func $f)
  (elem (i32.const 1) $f $f)
)
