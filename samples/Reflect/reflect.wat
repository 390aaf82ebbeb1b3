;; The Reflect sample's module: one export of each kind, with a variety of types.
;; Build: wat2wasm --debug-names reflect.wat -o reflect.wasm
(module
  (func (export "func") (param i32 f64 f32) (result i32)
    (local.get 0))
  (func (export "func multi") (param i64) (result i32 i64)
    (i32.const 1) (local.get 0))
  (global (export "global") f64 (f64.const 0))
  (global (export "global mut") (mut i64) (i64.const 0))
  (table (export "table") 0 50 funcref)
  (memory (export "memory") 1))
