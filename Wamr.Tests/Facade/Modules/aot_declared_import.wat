;; An imported function made a funcref by ref.func (declared by a declarative element segment).
(module
  (import "env" "f" (func $f (result i32)))
  (table 1 funcref)
  (elem declare func $f)
  (func (export "put") (table.set 0 (i32.const 0) (ref.func $f)))
  (func (export "call") (result i32) (call_indirect (result i32) (i32.const 0)))
)
