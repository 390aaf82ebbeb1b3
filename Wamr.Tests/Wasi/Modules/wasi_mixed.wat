;; WASI test module: WASI and host functions together (a plugin's usual shape). _start prints "plugin: hello\n"
;; through WASI, then logs the host's add(40, 2); "exit_with_host_sum" exits with the host's add(3, 4).
;; Build: wat2wasm wasi_mixed.wat -o wasi_mixed.wasm (or ./build.sh)
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "env" "log" (func $log (param i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (import "env" "add" (func $add (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "plugin: hello\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 14))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 40)))
    (call $log (call $add (i32.const 40) (i32.const 2))))
  (func (export "exit_with_host_sum")
    (call $proc_exit (call $add (i32.const 3) (i32.const 4)))))
