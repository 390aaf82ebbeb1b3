;; Imports a memory.
(module
  (import "m" "memory" (memory 1))
  (func (export "size") (result i32) (memory.size))
)
