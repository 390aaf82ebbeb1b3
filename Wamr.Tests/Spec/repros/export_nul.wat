;; An export whose name has an embedded NUL (4 bytes: a, NUL, b, c).
(module
  (func (export "a\00bc"))
)
