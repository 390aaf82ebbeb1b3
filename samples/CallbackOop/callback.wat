;; The CallbackOop sample's module: "run" hands x + y to the host's "print" (which echoes it back) and adds what
;; the host's "counter" returns; "log" passes an i64 and an f64 to the host's untyped "log".
;; Build: wat2wasm --debug-names callback.wat -o callback.wasm
(module
  (import "host" "print" (func $print (param i32) (result i32)))
  (import "host" "counter" (func $counter (result i32)))
  (import "host" "log" (func $log (param i64 f64)))
  (func (export "run") (param $x i32) (param $y i32) (result i32)
    (i32.add
      (call $print (i32.add (local.get $x) (local.get $y)))
      (call $counter)))
  (func (export "log") (param $n i64) (param $x f64)
    (call $log (local.get $n) (local.get $x))))
