;; The Callback sample's module: "run" adds its two arguments, hands the sum to the host's "print"
;; (which echoes it back) and adds what the host's "closure" returns.
;; Build: wat2wasm --debug-names callback.wat -o callback.wasm
(module
  (import "host" "print" (func $print (param i32) (result i32)))
  (import "host" "closure" (func $closure (result i32)))
  (func (export "run") (param $x i32) (param $y i32) (result i32)
    (i32.add
      (call $print (i32.add (local.get $x) (local.get $y)))
      (call $closure))))
