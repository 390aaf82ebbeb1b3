using System;
using System.IO;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

// Global: globals made by the host and imported, globals exported by the module; read and written through the
// API (wasm_global_get/set) and through wasm functions, each side seeing the other's writes.
internal static unsafe class Program
{
    private static wasm_global_t* get_export_global(wasm_extern_vec_t* exports, nuint i)
    {
        if (exports->size <= i || wasm_extern_kind(exports->data[i]) != WASM_EXTERN_GLOBAL)
        {
            Console.WriteLine($"> Error accessing global export {i}!");
            Environment.Exit(1);
        }

        return wasm_extern_as_global(exports->data[i]);
    }

    private static wasm_func_t* get_export_func(wasm_extern_vec_t* exports, nuint i)
    {
        if (exports->size <= i || wasm_extern_kind(exports->data[i]) != WASM_EXTERN_FUNC)
        {
            Console.WriteLine($"> Error accessing function export {i}!");
            Environment.Exit(1);
        }

        return wasm_extern_as_func(exports->data[i]);
    }

    private static void check<T>(T actual, T expected)
        where T : IEquatable<T>
    {
        if (!actual.Equals(expected))
        {
            Console.WriteLine($"> Error reading value: {actual}, expected {expected}");
            Environment.Exit(1);
        }
    }

    private static wasm_val_t global_value(wasm_global_t* global)
    {
        wasm_val_t val;
        wasm_global_get(global, &val);
        return val;
    }

    private static wasm_val_t call_value(wasm_func_t* func)
    {
        Span<wasm_val_t> r_v = stackalloc wasm_val_t[] { WASM_INIT_VAL };
        wasm_val_vec_t args = WASM_EMPTY_VEC;
        wasm_val_vec_t results = WASM_ARRAY_VEC(r_v);
        wasm_trap_t* trap = wasm_func_call(func, &args, &results);
        if (trap != null)
        {
            Console.WriteLine("> Error calling function!");
            Environment.Exit(1);
        }

        return r_v[0];
    }

    private static void call_set(wasm_func_t* func, wasm_val_t value)
    {
        Span<wasm_val_t> a_v = stackalloc wasm_val_t[] { value };
        wasm_val_vec_t args = WASM_ARRAY_VEC(a_v);
        wasm_val_vec_t results = WASM_EMPTY_VEC;
        wasm_trap_t* trap = wasm_func_call(func, &args, &results);
        if (trap != null)
        {
            Console.WriteLine("> Error calling function!");
            Environment.Exit(1);
        }
    }

    private static int Main()
    {
        // Initialize.
        Console.WriteLine("Initializing...");
        wasm_engine_t* engine = wasm_engine_new();
        wasm_store_t* store = wasm_store_new(engine);

        // Load binary.
        Console.WriteLine("Loading binary...");
        string path = Path.Combine(AppContext.BaseDirectory, "global.wasm");
        if (!File.Exists(path))
        {
            Console.WriteLine("> Error loading module!");
            return 1;
        }

        wasm_byte_vec_t binary = wasm_byte_vec_t.Create(File.ReadAllBytes(path));

        // Compile.
        Console.WriteLine("Compiling module...");
        wasm_module_t* module = wasm_module_new(store, &binary);
        if (module == null)
        {
            Console.WriteLine("> Error compiling module!");
            return 1;
        }

        wasm_byte_vec_delete(&binary);

        // Create external globals.
        Console.WriteLine("Creating globals...");
        wasm_globaltype_t* const_f32_type = wasm_globaltype_new(wasm_valtype_new(WASM_F32), WASM_CONST);
        wasm_globaltype_t* const_i64_type = wasm_globaltype_new(wasm_valtype_new(WASM_I64), WASM_CONST);
        wasm_globaltype_t* var_f32_type = wasm_globaltype_new(wasm_valtype_new(WASM_F32), WASM_VAR);
        wasm_globaltype_t* var_i64_type = wasm_globaltype_new(wasm_valtype_new(WASM_I64), WASM_VAR);

        wasm_val_t val_f32_1 = WASM_F32_VAL(1);
        wasm_global_t* const_f32_import = wasm_global_new(store, const_f32_type, &val_f32_1);
        wasm_val_t val_i64_2 = WASM_I64_VAL(2);
        wasm_global_t* const_i64_import = wasm_global_new(store, const_i64_type, &val_i64_2);
        wasm_val_t val_f32_3 = WASM_F32_VAL(3);
        wasm_global_t* var_f32_import = wasm_global_new(store, var_f32_type, &val_f32_3);
        wasm_val_t val_i64_4 = WASM_I64_VAL(4);
        wasm_global_t* var_i64_import = wasm_global_new(store, var_i64_type, &val_i64_4);

        wasm_globaltype_delete(const_f32_type);
        wasm_globaltype_delete(const_i64_type);
        wasm_globaltype_delete(var_i64_type);

        // Instantiate.
        Console.WriteLine("Instantiating module...");
        wasm_extern_t** externs = stackalloc wasm_extern_t*[]
        {
            wasm_global_as_extern(const_f32_import),
            wasm_global_as_extern(const_i64_import),
            wasm_global_as_extern(var_f32_import),
            wasm_global_as_extern(var_i64_import),
        };
        wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs, 4);
        wasm_instance_t* instance = wasm_instance_new(store, module, &imports, null);
        if (instance == null)
        {
            Console.WriteLine("> Error instantiating module!");
            return 1;
        }

