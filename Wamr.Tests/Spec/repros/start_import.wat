;; A start function that calls a host import.
(module
  (import "m" "f" (func $f))
  (func $start (call $f))
  (start $start)
)
