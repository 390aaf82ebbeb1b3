using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

// Multi: functions with several parameters and several results, called from the host and calling the host.
//
// WAMR 1.1.2 limitation (WAMR issue 3679): the results of a host function reach the calling wasm code only when
// together they fit in 64 bits (two i32/f32, or one i64/f64). Larger result lists are dropped: the callback runs
// and fills its results, and wasm continues with values that are not the callback's. A wasm function's own
// multiple results reach the host correctly, and so do a host function's two i32 results.
internal static unsafe class Program
{
    private static wasm_store_t* s_store;

    // A function to be called from Wasm code: (i32, i64, i64, i32) -> (i32, i64, i64, i32), reversed.
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static wasm_trap_t* callback(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        try
        {
            Console.WriteLine("Calling back...");
            Console.WriteLine($"> {args->data[0].of.i32} {args->data[1].of.i64} {args->data[2].of.i64} {args->data[3].of.i32}");

            wasm_val_copy(&results->data[0], &args->data[3]);
            wasm_val_copy(&results->data[1], &args->data[2]);
            wasm_val_copy(&results->data[2], &args->data[1]);
            wasm_val_copy(&results->data[3], &args->data[0]);
            Console.WriteLine($"> returning {results->data[0].of.i32} {results->data[1].of.i64} {results->data[2].of.i64} {results->data[3].of.i32}");
            return null;
        }
        catch (Exception e)
        {
            return TrapFromException(e);
        }
    }

