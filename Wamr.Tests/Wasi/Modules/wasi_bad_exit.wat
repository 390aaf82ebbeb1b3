;; WASI test module: proc_exit imported with the wrong type (i64 instead of i32): WAMR does not link it.
;; Build: wat2wasm wasi_bad_exit.wat -o wasi_bad_exit.wasm (or ./build.sh)
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i64)))
  (func (export "exit") (param i64) (call $proc_exit (local.get 0))))
