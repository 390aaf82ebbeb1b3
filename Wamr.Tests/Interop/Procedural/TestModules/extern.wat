;; One export of each extern kind, in the order func, global, table, memory.
(module
  (func (export "f") (param i32) (result i32) local.get 0)
  (global (export "g") (mut i32) (i32.const 5))
  (table (export "t") 1 funcref)
  (memory (export "m") 1))
