;; A start function that never returns: only an interrupt of the store stops the instantiation.
;; wat2wasm start_loop.wat -o start_loop.wasm
(module
  (global $spins (mut i32) (i32.const 0))
  (func $start
    (loop $forever
      (global.set $spins (i32.add (global.get $spins) (i32.const 1)))
      (br $forever)))
  (start $start)
)