    // A function to be called from Wasm code: (i32, i32) -> (i32, i32), swapped.
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static wasm_trap_t* swap_callback(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        try
        {
            Console.WriteLine("Calling back swap...");
            Console.WriteLine($"> {args->data[0].of.i32} {args->data[1].of.i32}");
            results->data[0] = WASM_I32_VAL(args->data[1].of.i32);
            results->data[1] = WASM_I32_VAL(args->data[0].of.i32);
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

    private static wasm_func_t* get_export_func(wasm_extern_vec_t* exports, nuint i)
    {
        if (exports->size <= i || wasm_extern_kind(exports->data[i]) != WASM_EXTERN_FUNC)
        {
            Console.WriteLine($"> Error accessing function export {i}!");
            Environment.Exit(1);
        }

        return wasm_extern_as_func(exports->data[i]);
    }

    // Calls a (i32, i64, i64, i32) -> (i32, i64, i64, i32) function with 1 2 3 4 and prints its results.
    private static bool call_4_4(wasm_func_t* func, Span<wasm_val_t> r_v)
    {
        Span<wasm_val_t> a_v = stackalloc wasm_val_t[] { WASM_I32_VAL(1), WASM_I64_VAL(2), WASM_I64_VAL(3), WASM_I32_VAL(4) };
        r_v.Fill(WASM_INIT_VAL);
        wasm_val_vec_t args = WASM_ARRAY_VEC(a_v);
        wasm_val_vec_t results = WASM_ARRAY_VEC(r_v);
        wasm_trap_t* trap = wasm_func_call(func, &args, &results);
        if (trap != null)
        {
            Console.WriteLine("> Error calling function!");
            wasm_trap_delete(trap);
            return false;
        }

        Console.WriteLine($"> {r_v[0].of.i32} {r_v[1].of.i64} {r_v[2].of.i64} {r_v[3].of.i32}");
        return true;
    }

    private static bool is_4_3_2_1(Span<wasm_val_t> r_v) =>
        r_v[0].of.i32 == 4 && r_v[1].of.i64 == 3 && r_v[2].of.i64 == 2 && r_v[3].of.i32 == 1;

    private static int Main()
    {
        // Initialize.
        Console.WriteLine("Initializing...");
        wasm_engine_t* engine = wasm_engine_new();
        wasm_store_t* store = wasm_store_new(engine);
        s_store = store;

        // Load binary.
        Console.WriteLine("Loading binary...");
        string path = Path.Combine(AppContext.BaseDirectory, "multi.wasm");
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
        wasm_valtype_t** types = stackalloc wasm_valtype_t*[]
        {
            wasm_valtype_new_i32(), wasm_valtype_new_i64(), wasm_valtype_new_i64(), wasm_valtype_new_i32(),
        };
        wasm_valtype_vec_t tuple1, tuple2;
        wasm_valtype_vec_new(&tuple1, 4, types);
        wasm_valtype_vec_copy(&tuple2, &tuple1);
        wasm_functype_t* callback_type = wasm_functype_new(&tuple1, &tuple2);
        wasm_func_t* callback_func = wasm_func_new(store, callback_type, &callback);

        wasm_functype_delete(callback_type);

        wasm_functype_t* swap_type = wasm_functype_new_2_2(wasm_valtype_new_i32(), wasm_valtype_new_i32(), wasm_valtype_new_i32(), wasm_valtype_new_i32());
        wasm_func_t* swap_func = wasm_func_new(store, swap_type, &swap_callback);

        wasm_functype_delete(swap_type);

        // Instantiate.
        Console.WriteLine("Instantiating module...");
        wasm_extern_t** externs = stackalloc wasm_extern_t*[] { wasm_func_as_extern(callback_func), wasm_func_as_extern(swap_func) };
        wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs, 2);
        wasm_instance_t* instance = wasm_instance_new(store, module, &imports, null);
        if (instance == null)
        {
            Console.WriteLine("> Error instantiating module!");
            return 1;
        }

        wasm_func_delete(callback_func);
        wasm_func_delete(swap_func);

        // Extract export.
        Console.WriteLine("Extracting export...");
        wasm_extern_vec_t exports;
        wasm_instance_exports(instance, &exports);
        wasm_func_t* run_func = get_export_func(&exports, 0);
        wasm_func_t* run_swap_func = get_export_func(&exports, 1);
        wasm_func_t* reverse_func = get_export_func(&exports, 2);

        wasm_module_delete(module);
        wasm_instance_delete(instance);

        Span<wasm_val_t> results = stackalloc wasm_val_t[4];

        // A wasm function's four results.
        Console.WriteLine("Calling export \"reverse\" (wasm only)...");
        if (!call_4_4(reverse_func, results) || !is_4_3_2_1(results))
        {
            Console.WriteLine("> Error: unexpected results!");
            return 1;
        }

        Console.WriteLine("> the wasm function's four results reached the host");

        // A host function's two i32 results, returned through wasm.
        Console.WriteLine("Calling export \"run swap\"...");
        Span<wasm_val_t> swap_args = stackalloc wasm_val_t[] { WASM_I32_VAL(10), WASM_I32_VAL(20) };
        Span<wasm_val_t> swap_results = stackalloc wasm_val_t[] { WASM_INIT_VAL, WASM_INIT_VAL };
        wasm_val_vec_t swap_args_vec = WASM_ARRAY_VEC(swap_args);
        wasm_val_vec_t swap_results_vec = WASM_ARRAY_VEC(swap_results);
        wasm_trap_t* trap = wasm_func_call(run_swap_func, &swap_args_vec, &swap_results_vec);
        if (trap != null || swap_results[0].of.i32 != 20 || swap_results[1].of.i32 != 10)
        {
            Console.WriteLine("> Error calling function!");
            return 1;
        }

        Console.WriteLine($"> {swap_results[0].of.i32} {swap_results[1].of.i32}: the host function's two results reached wasm");

        // A host function's four results (192 bits), returned through wasm.
        Console.WriteLine("Calling export \"run\"...");
        if (!call_4_4(run_func, results))
        {
            return 1;
        }

        Console.WriteLine(is_4_3_2_1(results)
            ? "> the host function's four results reached wasm"
            : "> the host function's four results did not reach wasm (WAMR 1.1.2, issue 3679: only results that fit in 64 bits do)");

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
