;; The instantiation benchmark's module: one import, one export, no memory, so that the instances WAMR keeps
;; until their store is deleted (wasm_instance_delete frees nothing in 1.1.2) stay small.
;; Compiled with: wat2wasm small.wat -o small.wasm   (wabt 1.0.32)
(module
  (import "host" "inc" (func $inc))
  (global $count (mut i32) (i32.const 0))
  (func (export "bump") (result i32)
    call $inc
    global.get $count
    i32.const 1
    i32.add
    global.set $count
    global.get $count))
