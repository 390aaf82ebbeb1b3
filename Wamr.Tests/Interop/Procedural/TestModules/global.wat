;; Exported globals of each value kind, an imported global and functions that read them.
(module
  (import "env" "seed" (global $seed i32))
  (global $counter (export "counter") (mut i32) (i32.const 1))
  (global (export "wide") (mut i64) (i64.const 4294967296))
  (global (export "ratio") f32 (f32.const 0.5))
  (global (export "pi") f64 (f64.const 3.25))
  (func (export "get_counter") (result i32) global.get $counter)
  (func (export "get_seed") (result i32) global.get $seed))