        // Extract export.
        Console.WriteLine("Extracting exports...");
        wasm_extern_vec_t exports;
        wasm_instance_exports(instance, &exports);
        nuint i = 0;
        wasm_global_t* const_f32_export = get_export_global(&exports, i++);
        wasm_global_t* const_i64_export = get_export_global(&exports, i++);
        wasm_global_t* var_f32_export = get_export_global(&exports, i++);
        wasm_global_t* var_i64_export = get_export_global(&exports, i++);
        wasm_func_t* get_const_f32_import = get_export_func(&exports, i++);
        wasm_func_t* get_const_i64_import = get_export_func(&exports, i++);
        wasm_func_t* get_var_f32_import = get_export_func(&exports, i++);
        wasm_func_t* get_var_i64_import = get_export_func(&exports, i++);
        wasm_func_t* get_const_f32_export = get_export_func(&exports, i++);
        wasm_func_t* get_const_i64_export = get_export_func(&exports, i++);
        wasm_func_t* get_var_f32_export = get_export_func(&exports, i++);
        wasm_func_t* get_var_i64_export = get_export_func(&exports, i++);
        wasm_func_t* set_var_f32_import = get_export_func(&exports, i++);
        wasm_func_t* set_var_i64_import = get_export_func(&exports, i++);
        wasm_func_t* set_var_f32_export = get_export_func(&exports, i++);
        wasm_func_t* set_var_i64_export = get_export_func(&exports, i++);

        // Try cloning.
        wasm_global_t* copy = wasm_global_copy(var_f32_import);
        if (!wasm_global_same(var_f32_import, copy))
        {
            Console.WriteLine("> Error copying a global!");
            return 1;
        }

        wasm_global_delete(copy);

        // Interact.
        Console.WriteLine("Accessing globals...");

        // Check initial values.
        check(global_value(const_f32_import).of.f32, 1f);
        check(global_value(const_i64_import).of.i64, 2L);
        check(global_value(var_f32_import).of.f32, 3f);
        check(global_value(var_i64_import).of.i64, 4L);
        check(global_value(const_f32_export).of.f32, 5f);
        check(global_value(const_i64_export).of.i64, 6L);
        check(global_value(var_f32_export).of.f32, 7f);
        check(global_value(var_i64_export).of.i64, 8L);

