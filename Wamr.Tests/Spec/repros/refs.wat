;; Functions with funcref/externref parameters and results, called from C through wasm_func_call.
(module
  (func $f)
  (elem declare func $f)
  (func (export "funcref") (result funcref) (ref.func $f))
  (func (export "is_null_func") (param funcref) (result i32) (ref.is_null (local.get 0)))
  (func (export "is_null_extern") (param externref) (result i32) (ref.is_null (local.get 0)))
  (func (export "second") (param externref i32) (result i32) (local.get 1))
)
