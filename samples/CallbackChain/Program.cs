using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using System.Text;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

// CallbackChain: wasm calls the host, which calls back into wasm (its "malloc") while the first call is still
// running, writes into the module's linear memory and reads a message out of it.
internal static unsafe class Program
{
    // The module's exports, in the order it declares them.
    private enum ExportItem
    {
        Memory,
        Total,
        Malloc,
        Free,
        OnStart,
        OnStop,
    }

    private static wasm_store_t* s_store;
    private static wasm_extern_vec_t* s_exports;

    // (nil) -> i32: allocates three (i32, i32) pairs in wasm memory with the module's own malloc, fills them
    // in and returns their address.
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static wasm_trap_t* get_pairs(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        try
        {
            Console.WriteLine("[WASM -> NATIVE] calling back get_pairs");
            Span<wasm_val_t> a_v = stackalloc wasm_val_t[] { WASM_I32_VAL(24) };
            Span<wasm_val_t> r_v = stackalloc wasm_val_t[] { WASM_INIT_VAL };
            wasm_val_vec_t malloc_args = WASM_ARRAY_VEC(a_v);
            wasm_val_vec_t malloc_results = WASM_ARRAY_VEC(r_v);
            if (!call_wasm_function(ExportItem.Malloc, &malloc_args, &malloc_results, "malloc"))
            {
                return TrapFromMessage("malloc failed");
            }

            int pairs = r_v[0].of.i32;
            int* data = (int*)get_memory_data((uint)pairs, 24);
            if (data == null)
            {
                return TrapFromMessage("malloc returned a block outside the memory");
            }

            Console.WriteLine("[NATIVE -> WASM] writing pairs (1, 2) (3, 4) (5, 6) at " + pairs);
            for (int i = 0; i < 6; i++)
            {
                data[i] = i + 1;
            }

            results->data[0] = WASM_I32_VAL(pairs);
            return null;
        }
        catch (Exception e)
        {
            return TrapFromMessage(e.GetType().Name + ": " + e.Message);
        }
    }

    // (i32, i32) -> nil: prints the NUL-terminated string at offset, length bytes with its NUL.
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static wasm_trap_t* log(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        try
        {
            wasm_val_t offset = args->data[0];
            wasm_val_t length = args->data[1];
            Console.WriteLine("[WASM -> NATIVE] calling back log");

            if (offset.kind != WASM_I32 || length.kind != WASM_I32 || length.of.i32 <= 0)
            {
                Console.WriteLine("> Error value type!");
                return null;
            }

            byte* data = get_memory_data((uint)offset.of.i32, (uint)length.of.i32);
            if (data == null)
            {
                return null;
            }

            if (data[length.of.i32 - 1] != 0)
            {
                Console.WriteLine("> Error terminated character");
                return null;
            }

            Console.WriteLine("[WASM_LOG] " + Encoding.UTF8.GetString(data, length.of.i32 - 1));
            return null;
        }
        catch (Exception e)
        {
            return TrapFromMessage(e.GetType().Name + ": " + e.Message);
        }
    }

    private static byte* get_memory_data(uint offset, uint length)
    {
        wasm_memory_t* memory;
        if (wasm_extern_kind(s_exports->data[(int)ExportItem.Memory]) != WASM_EXTERN_MEMORY
            || (memory = wasm_extern_as_memory(s_exports->data[(int)ExportItem.Memory])) == null)
        {
            return null;
        }

        byte* @base = wasm_memory_data(memory);
        nuint size = wasm_memory_data_size(memory);
        if (@base == null || (ulong)offset + length > size)
        {
            return null;
        }

        Console.WriteLine("[NATIVE -> WASM] accessing the memory...");
        return @base + offset;
    }

    private static bool call_wasm_function(ExportItem export_id, wasm_val_vec_t* args, wasm_val_vec_t* results, string name)
    {
        Console.WriteLine($"[NATIVE -> WASM] calling func {name}...");

        wasm_extern_t* export = s_exports->data[(int)export_id];
        if (wasm_extern_kind(export) != WASM_EXTERN_FUNC)
        {
            Console.WriteLine($"> Error get export function {export_id}");
            return false;
        }

        wasm_func_t* function = wasm_extern_as_func(export);
        wasm_trap_t* trap = wasm_func_call(function, args, results);
        if (trap != null)
        {
            wasm_message_t message;
            wasm_trap_message(trap, &message);
            Console.WriteLine($"> Error calling function {name}: {Encoding.UTF8.GetString(message.AsSpan()).TrimEnd('\0')}");
            wasm_name_delete(&message);
            wasm_trap_delete(trap);
            return false;
        }

        return true;
    }

    // A .NET exception must never unwind through WAMR's native frames: a callback turns it into a trap.
    private static wasm_trap_t* TrapFromMessage(string what)
    {
        wasm_message_t message;
        byte* text = Utf8StringMarshaller.ConvertToUnmanaged(what);
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
        string path = Path.Combine(AppContext.BaseDirectory, "callback_chain.wasm");
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

        // Instantiate.
        Console.WriteLine("Instantiating module...");

        // Create external functions.
        Console.WriteLine("Creating callback...");
        wasm_functype_t* get_pairs_type = wasm_functype_new_0_1(wasm_valtype_new_i32());
        wasm_func_t* function_get_pairs = wasm_func_new(store, get_pairs_type, &get_pairs);
        wasm_functype_delete(get_pairs_type);

        wasm_functype_t* log_type = wasm_functype_new_2_0(wasm_valtype_new_i32(), wasm_valtype_new_i32());
        wasm_func_t* function_log = wasm_func_new(store, log_type, &log);
        wasm_functype_delete(log_type);

        if (function_get_pairs == null || function_log == null)
        {
            Console.WriteLine("> Error creating new function");
            return 1;
        }

        wasm_extern_t** externs = stackalloc wasm_extern_t*[] { wasm_func_as_extern(function_get_pairs), wasm_func_as_extern(function_log) };
        wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs, 2);
        wasm_instance_t* instance = wasm_instance_new(store, module, &imports, null);
        if (instance == null)
        {
            Console.WriteLine("> Error instantiating module!");
            return 1;
        }

        wasm_func_delete(function_get_pairs);
        wasm_func_delete(function_log);

        // Extract export.
        Console.WriteLine("Extracting export...");
        wasm_extern_vec_t exports;
        wasm_instance_exports(instance, &exports);
        if (exports.size != 6)
        {
            Console.WriteLine("> Error accessing exports!");
            return 1;
        }

        s_exports = &exports;

        wasm_module_delete(module);
        wasm_instance_delete(instance);

        // Call.
        Console.WriteLine("Calling export...");
        wasm_val_vec_t empty = WASM_EMPTY_VEC;
        if (!call_wasm_function(ExportItem.OnStart, &empty, &empty, "on_start"))
        {
            Console.WriteLine("> Error calling on_start");
            return 1;
        }

        wasm_val_t total;
        wasm_global_get(wasm_extern_as_global(exports.data[(int)ExportItem.Total]), &total);
        Console.WriteLine("> total of the pairs' products: " + total.of.i32);

        if (!call_wasm_function(ExportItem.OnStop, &empty, &empty, "on_stop"))
        {
            Console.WriteLine("> Error calling on_stop");
            return 1;
        }

        s_exports = null;
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