        check(call_value(get_const_f32_import).of.f32, 1f);
        check(call_value(get_const_i64_import).of.i64, 2L);
        check(call_value(get_var_f32_import).of.f32, 3f);
        check(call_value(get_var_i64_import).of.i64, 4L);
        check(call_value(get_const_f32_export).of.f32, 5f);
        check(call_value(get_const_i64_export).of.i64, 6L);
        check(call_value(get_var_f32_export).of.f32, 7f);
        check(call_value(get_var_i64_export).of.i64, 8L);
        Console.WriteLine("> initial values: imports 1 2 3 4, exports 5 6 7 8");

        // Modify variables through API and check again.
        wasm_val_t val33 = WASM_F32_VAL(33);
        wasm_global_set(var_f32_import, &val33);
        wasm_val_t val34 = WASM_I64_VAL(34);
        wasm_global_set(var_i64_import, &val34);
        wasm_val_t val37 = WASM_F32_VAL(37);
        wasm_global_set(var_f32_export, &val37);
        wasm_val_t val38 = WASM_I64_VAL(38);
        wasm_global_set(var_i64_export, &val38);

        check(global_value(var_f32_import).of.f32, 33f);
        check(global_value(var_i64_import).of.i64, 34L);
        check(global_value(var_f32_export).of.f32, 37f);
        check(global_value(var_i64_export).of.i64, 38L);

        check(call_value(get_var_f32_import).of.f32, 33f);
        check(call_value(get_var_i64_import).of.i64, 34L);
        check(call_value(get_var_f32_export).of.f32, 37f);
        check(call_value(get_var_i64_export).of.i64, 38L);
        Console.WriteLine("> set through the API: 33 34 37 38");

        // Modify variables through calls and check again.
        call_set(set_var_f32_import, WASM_F32_VAL(73));
        call_set(set_var_i64_import, WASM_I64_VAL(74));
        call_set(set_var_f32_export, WASM_F32_VAL(77));
        call_set(set_var_i64_export, WASM_I64_VAL(78));

        check(global_value(var_f32_import).of.f32, 73f);
        check(global_value(var_i64_import).of.i64, 74L);
        check(global_value(var_f32_export).of.f32, 77f);
        check(global_value(var_i64_export).of.i64, 78L);

        check(call_value(get_var_f32_import).of.f32, 73f);
        check(call_value(get_var_i64_import).of.i64, 74L);
        check(call_value(get_var_f32_export).of.f32, 77f);
        check(call_value(get_var_i64_export).of.i64, 78L);
        Console.WriteLine("> set through wasm: 73 74 77 78");

        // WAMR 1.1.2 does not enforce immutability from the host: wasm_global_set changes a const global,
        // and wasm code then reads the new value.
        wasm_val_t val55 = WASM_F32_VAL(55);
        wasm_global_set(const_f32_export, &val55);
        Console.WriteLine($"> wasm_global_set on the const global \"const f32\": the API reads {global_value(const_f32_export).of.f32}, wasm reads {call_value(get_const_f32_export).of.f32} (not refused)");

        // Nor does linking compare mutability, only the value type: a var global satisfies a const import.
        wasm_val_t val_f32_9 = WASM_F32_VAL(9);
        wasm_global_t* var_for_const = wasm_global_new(store, var_f32_type, &val_f32_9);
        wasm_globaltype_delete(var_f32_type);
        externs[0] = wasm_global_as_extern(var_for_const);
        wasm_instance_t* second = wasm_instance_new(store, module, &imports, null);
        Console.WriteLine("> a var f32 global for the const f32 import: " + (second != null ? "instantiated (mutability is not checked)" : "refused"));
        wasm_global_delete(var_for_const);

        wasm_module_delete(module);
        wasm_global_delete(const_f32_import);
        wasm_global_delete(const_i64_import);
        wasm_global_delete(var_f32_import);
        wasm_global_delete(var_i64_import);
        wasm_extern_vec_delete(&exports);
        wasm_instance_delete(instance);
        wasm_instance_delete(second);

        // Shut down.
        Console.WriteLine("Shutting down...");
        wasm_store_delete(store);
        wasm_engine_delete(engine);

        // All done.
        Console.WriteLine("Done.");
        return 0;
    }
}
