;; The CallbackChain sample's module. "on_start" asks the host for pairs; the host allocates room for
;; them by calling back into this module's "malloc", fills them in linear memory and returns their
;; address; the module multiplies each pair, sums the products into the global "total" and has the
;; host "log" a NUL-terminated message that lives in its memory. "on_stop" logs and frees the pairs.
;; Build: wat2wasm --debug-names callback_chain.wat -o callback_chain.wasm
(module
  (import "host" "get_pairs" (func $get_pairs (result i32)))
  (import "host" "log" (func $log (param $offset i32) (param $length i32)))

  (memory (export "memory") 1)
  (global $total (export "total") (mut i32) (i32.const 0))
  (global $pairs (mut i32) (i32.const 0))
  ;; A bump allocator above the messages; "free" releases the most recent block only.
  (global $heap_top (mut i32) (i32.const 1024))
  (global $last_block (mut i32) (i32.const -1))

  (data (i32.const 16) "on_start: pairs multiplied and summed\00")
  (data (i32.const 64) "on_stop: pairs released\00")

  (func $malloc (export "malloc") (param $size i32) (result i32)
    (local $block i32)
    (local.set $block (global.get $heap_top))
    (global.set $last_block (local.get $block))
    ;; keep every block 8-byte aligned
    (global.set $heap_top
      (i32.and (i32.add (i32.add (local.get $block) (local.get $size)) (i32.const 7))
               (i32.const -8)))
    (local.get $block))

  (func $free (export "free") (param $block i32)
    (if (i32.eq (local.get $block) (global.get $last_block))
      (then
        (global.set $heap_top (local.get $block))
        (global.set $last_block (i32.const -1)))))

  ;; The host writes three (i32, i32) pairs at the address get_pairs returns.
  (func (export "on_start")
    (local $p i32)
    (local $end i32)
    (global.set $pairs (call $get_pairs))
    (local.set $p (global.get $pairs))
    (local.set $end (i32.add (local.get $p) (i32.const 24)))
    (global.set $total (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (global.set $total
          (i32.add (global.get $total)
                   (i32.mul (i32.load (local.get $p))
                            (i32.load offset=4 (local.get $p)))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $next)))
    (call $log (i32.const 16) (i32.const 38)))

  (func (export "on_stop")
    (call $log (i32.const 64) (i32.const 24))
    (call $free (global.get $pairs))
    (global.set $pairs (i32.const 0))))
