using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

// Serialize: WAMR's serialize.c compiles a module, serializes it, deserializes the bytes and runs the result.
//
// WAMR 1.1.2 serializes only modules compiled by its LLVM JIT (eager mode). This libiwasm is the fast
// interpreter without JIT or AOT, so wasm_module_serialize logs "only supported serialization in JIT with eager
// compilation" and leaves its output as it was (here: empty), and wasm_module_deserialize logs the same and
// returns NULL, whatever the bytes. The sample shows that, then does what this build can: reuse the compiled
// module in another store with wasm_module_share / wasm_module_obtain, and run it there.
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

        // Load binary.
        Console.WriteLine("Loading binary...");
        string path = Path.Combine(AppContext.BaseDirectory, "serialize.wasm");
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

        // Serialize module.
        Console.WriteLine("Serializing module...");
        wasm_byte_vec_t serialized = WASM_EMPTY_VEC;
        wasm_module_serialize(module, &serialized);
        Console.WriteLine($"> serialized {serialized.size} bytes");

        // Deserialize module.
        Console.WriteLine("Deserializing module...");
        wasm_module_t* deserialized = wasm_module_deserialize(store, &serialized);
        Console.WriteLine("> wasm_module_deserialize(serialized) returned " + (deserialized == null ? "NULL" : "a module"));
        wasm_module_t* from_wasm = wasm_module_deserialize(store, &binary);
        Console.WriteLine("> wasm_module_deserialize(the .wasm bytes) returned " + (from_wasm == null ? "NULL" : "a module"));
        wasm_byte_vec_delete(&serialized);
        wasm_byte_vec_delete(&binary);

        if (deserialized != null)
        {
            Console.WriteLine("> Error: this build was expected not to deserialize!");
            return 1;
        }

        Console.WriteLine("> this libiwasm (fast interpreter, no JIT or AOT) cannot serialize modules");

        // What works instead: share the compiled module and obtain it in another store.
        Console.WriteLine("Sharing module...");
        wasm_shared_module_t* shared = wasm_module_share(module);
        wasm_store_t* store2 = wasm_store_new(engine);
        wasm_module_t* obtained = wasm_module_obtain(store2, shared);
        if (obtained == null)
        {
            Console.WriteLine("> Error obtaining module!");
            return 1;
        }

        // Create external print functions.
        Console.WriteLine("Creating callback...");
        s_store = store2;
        wasm_functype_t* hello_type = wasm_functype_new_0_0();
        wasm_func_t* hello_func = wasm_func_new(store2, hello_type, &hello_callback);

        wasm_functype_delete(hello_type);

        // Instantiate.
        Console.WriteLine("Instantiating the obtained module in a second store...");
        wasm_extern_t** externs = stackalloc wasm_extern_t*[] { wasm_func_as_extern(hello_func) };
        wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs, 1);
        wasm_instance_t* instance = wasm_instance_new(store2, obtained, &imports, null);
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

        wasm_module_delete(obtained);
        wasm_instance_delete(instance);

        // Call.
        Console.WriteLine("Calling export...");
        wasm_val_vec_t empty = WASM_EMPTY_VEC;
        wasm_trap_t* trap = wasm_func_call(run_func, &empty, &empty);
        if (trap != null)
        {
            Console.WriteLine("> Error calling function!");
            wasm_trap_delete(trap);
            return 1;
        }

        wasm_extern_vec_delete(&exports);

        // Shut down.
        Console.WriteLine("Shutting down...");
        wasm_store_delete(store2);
        wasm_shared_module_delete(shared);
        wasm_module_delete(module);
        wasm_store_delete(store);
        wasm_engine_delete(engine);

        // All done.
        Console.WriteLine("Done.");
        return 0;
    }
}
