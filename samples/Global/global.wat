;; The Global sample's module: four imported globals (const and var, f32 and i64), four of its own
;; that it exports, and a getter for each plus a setter for each mutable one.
;; Build: wat2wasm --debug-names global.wat -o global.wasm
(module
  (import "host" "const f32" (global $in_const_f32 f32))
  (import "host" "const i64" (global $in_const_i64 i64))
  (import "host" "var f32" (global $in_var_f32 (mut f32)))
  (import "host" "var i64" (global $in_var_i64 (mut i64)))

  (global $own_const_f32 (export "const f32") f32 (f32.const 5))
  (global $own_const_i64 (export "const i64") i64 (i64.const 6))
  (global $own_var_f32 (export "var f32") (mut f32) (f32.const 7))
  (global $own_var_i64 (export "var i64") (mut i64) (i64.const 8))

  (func (export "get const f32 import") (result f32) (global.get $in_const_f32))
  (func (export "get const i64 import") (result i64) (global.get $in_const_i64))
  (func (export "get var f32 import") (result f32) (global.get $in_var_f32))
  (func (export "get var i64 import") (result i64) (global.get $in_var_i64))
  (func (export "get const f32 export") (result f32) (global.get $own_const_f32))
  (func (export "get const i64 export") (result i64) (global.get $own_const_i64))
  (func (export "get var f32 export") (result f32) (global.get $own_var_f32))
  (func (export "get var i64 export") (result i64) (global.get $own_var_i64))

  (func (export "set var f32 import") (param f32) (global.set $in_var_f32 (local.get 0)))
  (func (export "set var i64 import") (param i64) (global.set $in_var_i64 (local.get 0)))
  (func (export "set var f32 export") (param f32) (global.set $own_var_f32 (local.get 0)))
  (func (export "set var i64 export") (param i64) (global.set $own_var_i64 (local.get 0))))
