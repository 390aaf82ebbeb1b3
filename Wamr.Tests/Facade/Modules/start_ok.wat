;; A start function without imports: instantiates normally.
(module
  (global $ready (mut i32) (i32.const 0))
  (func $start (global.set $ready (i32.const 1)))
  (start $start)
  (func (export "ready") (result i32) (global.get $ready))
)
