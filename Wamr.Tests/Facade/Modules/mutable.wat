;; Functions whose bodies stay valid when one value type of their signature changes (unused parameters, unreachable
;; bodies): MutatedReferenceModuleTests changes each value type byte of the type section into every other.
(module
  (table $t 2 funcref)
  (elem (table $t) (i32.const 0) func $a)
  (func $a (export "a") (param i32 i64 f32 f64 funcref externref) (result funcref) (local.get 4))
  (func (export "b") (param funcref externref i32 i64 f32 f64) (result externref) (local.get 1))
  (func (export "c") (param externref funcref f64 f32 i64 i32) (result i32) (local.get 5))
  (func (export "d") (param i64 externref funcref) (result i64) (local.get 0))
  (func (export "u1") (param i32) (result i32) (unreachable))
  (func (export "u2") (param funcref) (result externref) (unreachable))
  (func (export "u3") (param externref f64) (result funcref i32) (unreachable))
  (func (export "t") (param i32 externref f32) (result funcref) (table.get $t (local.get 0)))
)
