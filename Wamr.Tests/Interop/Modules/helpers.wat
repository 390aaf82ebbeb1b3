;; Test module for the C-like helpers (Wamr.Tests/Interop/*HelperTests.cs).
;; Build: wat2wasm helpers.wat -o helpers.wasm
(module
  (memory (export "memory") 1 1)
  (func (export "echo_i32") (param i32) (result i32) local.get 0)
  (func (export "echo_i64") (param i64) (result i64) local.get 0)
  (func (export "echo_f32") (param f32) (result f32) local.get 0)
  (func (export "echo_f64") (param f64) (result f64) local.get 0)
  ;; (a + b + c + d) as f64: every argument kind in one call.
  (func (export "sum") (param i32 i64 f32 f64) (result f64)
    local.get 0
    f64.convert_i32_s
    local.get 1
    f64.convert_i64_s
    f64.add
    local.get 2
    f64.promote_f32
    f64.add
    local.get 3
    f64.add)
  ;; Two results: (a, b) -> (b, a).
  (func (export "swap") (param i32 i64) (result i64 i32)
    local.get 1
    local.get 0))
