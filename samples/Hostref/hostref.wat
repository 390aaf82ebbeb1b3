;; The Hostref sample's module. Host references (externref) are kept in a global and a table and
;; handed to and received from a host function, all inside wasm: WAMR 1.1.2 cannot pass an externref
;; as a parameter or result of wasm_func_call, so the exported functions take and return i32 only.
;; Build: wat2wasm --debug-names hostref.wat -o hostref.wasm
(module
  (import "host" "touch" (func $touch (param externref) (result externref)))

  (global $held (export "held") (mut externref) (ref.null extern))
  (table $slots (export "slots") 4 externref)

  ;; 1 when the global holds null, else 0.
  (func (export "held is null") (result i32)
    (ref.is_null (global.get $held)))

  ;; Copies the global into slot i of the table.
  (func (export "store held") (param $i i32)
    (table.set $slots (local.get $i) (global.get $held)))

  ;; 1 when slot i holds null, else 0.
  (func (export "slot is null") (param $i i32) (result i32)
    (ref.is_null (table.get $slots (local.get $i))))

  ;; Hands slot i to the host's "touch" and stores what it returns in slot j.
  (func (export "touch slot") (param $i i32) (param $j i32)
    (table.set $slots (local.get $j) (call $touch (table.get $slots (local.get $i)))))

  ;; Clears the global.
  (func (export "clear held")
    (global.set $held (ref.null extern))))
