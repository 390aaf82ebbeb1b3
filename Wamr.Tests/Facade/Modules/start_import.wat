;; A start function that calls a host import: WAMR 1.1.2 crashes on it, the façade refuses it.
(module
  (import "env" "init" (func $init))
  (func $start (call $init))
  (start $start)
)
