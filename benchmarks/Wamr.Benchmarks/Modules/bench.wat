;; The module every benchmark (C baseline, C# and wasmtime-dotnet) runs.
;; Compiled with: wat2wasm bench.wat -o bench.wasm   (wabt 1.0.32)
;; Exports in this order (the C baseline indexes them): memory, add, nop, call_host, call_host_add.
(module
  (import "host" "inc" (func $inc))
  (import "host" "add" (func $host_add (param i32 i32) (result i32)))
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
        br $again)))
  ;; Calls host.add(sum, n) n times (n, n-1, ..., 1); returns the sum.
  (func (export "call_host_add") (param $n i32) (result i32)
    (local $sum i32)
    (block $done
      (loop $again
        local.get $n
        i32.eqz
        br_if $done
        local.get $sum
        local.get $n
        call $host_add
        local.set $sum
        local.get $n
        i32.const 1
        i32.sub
        local.set $n
        br $again))
    local.get $sum))
