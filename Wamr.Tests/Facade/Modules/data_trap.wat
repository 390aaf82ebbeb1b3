;; A data segment past the end of memory: instantiation traps with "out of bounds memory access" (the
;; specification runs data segments as memory.init).
(module
  (memory 1)
  (data (i32.const 65535) "ab")
)
