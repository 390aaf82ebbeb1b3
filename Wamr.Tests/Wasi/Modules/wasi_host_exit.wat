;; WASI test module: calls a function of another instance (through a host function) that may exit.
;; Build: wat2wasm wasi_host_exit.wat -o wasi_host_exit.wasm (or ./build.sh)
(module
  (import "host" "run" (func $run (param i32)))
  (func (export "run") (param i32) (call $run (local.get 0))))
