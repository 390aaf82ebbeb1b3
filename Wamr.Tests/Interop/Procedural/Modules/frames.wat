;; A module whose "outer" export traps two calls deep, for tests of frames and frame vectors.
;; Rebuild after editing: wat2wasm frames.wat -o frames.wasm
(module
  (func $inner (export "inner")
    unreachable)
  (func (export "outer")
    nop
    call $inner))
