;; Host functions: imports of every kind of signature the façade supports, called from wasm.
(module
  (import "env" "add" (func $add (param i32 i32) (result i32)))
  (import "env" "scale" (func $scale (param f64) (result f64)))
  (import "env" "record" (func $record (param i64)))
  (import "env" "fail" (func $fail))
  (import "env" "reenter" (func $reenter (param i32) (result i32)))
  (func (export "call_add") (param i32 i32) (result i32) (call $add (local.get 0) (local.get 1)))
  (func (export "call_scale") (param f64) (result f64) (call $scale (local.get 0)))
  (func (export "call_record") (param i64) (call $record (local.get 0)))
  (func (export "call_fail") (call $fail))
  (func (export "call_reenter") (param i32) (result i32) (call $reenter (local.get 0)))
  (func (export "double") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
  (func (export "add_many") (param i32) (result i32) (local $i i32) (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get 0)))
        (local.set $acc (call $add (local.get $acc) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc))
)
