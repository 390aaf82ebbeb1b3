;; Imports a mutable i32 global and reads it.
(module
  (import "m" "g" (global $g (mut i32)))
  (func (export "get") (result i32) (global.get $g))
)
