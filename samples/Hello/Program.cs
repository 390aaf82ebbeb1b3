using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

// Hello: a module's "run" calls back into .NET, which prints the greeting.
internal static unsafe class Program
{
    private static wasm_store_t* s_store;

    // A function to be called from Wasm code.
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static wasm_trap_t* hello_callback(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        try
        {
            Console.WriteLine("Calling back...");
            Console.WriteLine("> Hello World!");
            return null;
        }
        catch (Exception e)
        {
            return TrapFromException(e);
        }
    }

    // A .NET exception must never unwind through WAMR's native frames: a callback turns it into a trap.
    private static wasm_trap_t* TrapFromException(Exception e)
    {
        wasm_message_t message;
        byte* text = Utf8StringMarshaller.ConvertToUnmanaged(e.GetType().Name + ": " + e.Message);
        wasm_name_new_from_string_nt(&message, text);
        Utf8StringMarshaller.Free(text);
        wasm_trap_t* trap = wasm_trap_new(s_store, &message);
        wasm_name_delete(&message);
        return trap;
    }

    private static int Main()
    {
        // Initialize.
        Console.WriteLine("Initializing...");
        wasm_engine_t* engine = wasm_engine_new();
        wasm_store_t* store = wasm_store_new(engine);
        s_store = store;

        // Load binary.
        Console.WriteLine("Loading binary...");
        string path = Path.Combine(AppContext.BaseDirectory, "hello.wasm");
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

        // Create external print functions.
        Console.WriteLine("Creating callback...");
        wasm_functype_t* hello_type = wasm_functype_new_0_0();
        wasm_func_t* hello_func = wasm_func_new(store, hello_type, &hello_callback);

        wasm_functype_delete(hello_type);

        // Instantiate.
        Console.WriteLine("Instantiating module...");
        wasm_extern_t** externs = stackalloc wasm_extern_t*[] { wasm_func_as_extern(hello_func) };
        wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs, 1);
        wasm_instance_t* instance = wasm_instance_new(store, module, &imports, null);
        if (instance == null)
        {
            Console.WriteLine("> Error instantiating module!");
            return 1;
        }

        wasm_func_delete(hello_func);

        // Extract export.
        Console.WriteLine("Extracting export...");
        wasm_extern_vec_t exports;
        wasm_instance_exports(instance, &exports);
        if (exports.size == 0)
        {
            Console.WriteLine("> Error accessing exports!");
            return 1;
        }

        wasm_func_t* run_func = wasm_extern_as_func(exports.data[0]);
        if (run_func == null)
        {
            Console.WriteLine("> Error accessing export!");
            return 1;
        }

        wasm_module_delete(module);
        wasm_instance_delete(instance);

        // Call.
        Console.WriteLine("Calling export...");
        wasm_val_vec_t args = WASM_EMPTY_VEC;
        wasm_val_vec_t results = WASM_EMPTY_VEC;
        wasm_trap_t* trap = wasm_func_call(run_func, &args, &results);
        if (trap != null)
        {
            Console.WriteLine("> Error calling function!");
            wasm_trap_delete(trap);
            return 1;
        }

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
