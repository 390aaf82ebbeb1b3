;; Traps with a backtrace: compile with --debug-names so that frames carry function names.
(module
  (func $inner (export "inner") unreachable)
  (func $middle (call $inner))
  (func $outer (export "outer") (call $middle))
  (func $recurse (export "recurse") (param i32) (result i32)
    (i32.add (i32.const 1) (call $recurse (local.get 0))))
  (func (export "oob") (result i32) (i32.load (i32.const 70000)))
  (memory 1)
)
