;; WASI test module: a start section, which would run before the streams are connected.
;; Build: wat2wasm wasi_start_section.wat -o wasi_start_section.wasm (or ./build.sh)
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (func $init)
  (start $init))
