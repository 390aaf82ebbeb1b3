;; A start function that traps: instantiation fails with a trap.
(module
  (func $start unreachable)
  (start $start)
)
