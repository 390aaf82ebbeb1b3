;; Imports an externref global.
(module
  (import "m" "g" (global externref))
)
