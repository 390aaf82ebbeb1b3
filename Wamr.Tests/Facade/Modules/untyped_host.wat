;; Untyped host functions around the buffer sizes the façade uses for their values (up to 4 together on a small
;; stack buffer, up to 8 on a larger one, more in a rented array), results a callback leaves unwritten, and a loop
;; of 0-argument calls (the allocation check).
(module
  (import "env" "wide" (func $wide (param i32 i64 f32 f64 i32 i64 f32 f64 i32) (result f64)))
  (import "env" "wide_i32" (func $wide_i32 (param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "env" "mid" (func $mid (param i32 i64 f32 f64 i32) (result f64)))
  (import "env" "unset_i32" (func $unset_i32 (result i32)))
  (import "env" "unset_i64" (func $unset_i64 (result i64)))
  (import "env" "unset_f32" (func $unset_f32 (result f32)))
  (import "env" "unset_f64" (func $unset_f64 (result f64)))
  (import "env" "pair" (func $pair (param i32 i32) (result i32)))
  (import "env" "tick" (func $tick))
  (func (export "call_wide") (param i32 i64 f32 f64 i32 i64 f32 f64 i32) (result f64)
    (call $wide (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4) (local.get 5) (local.get 6)
      (local.get 7) (local.get 8)))
  (func (export "call_wide_i32") (param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)
    (call $wide_i32 (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4) (local.get 5) (local.get 6)
      (local.get 7) (local.get 8)))
  (func (export "call_mid") (param i32 i64 f32 f64 i32) (result f64)
    (call $mid (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)))
  (func (export "call_unset_i32") (result i32) (call $unset_i32))
  (func (export "call_unset_i64") (result i64) (call $unset_i64))
  (func (export "call_unset_f32") (result f32) (call $unset_f32))
  (func (export "call_unset_f64") (result f64) (call $unset_f64))
  ;; Sums pair(i, i) for i = n-1 … 0, and calls tick n times.
  (func (export "loop") (param $n i32) (result i32)
    (local $sum i32)
    (block $done
      (loop $again
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (call $tick)
        (local.set $sum (i32.add (local.get $sum) (call $pair (local.get $n) (local.get $n))))
        (br $again)))
    (local.get $sum)))
