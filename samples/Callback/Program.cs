using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

// Callback: wasm calls two host functions, a plain one ("print", which echoes its argument) and a closure
// ("closure", made with wasm_func_new_with_env) whose environment is a .NET object held by a GCHandle.
internal static unsafe class Program
{
    private static wasm_store_t* s_store;

    // Print a Wasm value.
    private static void wasm_val_print(wasm_val_t val)
    {
        switch (val.kind)
        {
            case WASM_I32: Console.Write((uint)val.of.i32); break;
            case WASM_I64: Console.Write((ulong)val.of.i64); break;
            case WASM_F32: Console.Write(val.of.f32.ToString("F6")); break;
            case WASM_F64: Console.Write(val.of.f64.ToString("G")); break;
            case WASM_ANYREF:
            case WASM_FUNCREF:
                Console.Write(val.of.@ref == null ? "null" : $"ref(0x{(nuint)val.of.@ref:x})");
                break;
        }
    }

    // A function to be called from Wasm code.
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static wasm_trap_t* print_callback(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        try
        {
            Console.Write("Calling back...\n> ");
            wasm_val_print(args->data[0]);
            Console.WriteLine();

            wasm_val_copy(&results->data[0], &args->data[0]);
            return null;
        }
        catch (Exception e)
        {
            return TrapFromException(e);
        }
    }

    // A function closure: env is a GCHandle to the .NET object that holds its state.
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static wasm_trap_t* closure_callback(void* env, wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        try
        {
            var state = (StrongBox<int>)GCHandle.FromIntPtr((IntPtr)env).Target!;
            int i = state.Value;
            Console.WriteLine("Calling back closure...");
            Console.WriteLine("> " + i);

            results->data[0] = WASM_I32_VAL(i);
            return null;
        }
        catch (Exception e)
        {
            return TrapFromException(e);
        }
    }

    // The closure's finalizer: WAMR calls it with env when the function is deleted.
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void closure_finalizer(void* env)
    {
        try
        {
            GCHandle.FromIntPtr((IntPtr)env).Free();
            Console.WriteLine("> Closure state released.");
        }
        catch (Exception e)
        {
            Console.WriteLine("> Error releasing the closure state: " + e.Message);
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
        string path = Path.Combine(AppContext.BaseDirectory, "callback.wasm");
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
        wasm_functype_t* print_type = wasm_functype_new_1_1(wasm_valtype_new_i32(), wasm_valtype_new_i32());
        wasm_func_t* print_func = wasm_func_new(store, print_type, &print_callback);

        var closure_state = new StrongBox<int>(42);
        void* env = (void*)GCHandle.ToIntPtr(GCHandle.Alloc(closure_state));
        wasm_functype_t* closure_type = wasm_functype_new_0_1(wasm_valtype_new_i32());
        wasm_func_t* closure_func = wasm_func_new_with_env(store, closure_type, &closure_callback, env, &closure_finalizer);

        wasm_functype_delete(print_type);
        wasm_functype_delete(closure_type);

        // Instantiate.
        Console.WriteLine("Instantiating module...");
        wasm_extern_t** externs = stackalloc wasm_extern_t*[] { wasm_func_as_extern(print_func), wasm_func_as_extern(closure_func) };
        wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs, 2);
        wasm_instance_t* instance = wasm_instance_new(store, module, &imports, null);
        if (instance == null)
        {
            Console.WriteLine("> Error instantiating module!");
            return 1;
        }

        wasm_func_delete(print_func);
        // Not closure_func yet: WAMR 1.1.2 runs a function's finalizer in wasm_func_delete although the
        // instance keeps calling the callback with the same env, so the closure is deleted after its last call.

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
        Span<wasm_val_t> a_v = stackalloc wasm_val_t[] { WASM_I32_VAL(3), WASM_I32_VAL(4) };
        Span<wasm_val_t> r_v = stackalloc wasm_val_t[] { WASM_INIT_VAL };
        wasm_val_vec_t args = WASM_ARRAY_VEC(a_v);
        wasm_val_vec_t results = WASM_ARRAY_VEC(r_v);
        wasm_trap_t* trap = wasm_func_call(run_func, &args, &results);
        if (trap != null)
        {
            Console.WriteLine("> Error calling function!");
            wasm_trap_delete(trap);
            return 1;
        }

        wasm_extern_vec_delete(&exports);

        // Print result.
        Console.WriteLine("Printing result...");
        Console.WriteLine("> " + (uint)r_v[0].of.i32);

        // The closure is no longer called: deleting it runs its finalizer, which frees the GCHandle.
        wasm_func_delete(closure_func);

        // Shut down.
        Console.WriteLine("Shutting down...");
        wasm_store_delete(store);
        wasm_engine_delete(engine);

        // All done.
        Console.WriteLine("Done.");
        return 0;
    }
}
