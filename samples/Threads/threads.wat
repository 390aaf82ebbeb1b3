;; The Threads sample's module: "run" reports the id the host gave it as an imported global.
;; Build: wat2wasm --debug-names threads.wat -o threads.wasm
(module
  (import "host" "report" (func $report (param i32)))
  (import "host" "id" (global $id i32))
  (func (export "run")
    (call $report (global.get $id))))
