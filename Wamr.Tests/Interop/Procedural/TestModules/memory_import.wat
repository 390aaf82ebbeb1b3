;; Imports a memory: WAMR 1.1.2 refuses memory imports through the C API.
(module
  (import "env" "mem" (memory 1)))
