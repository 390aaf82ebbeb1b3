;; The Hello sample's module: one host import, one export that calls it.
;; Build: wat2wasm --debug-names hello.wat -o hello.wasm
(module
  (import "host" "hello" (func $hello))
  (func (export "run")
    call $hello))
