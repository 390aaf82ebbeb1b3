;; Imports another module's exports by name (see arith.wat and memory.wat) plus a host function.
(module
  (import "math" "add" (func $add (param i32 i32) (result i32)))
  (import "math" "answer" (func $answer (result i32)))
  (import "host" "offset" (global $offset i32))
  (func (export "add_answer") (param i32) (result i32)
    (i32.add (global.get $offset) (call $add (local.get 0) (call $answer))))
)
