;; The module every benchmark (C baseline and C#) runs.
;; Compiled with: wat2wasm bench.wat -o bench.wasm   (wabt 1.0.32)
(module
  (import "host" "inc" (func $inc))
  ;; 17 pages: room for the 1 MiB copies at offset 0.
  (memory (export "memory") 17)
  (func (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add)
  (func (export "nop"))
  ;; Calls the host import n times.
  (func (export "call_host") (param $n i32)
    (block $done
      (loop $again
        local.get $n
        i32.eqz
        br_if $done
        call $inc
        local.get $n
        i32.const 1
        i32.sub
        local.set $n
        br $again))))
