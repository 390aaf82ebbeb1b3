;; Test module that imports a host function (WASM_ARRAY_VEC over pointers: the imports vector).
;; Build: wat2wasm imports.wat -o imports.wasm
(module
  (import "env" "twice" (func $twice (param i32) (result i32)))
  (func (export "call_twice") (param i32) (result i32)
    local.get 0
    call $twice
    i32.const 1
    i32.add))
