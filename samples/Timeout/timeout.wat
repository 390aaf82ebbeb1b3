;; The Timeout sample: a loop that never ends, counting its iterations in a global.
(module
  (global $iterations (export "iterations") (mut i64) (i64.const 0))
  ;; Never returns: only an interrupt stops it.
  (func (export "run_forever")
    (loop $again
      (global.set $iterations (i64.add (global.get $iterations) (i64.const 1)))
      (br $again)))
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1))))
