;; One page of memory (at most three) with data at offset 16, and functions to read, grow and size it.
(module
  (memory (export "mem") 1 3)
  (data (i32.const 16) "hello")
  (func (export "load") (param i32) (result i32)
    local.get 0
    i32.load8_u)
  (func (export "grow") (param i32) (result i32)
    local.get 0
    memory.grow)
  (func (export "size") (result i32) memory.size))
