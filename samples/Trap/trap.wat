;; The Trap sample's module. "callback" calls a host function that returns a trap; "exception" calls one
;; whose .NET code throws (the host turns the exception into a trap); "unreachable" traps inside wasm, two
;; calls deep, so that the trace has several frames.
;; Build: wat2wasm --debug-names trap.wat -o trap.wasm
(module
  (import "host" "fail" (func $fail (result i32)))
  (import "host" "throw" (func $throw (result i32)))

  (func (export "callback") (result i32)
    (call $fail))

  (func (export "exception") (result i32)
    (call $throw))

  (func $inner (result i32)
    (unreachable))
  (func $middle (result i32)
    (i32.add (i32.const 1) (call $inner)))
  (func (export "unreachable") (result i32)
    (call $middle)))
