;; Numbers through exported functions: every value kind, several arities, a trap and two results.
(module
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "add64") (param i64 i64) (result i64) (i64.add (local.get 0) (local.get 1)))
  (func (export "mul32") (param f32 f32) (result f32) (f32.mul (local.get 0) (local.get 1)))
  (func (export "mul64") (param f64 f64) (result f64) (f64.mul (local.get 0) (local.get 1)))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "answer") (result i32) (i32.const 42))
  (func (export "nothing"))
  (func (export "mix") (param i32 i64 f32 f64) (result f64)
    (f64.add
      (f64.add (f64.convert_i32_s (local.get 0)) (f64.convert_i64_s (local.get 1)))
      (f64.add (f64.promote_f32 (local.get 2)) (local.get 3))))
  (func (export "sum6") (param i32 i32 i32 i32 i32 i32) (result i64)
    (i64.extend_i32_s
      (i32.add (i32.add (i32.add (local.get 0) (local.get 1)) (i32.add (local.get 2) (local.get 3)))
               (i32.add (local.get 4) (local.get 5)))))
  (func (export "swap") (param i32 i64) (result i64 i32) (local.get 1) (local.get 0))
  (global $count (mut i32) (i32.const 0))
  (func (export "bump") (param i32) (global.set $count (i32.add (global.get $count) (local.get 0))))
  (func (export "count") (result i32) (global.get $count))
)
