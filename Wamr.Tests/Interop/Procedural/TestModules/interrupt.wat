;; The engine extension's interruption (InterruptTests): a loop that runs until interrupted, and a plain function.
(module
  ;; Counts from 0 to n (unsigned); returns n. With n = -1 that is 4.3 billion iterations: seconds, not forever,
  ;; so a test whose interrupt fails ends (and fails) instead of hanging.
  (func $count (export "count") (param $n i32) (result i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.eq (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $i))
  ;; No branch and no call: nothing in it tests the interrupt flag.
  (func $add (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1))))
