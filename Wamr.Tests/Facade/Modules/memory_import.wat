;; Imports a memory: WAMR 1.1.2 refuses memory (and table) imports at instantiation.
(module
  (import "env" "mem" (memory 1))
)
