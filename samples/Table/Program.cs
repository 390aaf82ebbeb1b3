using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

// Table: an exported funcref table read and written from the host (wasm_table_get/set) and used by wasm's
// call_indirect; then grown.
//
// WAMR 1.1.2 limits: a table holds only the module's own functions (wasm_table_set refuses a host function's
// reference); the host's wasm_table_grow always returns false (wasm's table.grow works); a stand-alone table
// from wasm_table_new has no slots, and table imports are refused, so nothing can use one.
internal static unsafe class Program
{
    private static wasm_store_t* s_store;

    // A function to be called from Wasm code.
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static wasm_trap_t* neg_callback(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        try
        {
            Console.WriteLine("Calling back...");
            results->data[0] = WASM_I32_VAL(-args->data[0].of.i32);
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

    private static wasm_table_t* get_export_table(wasm_extern_vec_t* exports, nuint i)
    {
        if (exports->size <= i || wasm_extern_kind(exports->data[i]) != WASM_EXTERN_TABLE)
        {
            Console.WriteLine($"> Error accessing table export {i}!");
            Environment.Exit(1);
        }

        return wasm_extern_as_table(exports->data[i]);
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

    private static void check(bool success)
    {
        if (!success)
        {
            Console.WriteLine("> Error, expected success");
            Environment.Exit(1);
        }
    }

    private static void check_table(wasm_table_t* table, uint i, bool expect_set)
    {
        wasm_ref_t* @ref = wasm_table_get(table, i);
        check((@ref != null) == expect_set);
        if (@ref != null)
        {
            wasm_ref_delete(@ref);
        }
    }

    // Calls func(arg1, arg2) -> i32; null when it traps.
    private static int? call(wasm_func_t* func, int arg1, int arg2)
    {
        Span<wasm_val_t> a_v = stackalloc wasm_val_t[] { WASM_I32_VAL(arg1), WASM_I32_VAL(arg2) };
        Span<wasm_val_t> r_v = stackalloc wasm_val_t[] { WASM_INIT_VAL };
        wasm_val_vec_t args = WASM_ARRAY_VEC(a_v);
        wasm_val_vec_t results = WASM_ARRAY_VEC(r_v);
        wasm_trap_t* trap = wasm_func_call(func, &args, &results);
        if (trap != null)
        {
            wasm_trap_delete(trap);
            return null;
        }

        return r_v[0].of.i32;
    }

    private static void check_call(wasm_func_t* func, int arg1, int arg2, int expected)
    {
        if (call(func, arg1, arg2) != expected)
        {
            Console.WriteLine("> Error on result");
            Environment.Exit(1);
        }
    }

    private static void check_trap(wasm_func_t* func, int arg1, int arg2)
    {
        if (call(func, arg1, arg2) is not null)
        {
            Console.WriteLine("> Error on result, expected trap");
            Environment.Exit(1);
        }
    }

    // wasm_table_set takes ownership of the reference only when it succeeds.
    private static bool table_set(wasm_table_t* table, uint i, wasm_ref_t* @ref)
    {
        bool set = wasm_table_set(table, i, @ref);
        if (!set && @ref != null)
        {
            wasm_ref_delete(@ref);
        }

        return set;
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
        string path = Path.Combine(AppContext.BaseDirectory, "table.wasm");
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
        wasm_extern_vec_t imports = WASM_EMPTY_VEC;
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
        wasm_table_t* table = get_export_table(&exports, i++);
        wasm_func_t* call_indirect = get_export_func(&exports, i++);
        wasm_func_t* f = get_export_func(&exports, i++);
        wasm_func_t* g = get_export_func(&exports, i++);
        wasm_func_t* grow = get_export_func(&exports, i++);

        wasm_module_delete(module);

        // Create external function.
        Console.WriteLine("Creating callback...");
        wasm_functype_t* neg_type = wasm_functype_new_1_1(wasm_valtype_new_i32(), wasm_valtype_new_i32());
        wasm_func_t* h = wasm_func_new(store, neg_type, &neg_callback);

        wasm_functype_delete(neg_type);

        // Try cloning.
        wasm_table_t* copy = wasm_table_copy(table);
        check(wasm_table_same(table, copy));
        wasm_table_delete(copy);

        // Check initial table.
        Console.WriteLine("Checking table...");
        check(wasm_table_size(table) == 2);
        check_table(table, 0, false);
        check_table(table, 1, true);
        check_trap(call_indirect, 0, 0);
        check_call(call_indirect, 7, 1, 7);
        check_trap(call_indirect, 0, 2);
        Console.WriteLine("> slot 0 empty, slot 1 holds f: call_indirect(7, 1) = 7");

        // Mutate table.
        Console.WriteLine("Mutating table...");
        check(table_set(table, 0, wasm_func_as_ref(g)));
        check(table_set(table, 1, null));
        check(!table_set(table, 2, wasm_func_as_ref(f)));
        check_table(table, 0, true);
        check_table(table, 1, false);
        check_call(call_indirect, 7, 0, 666);
        check_trap(call_indirect, 0, 1);
        check_trap(call_indirect, 0, 2);
        Console.WriteLine("> slot 0 holds g: call_indirect(7, 0) = 666; slot 1 cleared; slot 2 is out of range");

        bool host_func_set = table_set(table, 1, wasm_func_as_ref(h));
        Console.WriteLine("> wasm_table_set with a host function: " + (host_func_set ? "set" : "refused (WAMR 1.1.2 tables hold the module's functions only)"));
        wasm_func_delete(h);

        // Grow table.
        Console.WriteLine("Growing table...");
        bool host_grew = wasm_table_grow(table, 3, null);
        check(!host_grew);
        check(wasm_table_size(table) == 2);
        Console.WriteLine("> wasm_table_grow(table, 3) from the host: " + (host_grew ? "grown" : "false (WAMR 1.1.2 grows tables only from wasm)"));

        check_call(grow, 3, 0, 2);
        check(wasm_table_size(table) == 5);
        check_table(table, 4, false);
        check(table_set(table, 4, wasm_func_as_ref(f)));
        check_call(call_indirect, 9, 4, 9);
        check_call(grow, 10, 0, -1);
        check(wasm_table_size(table) == 5);
        Console.WriteLine("> table.grow(3) from wasm: 5 slots, slot 4 set to f: call_indirect(9, 4) = 9; past the maximum of 10 it returns -1");

        wasm_extern_vec_delete(&exports);
        wasm_instance_delete(instance);

        // Create stand-alone table.
        Console.WriteLine("Creating stand-alone table...");
        wasm_limits_t limits = new() { min = 5, max = 5 };
        wasm_tabletype_t* tabletype = wasm_tabletype_new(wasm_valtype_new(WASM_FUNCREF), &limits);
        wasm_table_t* table2 = wasm_table_new(store, tabletype, null);
        Console.WriteLine($"> stand-alone table of 5 slots: size {wasm_table_size(table2)}");
        wasm_tabletype_delete(tabletype);
        wasm_table_delete(table2);

        // Shut down.
        Console.WriteLine("Shutting down...");
        wasm_store_delete(store);
        wasm_engine_delete(engine);

        // All done.
        Console.WriteLine("Done.");
        return 0;
    }
}
