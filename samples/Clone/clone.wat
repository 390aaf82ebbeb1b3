;; The Clone sample's module: a memory, a byte setter and getter, and a check point the host logs.
;; Build: wat2wasm --debug-names clone.wat -o clone.wasm
(module
  (import "host" "check_point" (func $check_point (param i32)))
  (memory (export "memory") 1)

  (func (export "set_byte") (param $offset i32) (param $value i32)
    (call $check_point (i32.const 1))
    (i32.store8 (local.get $offset) (local.get $value)))

  (func (export "get_byte") (param $offset i32) (result i32)
    (call $check_point (i32.const 2))
    (i32.load8_u (local.get $offset))))
