;; Exported and imported globals of every numeric kind and both mutabilities.
(module
  (import "env" "imported" (global $imported (mut i32)))
  (import "env" "factor" (global $factor f64))
  (global (export "const_i32") i32 (i32.const 7))
  (global $var_i64 (export "var_i64") (mut i64) (i64.const -5))
  (global (export "var_f32") (mut f32) (f32.const 1.5))
  (global (export "const_f64") f64 (f64.const 2.25))
  (global (export "ref") (mut funcref) (ref.null func))
  (func (export "get_imported") (result i32) (global.get $imported))
  (func (export "set_imported") (param i32) (global.set $imported (local.get 0)))
  (func (export "get_factor") (result f64) (global.get $factor))
  (func (export "get_var_i64") (result i64) (global.get $var_i64))
)
