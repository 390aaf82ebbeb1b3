;; Needs one function import and one global import; exports one of each kind.
(module
  (import "env" "tick" (func $tick (result i32)))
  (import "env" "offset" (global $offset i32))
  (func (export "next") (result i32)
    call $tick
    global.get $offset
    i32.add)
  (global (export "answer") i32 (i32.const 42))
  (memory (export "memory") 1)
  (table (export "table") 1 funcref))
