;; Host functions (wasm_func_new_with_env) taking and returning funcref/externref, reached from wasm functions whose own
;; signatures are numeric (so that no reference crosses wasm_func_call itself).
(module
  (import "host" "echo" (func $echo (param externref) (result externref)))
  (import "host" "make" (func $make (result externref)))
  (import "host" "funcref_param" (func $funcref_param (param funcref)))
  (import "host" "funcref_result" (func $funcref_result (result funcref)))
  (func $f)
  (elem declare func $f)
  ;; make()'s answer passed to echo; whether echo's answer is ref.null.
  (func (export "make_echo_is_null") (result i32) (ref.is_null (call $echo (call $make))))
  ;; wasm's own ref.null passed to echo; whether echo's answer is ref.null.
  (func (export "null_echo_is_null") (result i32) (ref.is_null (call $echo (ref.null extern))))
  (func (export "make_is_null") (result i32) (ref.is_null (call $make)))
  (func (export "funcref_param") (result i32) (call $funcref_param (ref.func $f)) (i32.const 1))
  (func (export "funcref_null_param") (result i32) (call $funcref_param (ref.null func)) (i32.const 1))
  (func (export "funcref_result") (result i32) (ref.is_null (call $funcref_result)))
)
