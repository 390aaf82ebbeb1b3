using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

// Hostref: host references (externref) made with wasm_foreign_new, carrying .NET objects as host info, kept
// by wasm in a global and a table and handed to and returned by a host function.
//
// WAMR 1.1.2 does not convert an externref parameter or result of wasm_func_call: it passes the wasm_ref_t*
// itself where wasm expects an index into WAMR's table of host references (so NULL does not arrive as ref.null,
// the value means nothing to table.set or to host functions, and the parameters after it shift), and hands back
// whatever comes out the same way. So, unlike WAMR's hostref.c, this sample never calls a wasm function with a
// reference: the module's exports take and return i32, and references cross between host and wasm through
// wasm_global_get/set, wasm_table_get/set and a host function's parameters and results, which convert them.
internal static unsafe class Program
{
    private static wasm_store_t* s_store;

    // The .NET object a reference carries as its host info, or what stands in for it.
    private static string describe(wasm_ref_t* @ref)
    {
        if (@ref == null)
        {
            return "null";
        }

        void* info = wasm_ref_get_host_info(@ref);
        return info == null ? "a reference without host info" : (string)GCHandle.FromIntPtr((IntPtr)info).Target!;
    }

    // A function to be called from Wasm code: (externref) -> externref, returning its argument.
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static wasm_trap_t* callback(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        try
        {
            Console.WriteLine("Calling back...");
            Console.WriteLine("> " + describe(args->data[0].of.@ref));
            wasm_val_copy(&results->data[0], &args->data[0]);
            return null;
        }
        catch (Exception e)
        {
            return TrapFromException(e);
        }
    }

