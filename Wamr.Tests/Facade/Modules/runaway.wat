;; Runaway code of every shape an interruption check must catch in precompiled code (AotCompilerTests): each loop's
;; back edge is a different branch instruction, and "fib" has no loop at all, only calls (direct and through a table).
;; Each loop runs n times (unsigned; n = -1 is 4.3 billion iterations) and counts in the global "work".
;; wat2wasm runaway.wat -o runaway.wasm
(module
  (global $work (mut i32) (i32.const 0))
  (table 1 funcref)
  (elem (i32.const 0) $fib_indirect)
  (type $unary (func (param i32) (result i32)))
  (func $tick (global.set $work (i32.add (global.get $work) (i32.const 1))))
  ;; Back edge: br_if (a do-while loop, as C compilers emit them).
  (func (export "br_if_loop") (param $n i32) (result i32)
    (local $i i32)
    (loop $next
      (global.set $work (i32.add (global.get $work) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.ne (local.get $i) (local.get $n))))
    (local.get $i))
  ;; Back edge: br_table (a state machine's dispatch).
  (func (export "br_table_loop") (param $n i32) (result i32)
    (local $i i32)
    (block $done
      (loop $next
        (global.set $work (i32.add (global.get $work) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_table $next $done (i32.eq (local.get $i) (local.get $n)))))
    (local.get $i))
  ;; Back edge: br from inside a nested block.
  (func (export "nested_br_loop") (param $n i32) (result i32)
    (local $i i32)
    (block $done
      (loop $next
        (block $body
          (global.set $work (i32.add (global.get $work) (i32.const 1)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $done (i32.eq (local.get $i) (local.get $n)))
          (br $next))))
    (local.get $i))
  ;; No loop: 2 * fib(n) - 1 calls (fib(40): 330 million), direct.
  (func $fib (export "fib") (param $n i32) (result i32)
    (call $tick)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  ;; No loop: the same recursion through call_indirect.
  (func $fib_indirect (export "fib_indirect") (param $n i32) (result i32)
    (global.set $work (i32.add (global.get $work) (i32.const 1)))
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call_indirect (type $unary) (i32.sub (local.get $n) (i32.const 1)) (i32.const 0))
                     (call_indirect (type $unary) (i32.sub (local.get $n) (i32.const 2)) (i32.const 0))))))
  ;; A loop the optimiser can neither replace by its result nor shorten by unrolling (x = x * x + i, n times: each
  ;; step needs the last multiplication), which also counts.
  (func (export "square_loop") (param $n i32) (result i32)
    (local $i i32) (local $x i32)
    (loop $next
      (local.set $x (i32.add (i32.mul (local.get $x) (local.get $x)) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.ne (local.get $i) (local.get $n))))
    (global.set $work (i32.add (global.get $work) (local.get $i)))
    (local.get $x))
  (func (export "work") (result i32) (global.get $work))
  (func (export "reset") (global.set $work (i32.const 0))))
