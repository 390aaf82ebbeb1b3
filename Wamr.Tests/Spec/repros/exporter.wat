;; Exports a memory, a table and a mutable global (1), for modules that import them.
(module
  (memory (export "memory") 1)
  (table (export "table") 1 funcref)
  (global $g (export "global") (mut i32) (i32.const 1))
  (func (export "set") (param i32) (global.set $g (local.get 0)))
)