    // Frees the GCHandle a reference's host info holds; WAMR calls it when the reference is deleted.
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void release_host_info(void* info)
    {
        try
        {
            GCHandle handle = GCHandle.FromIntPtr((IntPtr)info);
            Console.WriteLine($"> Released the host info of {handle.Target}.");
            handle.Free();
        }
        catch (Exception e)
        {
            Console.WriteLine("> Error releasing host info: " + e.Message);
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

    private static wasm_global_t* get_export_global(wasm_extern_vec_t* exports, nuint i)
    {
        if (exports->size <= i || wasm_extern_kind(exports->data[i]) != WASM_EXTERN_GLOBAL)
        {
            Console.WriteLine($"> Error accessing global export {i}!");
            Environment.Exit(1);
        }

        return wasm_extern_as_global(exports->data[i]);
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

    // Calls a function taking up to two i32 and returning at most one i32.
    private static int call_i32(wasm_func_t* func, int arg_count, int arg1 = 0, int arg2 = 0)
    {
        Span<wasm_val_t> a_v = stackalloc wasm_val_t[] { WASM_I32_VAL(arg1), WASM_I32_VAL(arg2) };
        Span<wasm_val_t> r_v = stackalloc wasm_val_t[] { WASM_INIT_VAL };
        wasm_val_vec_t args = WASM_ARRAY_VEC(a_v.Slice(0, arg_count));
        wasm_val_vec_t results = wasm_func_result_arity(func) == 0 ? WASM_EMPTY_VEC : WASM_ARRAY_VEC(r_v);
        wasm_trap_t* trap = wasm_func_call(func, &args, &results);
        if (trap != null)
        {
            Console.WriteLine("> Error calling function!");
            Environment.Exit(1);
        }

        return r_v[0].of.i32;
    }

    private static void check(wasm_ref_t* actual, wasm_ref_t* expected)
    {
        if (actual != expected && !(actual != null && expected != null && wasm_ref_same(actual, expected)))
        {
            Console.WriteLine($"> Error reading reference, expected {describe(expected)}, got {describe(actual)}");
            Environment.Exit(1);
        }
    }

    private static void check(bool success, string what)
    {
        if (!success)
        {
            Console.WriteLine("> Error: " + what);
            Environment.Exit(1);
        }
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
        string path = Path.Combine(AppContext.BaseDirectory, "hostref.wasm");
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

        // Create external callback function.
        Console.WriteLine("Creating callback...");
        wasm_functype_t* callback_type = wasm_functype_new_1_1(wasm_valtype_new(WASM_ANYREF), wasm_valtype_new(WASM_ANYREF));
        wasm_func_t* callback_func = wasm_func_new(store, callback_type, &callback);

        wasm_functype_delete(callback_type);

        // Instantiate.
        Console.WriteLine("Instantiating module...");
        wasm_extern_t** externs = stackalloc wasm_extern_t*[] { wasm_func_as_extern(callback_func) };
        wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs, 1);
        wasm_instance_t* instance = wasm_instance_new(store, module, &imports, null);
        if (instance == null)
        {
            Console.WriteLine("> Error instantiating module!");
            return 1;
        }

        wasm_func_delete(callback_func);
        wasm_module_delete(module);

        // Extract export.
        Console.WriteLine("Extracting exports...");
        wasm_extern_vec_t exports;
        wasm_instance_exports(instance, &exports);
        nuint i = 0;
        wasm_global_t* held = get_export_global(&exports, i++);
        wasm_table_t* slots = get_export_table(&exports, i++);
        wasm_func_t* held_is_null = get_export_func(&exports, i++);
        wasm_func_t* store_held = get_export_func(&exports, i++);
        wasm_func_t* slot_is_null = get_export_func(&exports, i++);
        wasm_func_t* touch_slot = get_export_func(&exports, i++);
        wasm_func_t* clear_held = get_export_func(&exports, i++);

        wasm_instance_delete(instance);

        // Create host references, each carrying a .NET object (through a GCHandle) as its host info.
        Console.WriteLine("Creating host references...");
        wasm_ref_t* host1 = wasm_foreign_as_ref(wasm_foreign_new(store));
        wasm_ref_t* host2 = wasm_foreign_as_ref(wasm_foreign_new(store));
        wasm_ref_set_host_info_with_finalizer(host1, (void*)GCHandle.ToIntPtr(GCHandle.Alloc("host object 1")), &release_host_info);
        wasm_ref_set_host_info_with_finalizer(host2, (void*)GCHandle.ToIntPtr(GCHandle.Alloc("host object 2")), &release_host_info);
        Console.WriteLine($"> {describe(host1)}, {describe(host2)}");

        // Some sanity checks.
        check(null, null);
        wasm_ref_t* copy = wasm_ref_copy(host1);
        check(copy, host1);
        check(!wasm_ref_same(host1, host2), "two foreign objects are the same");
        // Host info belongs to one wasm_ref_t, not to the object it refers to: a copy has none.
        Console.WriteLine($"> a copy of host object 1 is the same reference, and carries {describe(copy)}");
        wasm_ref_delete(copy);

        wasm_val_t val;

        // Interact.
        Console.WriteLine("Accessing global...");
        check(call_i32(held_is_null, 0) == 1, "the global does not start null");
        wasm_global_get(held, &val);
        check(val.kind == WASM_ANYREF, "the global is no reference");
        check(val.of.@ref, null);
        val = WASM_REF_VAL(host1);
        wasm_global_set(held, &val);
        check(call_i32(held_is_null, 0) == 0, "wasm does not see the reference the host set");
        // wasm_global_get and wasm_table_get return the reference the host stored, not a copy: do not delete it.
        wasm_global_get(held, &val);
        check(val.of.@ref, host1);
        Console.WriteLine("> the global holds " + describe(val.of.@ref));

        Console.WriteLine("Accessing table...");
        check(wasm_table_size(slots) == 4, "the table does not have 4 slots");
        check(wasm_table_get(slots, 0), null);
        call_i32(store_held, 1, 0);
        check(wasm_table_get(slots, 0), host1);
        Console.WriteLine("> wasm copied the global to slot 0: " + describe(wasm_table_get(slots, 0)));
        check(wasm_table_set(slots, 1, host2), "wasm_table_set failed");
        check(call_i32(slot_is_null, 1, 1) == 0, "wasm does not see the reference the host stored");
        check(wasm_table_get(slots, 1), host2);
        check(!wasm_table_set(slots, 4, host1), "wasm_table_set past the end succeeded");
        check(wasm_table_get(slots, 4), null);

        Console.WriteLine("Accessing function...");
        call_i32(touch_slot, 2, 1, 2);
        check(wasm_table_get(slots, 2), host2);
        Console.WriteLine("> the host function returned " + describe(wasm_table_get(slots, 2)) + " into slot 2");
        call_i32(touch_slot, 2, 3, 3);
        check(wasm_table_get(slots, 3), null);

        // ref.null comes from wasm: a NULL reference set by the host is not wasm's null in WAMR 1.1.2.
        call_i32(clear_held, 0);
        wasm_global_get(held, &val);
        check(val.of.@ref, null);
        val = WASM_REF_VAL(null);
        wasm_global_set(held, &val);
        Console.WriteLine("> after wasm_global_set with a NULL reference, wasm's ref.is_null on the global gives " + call_i32(held_is_null, 0));

        wasm_extern_vec_delete(&exports);

        // Deleting the references runs their host-info finalizers.
        wasm_ref_delete(host1);
        wasm_ref_delete(host2);

        // Shut down.
        Console.WriteLine("Shutting down...");
        wasm_store_delete(store);
        wasm_engine_delete(engine);

        // All done.
        Console.WriteLine("Done.");
        return 0;
    }
}
