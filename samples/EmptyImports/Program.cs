using System;
using System.IO;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

// EmptyImports: a module without imports is instantiated with an empty (not null) imports vector.
internal static unsafe class Program
{
    private static int Main()
    {
        // Initialize.
        Console.WriteLine("Initializing...");
        wasm_engine_t* engine = wasm_engine_new();
        wasm_store_t* store = wasm_store_new(engine);

        // Load binary.
        Console.WriteLine("Loading binary...");
        string path = Path.Combine(AppContext.BaseDirectory, "empty_imports.wasm");
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

        // Instantiate with non-null but empty imports array.
        Console.WriteLine("Instantiating module...");
        wasm_extern_vec_t imports = WASM_EMPTY_VEC;
        wasm_instance_t* instance = wasm_instance_new(store, module, &imports, null);
        if (instance == null)
        {
            Console.WriteLine("> Error instantiating module!");
            return 1;
        }

        // Run an exported function to verify that the instance was created correctly.
        Console.WriteLine("Extracting export...");
        wasm_extern_vec_t exports;
        wasm_instance_exports(instance, &exports);
        if (exports.size == 0)
        {
            Console.WriteLine("> Error accessing exports!");
            return 1;
        }

        wasm_func_t* add_func = wasm_extern_as_func(exports.data[0]);
        if (add_func == null)
        {
            Console.WriteLine("> Error accessing export!");
            return 1;
        }

        wasm_module_delete(module);
        wasm_instance_delete(instance);

        Console.WriteLine("Calling export...");
        Span<wasm_val_t> args = stackalloc wasm_val_t[] { WASM_I32_VAL(3), WASM_I32_VAL(4) };
        wasm_val_vec_t args_vec = WASM_ARRAY_VEC(args);

        Span<wasm_val_t> results = stackalloc wasm_val_t[] { WASM_INIT_VAL };
        wasm_val_vec_t results_vec = WASM_ARRAY_VEC(results);

        wasm_trap_t* trap = wasm_func_call(add_func, &args_vec, &results_vec);
        if (trap != null || results_vec.data[0].of.i32 != 7)
        {
            Console.WriteLine("> Error calling function!");
            return 1;
        }

        Console.WriteLine("> 3 + 4 = " + results_vec.data[0].of.i32);

        wasm_extern_vec_delete(&exports);

        // Shut down.
        Console.WriteLine("Shutting down...");
        wasm_store_delete(store);
        wasm_engine_delete(engine);

        // All done.
        Console.WriteLine("Done.");
        return 0;
    }
}
