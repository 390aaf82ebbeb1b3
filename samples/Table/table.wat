;; The Table sample's module: a funcref table of 2 (at most 10) with $f in slot 1, a function that
;; calls a slot indirectly, and a function that grows the table from inside wasm.
;; Build: wat2wasm --debug-names table.wat -o table.wasm
(module
  (type $i32_to_i32 (func (param i32) (result i32)))
  (table $slots (export "table") 2 10 funcref)
  (elem (i32.const 1) $f)

  (func (export "call_indirect") (param $arg i32) (param $slot i32) (result i32)
    (call_indirect $slots (type $i32_to_i32) (local.get $arg) (local.get $slot)))

  (func $f (export "f") (param $x i32) (result i32) (local.get $x))
  (func $g (export "g") (param $x i32) (result i32) (i32.const 666))

  ;; Grows the table by n null slots; returns the old size, or -1.
  (func (export "grow") (param $n i32) (result i32)
    (table.grow $slots (ref.null func) (local.get $n))))
