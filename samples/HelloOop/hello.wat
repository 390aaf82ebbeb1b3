;; The HelloOop sample's module: "run" calls the host's "hello" import.
;; Build: wat2wasm --debug-names hello.wat -o hello.wasm
(module
  (import "host" "hello" (func $hello))
  (func (export "run") (call $hello)))
