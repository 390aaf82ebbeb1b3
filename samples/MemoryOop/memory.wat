;; The MemoryOop sample's module: a memory of 2 pages (at most 3) with four bytes at 0x1000, and functions that
;; report its size, load and store a byte, and grow it from inside wasm.
;; Build: wat2wasm --debug-names memory.wat -o memory.wasm
(module
  (memory (export "memory") 2 3)
  (data (i32.const 0x1000) "\01\02\03\04")
  (func (export "size") (result i32) (memory.size))
  (func (export "load") (param $address i32) (result i32) (i32.load8_s (local.get $address)))
  (func (export "store") (param $address i32) (param $value i32) (i32.store8 (local.get $address) (local.get $value)))
  (func (export "grow") (param $pages i32) (result i32) (memory.grow (local.get $pages))))
