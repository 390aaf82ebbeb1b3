;; The consumer checks' module: "run" calls the host function imported as ("" "hello").
;; Compiled with: wat2wasm hello.wat -o hello.wasm   (wabt 1.0.32)
(module
  (import "" "hello" (func $hello))
  (func (export "run")
    call $hello))
