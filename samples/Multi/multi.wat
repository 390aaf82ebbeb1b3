;; The Multi sample's module: functions with several parameters and several results.
;; "reverse" stays inside wasm; "run" and "run swap" pass their arguments to host functions and
;; return what those return.
;; Build: wat2wasm --debug-names multi.wat -o multi.wasm
(module
  (import "host" "callback" (func $callback (param i32 i64 i64 i32) (result i32 i64 i64 i32)))
  (import "host" "swap" (func $swap (param i32 i32) (result i32 i32)))

  (func (export "run") (param i32 i64 i64 i32) (result i32 i64 i64 i32)
    (call $callback (local.get 0) (local.get 1) (local.get 2) (local.get 3)))

  (func (export "run swap") (param i32 i32) (result i32 i32)
    (call $swap (local.get 0) (local.get 1)))

  ;; (a, b, c, d) -> (d, c, b, a), with each type in place.
  (func (export "reverse") (param $a i32) (param $b i64) (param $c i64) (param $d i32)
    (result i32 i64 i64 i32)
    (local.get $d) (local.get $c) (local.get $b) (local.get $a)))
