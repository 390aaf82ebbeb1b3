;; The TrapOop sample's module: "exception" calls a host function whose C# code throws; "unreachable" traps inside
;; wasm two calls deep; "divide" traps on division by zero.
;; Build: wat2wasm --debug-names trap.wat -o trap.wasm
(module
  (import "host" "throw" (func $throw (result i32)))
  (func (export "exception") (result i32) (call $throw))
  (func $inner (result i32) (unreachable))
  (func $middle (result i32) (i32.add (i32.const 1) (call $inner)))
  (func (export "unreachable") (result i32) (call $middle))
  (func (export "divide") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))
