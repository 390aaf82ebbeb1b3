;; table.init cases the specification says trap: zero elements at a table offset past the end, and one element
;; from a declarative segment (which counts as dropped).
(module
  (table 3 funcref)
  (func $f)
  (elem $passive funcref (ref.func $f))
  (elem $declared declare func $f)
  (func (export "zero_past_end") (table.init $passive (i32.const 4) (i32.const 0) (i32.const 0)))
  (func (export "declared") (table.init $declared (i32.const 0) (i32.const 0) (i32.const 1)))
)
