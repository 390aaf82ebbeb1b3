;; A memory loop: n iterations of one i32 store and one i32 load, as samples/Aot/loop.wat (wat2wasm --debug-names loop.wat -o loop.wasm).
(module
  (memory (export "mem") 1)
  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store (i32.and (i32.shl (local.get $i) (i32.const 2)) (i32.const 0xfffc)) (local.get $i))
        (local.set $sum
          (i32.add (local.get $sum) (i32.load (i32.and (i32.mul (local.get $i) (i32.const 12)) (i32.const 0xfffc)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum))
)
