;; WASI test module: imports WASI and a host function (which WAMR 1.1.2's C API cannot combine with its WASI).
;; Build: wat2wasm wasi_mixed.wat -o wasi_mixed.wasm (or ./build.sh)
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (import "env" "log" (func $log (param i32)))
  (func (export "_start") (call $log (i32.const 1))))
