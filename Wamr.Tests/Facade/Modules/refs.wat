;; funcref and externref parameters and results, crossing calls from .NET (through the engine extension).
(module
  (type $ret_i32 (func (result i32)))
  (table $funcs (export "funcs") 4 funcref)
  (table $things (export "things") 2 externref)
  (elem (table $funcs) (i32.const 0) func $seven $double $hidden)
  (func $seven (export "seven") (result i32) (i32.const 7))
  (func $double (export "double") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
  ;; not exported: a funcref to it makes a new Func
  (func $hidden (result i32) (i32.const 99))
  (func (export "get") (param i32) (result funcref) (table.get $funcs (local.get 0)))
  (func (export "hidden_ref") (result funcref) (ref.func $hidden))
  (func (export "null_func") (result funcref) (ref.null func))
  (func (export "is_null_func") (param funcref) (result i32) (ref.is_null (local.get 0)))
  ;; calls a () -> i32 function given as a funcref, through table slot 3
  (func (export "call_ref") (param funcref) (result i32)
    (table.set $funcs (i32.const 3) (local.get 0))
    (call_indirect $funcs (type $ret_i32) (i32.const 3)))
  (func (export "pick") (param i32 funcref funcref) (result funcref)
    (select (result funcref) (local.get 1) (local.get 2) (local.get 0)))
  (func (export "echo_extern") (param externref) (result externref) (local.get 0))
  (func (export "is_null_extern") (param externref) (result i32) (ref.is_null (local.get 0)))
  (func (export "keep") (param i32 externref) (table.set $things (local.get 0) (local.get 1)))
  (func (export "fetch") (param i32) (result externref) (table.get $things (local.get 0)))
  ;; every kind at once, the results in another order: the cells of each value must line up
  (func (export "mixed") (param i64 externref f64 funcref i32 f32) (result i32 externref i64 funcref f64 f32)
    (local.get 4) (local.get 1) (local.get 0) (local.get 3) (local.get 2) (local.get 5))
  (func (export "trap_with_ref") (param externref) (result externref) (unreachable))
)
