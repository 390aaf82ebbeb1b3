;; The EmptyImports sample's module: no imports, one export.
;; Build: wat2wasm --debug-names empty_imports.wat -o empty_imports.wasm
(module
  (func (export "add") (param $a i32) (param $b i32) (result i32)
    (i32.add (local.get $a) (local.get $b))))
