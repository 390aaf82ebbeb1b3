;; externref parameters and results of host functions (Wamr.Tests/Facade/HostReferenceTests.cs).
;; Imports, in order: host.echo (externref -> externref), host.make (i32 -> externref),
;; host.consume (i32 externref i64 externref f64 -> i32).
(module
  (import "host" "echo" (func $echo (param externref) (result externref)))
  (import "host" "make" (func $make (param i32) (result externref)))
  (import "host" "consume" (func $consume (param i32 externref i64 externref f64) (result i32)))
  (table $refs (export "refs") 4 externref)
  (global $kept (mut externref) (ref.null extern))

  ;; Passes its argument to the host and returns what the host returned.
  (func (export "through_host") (param externref) (result externref)
    local.get 0
    call $echo)

  ;; Whether what the host returned for the argument is ref.null.
  (func (export "through_host_is_null") (param externref) (result i32)
    local.get 0
    call $echo
    ref.is_null)

  ;; Passes ref.null made by wasm to the host; whether the host's answer is ref.null.
  (func (export "null_through_host") (result i32)
    ref.null extern
    call $echo
    ref.is_null)

  (func (export "make") (param i32) (result externref)
    local.get 0
    call $make)

  (func (export "make_is_null") (param i32) (result i32)
    local.get 0
    call $make
    ref.is_null)

  ;; Stores make(which) in table slot `slot`.
  (func (export "store_made") (param $slot i32) (param $which i32)
    local.get $slot
    local.get $which
    call $make
    table.set $refs)

  ;; Stores make(which) in a global; get_kept reads it.
  (func (export "keep_made") (param $which i32)
    local.get $which
    call $make
    global.set $kept)

  (func (export "get_kept") (result externref)
    global.get $kept)

  ;; Values of every size around two externrefs.
  (func (export "mixed") (param externref externref) (result i32)
    i32.const 11
    local.get 0
    i64.const 22
    local.get 1
    f64.const 3.5
    call $consume)

  ;; Calls make(i) for i = 0 .. n-1; returns how many results were not ref.null.
  (func (export "make_many") (param $n i32) (result i32)
    (local $i i32) (local $count i32)
    (block $done
      (loop $next
        local.get $i
        local.get $n
        i32.ge_u
        br_if $done
        local.get $i
        call $make
        ref.is_null
        i32.eqz
        local.get $count
        i32.add
        local.set $count
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        br $next))
    local.get $count)

  ;; Calls echo(arg) n times; returns the last answer.
  (func (export "echo_many") (param $arg externref) (param $n i32) (result externref)
    (local $last externref)
    (block $done
      (loop $next
        local.get $n
        i32.eqz
        br_if $done
        local.get $arg
        call $echo
        local.set $last
        local.get $n
        i32.const 1
        i32.sub
        local.set $n
        br $next))
    local.get $last)

  (func (export "identity") (param externref) (result externref)
    local.get 0))
