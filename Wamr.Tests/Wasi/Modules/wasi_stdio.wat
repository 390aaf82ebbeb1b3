;; WASI test module: raw wasi_snapshot_preview1 calls, no libc.
;; Build: wat2wasm wasi_stdio.wat -o wasi_stdio.wasm (or ./build.sh)
;; Memory: 0..15 iovecs, 16 "hello\n", 40 count written, 44 count read, 48/52 sizes, 56 prestat (name length at 60),
;; 64.. a preopened directory's name, 1024.. echo buffer.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $fd_prestat_dir_name (param i32 i32 i32) (result i32)))
  (memory (export "memory") 2)
  (data (i32.const 16) "hello\n")

  ;; write(fd, ptr, len) -> WASI errno; the count written is then at 40 (see "written")
  (func $write (export "write") (param $fd i32) (param $ptr i32) (param $len i32) (result i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 40)))

  (func (export "written") (result i32) (i32.load (i32.const 40)))

  ;; a command: prints "hello\n"
  (func (export "_start")
    (drop (call $write (i32.const 1) (i32.const 16) (i32.const 6))))

  ;; copies standard input to standard output until its end; returns the bytes copied, or -errno
  (func (export "echo") (result i32)
    (local $total i32) (local $n i32) (local $err i32)
    (block $done
      (loop $next
        (i32.store (i32.const 8) (i32.const 1024))
        (i32.store (i32.const 12) (i32.const 4096))
        (local.set $err (call $fd_read (i32.const 0) (i32.const 8) (i32.const 1) (i32.const 44)))
        (if (local.get $err) (then (return (i32.sub (i32.const 0) (local.get $err)))))
        (local.set $n (i32.load (i32.const 44)))
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $err (call $write (i32.const 1) (i32.const 1024) (local.get $n)))
        (if (local.get $err) (then (return (i32.sub (i32.const 0) (local.get $err)))))
        (local.set $total (i32.add (local.get $total) (local.get $n)))
        (br $next)))
    (local.get $total))

  ;; writes the first 64 KiB of memory to fd, times times; returns the last errno
  (func (export "spam") (param $fd i32) (param $times i32) (result i32)
    (local $err i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $times)))
        (local.set $err (call $write (local.get $fd) (i32.const 0) (i32.const 65536)))
        (br_if $done (local.get $err))
        (local.set $times (i32.sub (local.get $times) (i32.const 1)))
        (br $next)))
    (local.get $err))

  (func (export "exit") (param i32) (call $proc_exit (local.get 0)))

  (func (export "args_count") (result i32)
    (drop (call $args_sizes_get (i32.const 48) (i32.const 52)))
    (i32.load (i32.const 48)))

  (func (export "env_count") (result i32)
    (drop (call $environ_sizes_get (i32.const 48) (i32.const 52)))
    (i32.load (i32.const 48)))

  ;; fd_prestat_get(fd) -> WASI errno (0: fd is a preopened directory)
  (func (export "prestat") (param i32) (result i32)
    (call $fd_prestat_get (local.get 0) (i32.const 56)))

  ;; fd_prestat_dir_name(fd) into 64 -> WASI errno; the name's length is at 60
  (func (export "prestat_name") (param i32) (result i32)
    (local $err i32)
    (local.set $err (call $fd_prestat_get (local.get 0) (i32.const 56)))
    (if (local.get $err) (then (return (local.get $err))))
    (call $fd_prestat_dir_name (local.get 0) (i32.const 64) (i32.load (i32.const 60)))))
