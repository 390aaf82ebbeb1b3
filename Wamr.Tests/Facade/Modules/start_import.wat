;; A start function that calls a host import: WAMR 1.1.2 crashes on it; the façade runs it after binding the imports
;; (or refuses the module without the engine extension).
(module
  (import "env" "init" (func $init))
  (func $start (call $init))
  (start $start)
)
