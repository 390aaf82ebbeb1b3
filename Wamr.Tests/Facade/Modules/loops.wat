;; Interruption (InterruptTests, the Timeout sample's twin): loops that run for seconds, nested through a host import.
(module
  (import "host" "callback" (func $callback (param i32) (result i32)))
  (global $iterations (mut i32) (i32.const 0))
  ;; Counts from 0 to n (unsigned), also in the global "iterations"; returns n. n = -1 is 4.3 billion iterations
  ;; (tens of seconds): a runaway loop for the tests, which still ends if an interrupt fails.
  (func $count (export "count") (param $n i32) (result i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.eq (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (global.set $iterations (local.get $i))
        (br $next)))
    (local.get $i))
  ;; The same loop as an action.
  (func (export "spin") (param $n i32) (drop (call $count (local.get $n))))
  (func (export "iterations") (result i32) (global.get $iterations))
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  ;; Calls the host with x, adds 1 to what it returns.
  (func (export "call_host") (param $x i32) (result i32)
    (i32.add (call $callback (local.get $x)) (i32.const 1)))
  ;; Calls the host n times (unsigned), summing what it returns.
  (func (export "host_loop") (param $n i32) (result i32)
    (local $i i32) (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.eq (local.get $i) (local.get $n)))
        (local.set $sum (i32.add (local.get $sum) (call $callback (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum)))
