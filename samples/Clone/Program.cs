using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using System.Threading;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

// Clone: a minimal "VM" (engine, store, module, instance, exports) is started cold on the main thread: load,
// compile, instantiate. Worker threads then start warm from it: each makes its own store, reuses the compiled
// module (wasm_module_share / wasm_module_obtain, no reloading or recompiling), and instantiates it there; an
// instance belongs to one store, so every thread has its own. Cloning an instantiated module (memory, globals,
// tables) is not something WAMR 1.1.2 offers, as in WAMR's clone.c.
//
// Instantiation is serialized with a lock: WAMR 1.1.2 writes the imports into the shared module while linking
// (see the Threads sample).
internal static unsafe class Program
{
    private const int WORKER_NUMBER = 10;

    private enum clone_level
    {
        not_cloneable = 0,
        compiled_bytecode,
        instantiated_module,
    }

    private struct wasm_vm_t
    {
        public wasm_engine_t* engine;
        public wasm_store_t* store;
        public wasm_module_t* module;
        public wasm_shared_module_t* shared_module;
        public wasm_instance_t* instance;
        public wasm_func_t** function_list;
        public wasm_memory_t* memory;
        public wasm_extern_vec_t* exports;
    }

    private static readonly object s_instantiation = new();
    private static readonly ManualResetEventSlim s_ready_go = new(false);

    [ThreadStatic]
    private static string? t_name;

    [ThreadStatic]
    private static wasm_store_t* t_store;

    private static wasm_vm_t* vm_new()
    {
        var vm = (wasm_vm_t*)NativeMemory.AllocZeroed((nuint)sizeof(wasm_vm_t));

        vm->engine = wasm_engine_new();
        if (vm->engine == null)
        {
            NativeMemory.Free(vm);
            return null;
        }

        vm->store = wasm_store_new(vm->engine);
        if (vm->store == null)
        {
            wasm_engine_delete(vm->engine);
            NativeMemory.Free(vm);
            return null;
        }

        return vm;
    }

    private static wasm_vm_t* vm_release(wasm_vm_t* vm)
    {
        if (vm == null)
        {
            return null;
        }

        if (vm->function_list != null)
        {
            NativeMemory.Free(vm->function_list);
            vm->function_list = null;
        }

        vm->memory = null;

        if (vm->exports != null)
        {
            wasm_extern_vec_delete(vm->exports);
            NativeMemory.Free(vm->exports);
            vm->exports = null;
        }

        wasm_instance_delete(vm->instance);
        vm->instance = null;

        wasm_shared_module_delete(vm->shared_module);
        vm->shared_module = null;

        wasm_module_delete(vm->module);
        vm->module = null;

        wasm_store_delete(vm->store);
        vm->store = null;

        wasm_engine_delete(vm->engine);
        vm->engine = null;

        NativeMemory.Free(vm);
        return null;
    }

    private static bool vm_load(wasm_vm_t* vm, wasm_byte_vec_t* binary)
    {
        vm->module = wasm_module_new(vm->store, binary);
        vm->shared_module = wasm_module_share(vm->module);
        return vm->module != null;
    }

    private static bool vm_link(wasm_vm_t* vm, wasm_extern_vec_t* imports)
    {
        lock (s_instantiation)
        {
            vm->instance = wasm_instance_new(vm->store, vm->module, imports, null);
        }

        if (vm->instance == null)
        {
            return false;
        }

        vm->exports = (wasm_extern_vec_t*)NativeMemory.AllocZeroed((nuint)sizeof(wasm_extern_vec_t));
        wasm_instance_exports(vm->instance, vm->exports);
        // an exported memory, and two exported functions
        if (vm->exports->size != 3)
        {
            return false;
        }

        // bind memory
        if (wasm_extern_kind(vm->exports->data[0]) != WASM_EXTERN_MEMORY)
        {
            return false;
        }

        vm->memory = wasm_extern_as_memory(vm->exports->data[0]);

        vm->function_list = (wasm_func_t**)NativeMemory.AllocZeroed((nuint)(2 * sizeof(wasm_func_t*)));

        // bind set_byte(...)
        if (wasm_extern_kind(vm->exports->data[1]) != WASM_EXTERN_FUNC)
        {
            return false;
        }

        vm->function_list[0] = wasm_extern_as_func(vm->exports->data[1]);

        // bind get_byte(...)
        if (wasm_extern_kind(vm->exports->data[2]) != WASM_EXTERN_FUNC)
        {
            return false;
        }

        vm->function_list[1] = wasm_extern_as_func(vm->exports->data[2]);

        return true;
    }

    private static wasm_vm_t* vm_clone_from_module(wasm_vm_t* @base)
    {
        Console.WriteLine("Initializing...");
        wasm_vm_t* secondary = vm_new();
        if (secondary != null)
        {
            Console.WriteLine("Reuse module and bypass vm_load()...");
            secondary->module = wasm_module_obtain(secondary->store, @base->shared_module);
            if (secondary->module == null)
            {
                secondary = vm_release(secondary);
            }
        }

        return secondary;
    }

    private static wasm_vm_t* vm_clone_from_instance(wasm_vm_t* @base)
    {
        // Cloning at this level would have to copy everything an instantiation makes except the functions:
        // globals, memory and its app heap, tables and the exports of each. WAMR 1.1.2 does not offer it.
        _ = @base;
        Console.WriteLine("Unsupported");
        return null;
    }

    private static wasm_vm_t* vm_clone(wasm_vm_t* @base, clone_level level)
    {
        if (level == clone_level.not_cloneable)
        {
            return null;
        }

        if (level == clone_level.compiled_bytecode)
        {
            return vm_clone_from_module(@base);
        }
        else
        {
            return vm_clone_from_instance(@base);
        }
    }

    private static void vm_memory_set_byte(wasm_vm_t* vm, uint offset, byte value)
    {
        byte* data = wasm_memory_data(vm->memory);
        *(data + offset) = value;
    }

    private static byte vm_memory_get_byte(wasm_vm_t* vm, uint offset)
    {
        byte* data = wasm_memory_data(vm->memory);
        return *(data + offset);
    }

    private static void vm_function_set_byte(wasm_vm_t* vm, uint offset, byte value)
    {
        Span<wasm_val_t> a_v = stackalloc wasm_val_t[] { WASM_I32_VAL((int)offset), WASM_I32_VAL(value) };
        wasm_val_vec_t args = WASM_ARRAY_VEC(a_v);
        wasm_val_vec_t results = WASM_EMPTY_VEC;
        wasm_trap_t* trap = wasm_func_call(vm->function_list[0], &args, &results);
        if (trap != null)
        {
            Console.WriteLine("call wasm_set_byte failed");
            wasm_trap_delete(trap);
            Environment.Exit(1);
        }
    }

    private static byte vm_function_get_byte(wasm_vm_t* vm, uint offset)
    {
        Span<wasm_val_t> a_v = stackalloc wasm_val_t[] { WASM_I32_VAL((int)offset) };
        wasm_val_vec_t args = WASM_ARRAY_VEC(a_v);
        Span<wasm_val_t> r_v = stackalloc wasm_val_t[] { WASM_INIT_VAL };
        wasm_val_vec_t results = WASM_ARRAY_VEC(r_v);
        wasm_trap_t* trap = wasm_func_call(vm->function_list[1], &args, &results);
        if (trap != null)
        {
            Console.WriteLine("call wasm_get_byte failed");
            wasm_trap_delete(trap);
            Environment.Exit(1);
        }

        return (byte)results.data->of.i32;
    }

    private static bool load_wasm_file_content(string file_name, wasm_byte_vec_t* @out)
    {
        string path = Path.Combine(AppContext.BaseDirectory, file_name);
        if (!File.Exists(path))
        {
            Console.WriteLine("> Error loading .wasm!");
            return false;
        }

        *@out = wasm_byte_vec_t.Create(File.ReadAllBytes(path));
        return true;
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static wasm_trap_t* report_cb(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        try
        {
            uint chk_pnt_no = (uint)args->data[0].of.i32;
            Console.WriteLine($"[{t_name}] Pass CHK POINT #{chk_pnt_no}");
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
        wasm_trap_t* trap = wasm_trap_new(t_store, &message);
        wasm_name_delete(&message);
        return trap;
    }

    private static bool link_with_callback(wasm_vm_t* vm)
    {
        Console.WriteLine("Creating callback...");
        wasm_functype_t* callback_type = wasm_functype_new_1_0(wasm_valtype_new_i32());
        if (callback_type == null)
        {
            return false;
        }

        wasm_func_t* callback = wasm_func_new(vm->store, callback_type, &report_cb);
        wasm_functype_delete(callback_type);
        if (callback == null)
        {
            return false;
        }

        Console.WriteLine("Instantiating module...");
        t_store = vm->store;
        wasm_extern_t** externs = stackalloc wasm_extern_t*[] { wasm_func_as_extern(callback) };
        wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs, 1);
        bool ret = vm_link(vm, &imports);
        wasm_func_delete(callback);
        return ret;
    }

    private static bool run_cold_start(wasm_vm_t** @out)
    {
        Console.WriteLine("Initializing...");
        wasm_vm_t* vm = vm_new();
        if (vm == null)
        {
            return false;
        }

        Console.WriteLine("Loading binary...");
        wasm_byte_vec_t binary = WASM_EMPTY_VEC;
        if (!load_wasm_file_content("clone.wasm", &binary))
        {
            vm_release(vm);
            return false;
        }

        Console.WriteLine("Compiling module...");
        bool ret = vm_load(vm, &binary);
        wasm_byte_vec_delete(&binary);
        if (!ret || !link_with_callback(vm))
        {
            vm_release(vm);
            return false;
        }

        *@out = vm;
        return true;
    }

    private static bool run_warm_start_w_compiled_bytecode(wasm_vm_t* first, wasm_vm_t** @out)
    {
        wasm_vm_t* secondary = vm_clone(first, clone_level.compiled_bytecode);
        if (secondary == null)
        {
            return false;
        }

        if (!link_with_callback(secondary))
        {
            vm_release(secondary);
            return false;
        }

        *@out = secondary;
        return true;
    }

    private static bool run_warm_start_w_instantiated_module(wasm_vm_t* first, wasm_vm_t** @out)
    {
        wasm_vm_t* secondary = vm_clone(first, clone_level.instantiated_module);
        if (secondary == null)
        {
            return false;
        }

        *@out = secondary;
        return true;
    }

    private static void check(bool success, string what)
    {
        if (!success)
        {
            Console.WriteLine($"[{t_name}] > Error: {what}");
            Environment.Exit(1);
        }
    }

    private static void run_test(wasm_vm_t* vm)
    {
        // read initialization
        check(vm_function_get_byte(vm, 10) == 0x0, "initial byte through wasm");
        check(vm_memory_get_byte(vm, 10) == 0x0, "initial byte in memory");

        // read after writing
        vm_function_set_byte(vm, 16, 0xab);
        check(vm_function_get_byte(vm, 16) == 0xab, "wasm reads what wasm wrote");

        vm_memory_set_byte(vm, 16, 0xcd);
        check(vm_memory_get_byte(vm, 16) == 0xcd, "the host reads what the host wrote");

        // reading and writing across
        vm_function_set_byte(vm, 16, 0xef);
        check(vm_memory_get_byte(vm, 16) == 0xef, "the host reads what wasm wrote");

        vm_memory_set_byte(vm, 16, 0x67);
        check(vm_function_get_byte(vm, 16) == 0x67, "wasm reads what the host wrote");

        Console.WriteLine($"[{t_name}] All Passed ...");
    }

    private static void thrd_func(wasm_vm_t* base_vm, string name, CountdownEvent prepared)
    {
        t_name = name;
        Thread.Sleep(Random.Shared.Next(100));
        Console.WriteLine($"Running warm start at {name}...");

        wasm_vm_t* vm;
        bool started = run_warm_start_w_compiled_bytecode(base_vm, &vm);
        prepared.Signal();
        if (!started)
        {
            Console.WriteLine($"> Error: warm start at {name} failed");
            Environment.Exit(1);
        }

        s_ready_go.Wait();

        Console.WriteLine($"Running test at {name}...");
        run_test(vm);

        vm_release(vm);
    }

    private static int Main()
    {
        t_name = "Execution Thread";

        Console.WriteLine("Running cold start at the execution thread...");
        wasm_vm_t* base_vm;
        if (!run_cold_start(&base_vm))
        {
            return 1;
        }

        run_test(base_vm);

        Console.WriteLine("Running warm start with an instantiated module...");
        wasm_vm_t* instance_clone;
        Console.WriteLine("> " + (run_warm_start_w_instantiated_module(base_vm, &instance_clone) ? "cloned" : "not cloned: WAMR 1.1.2 clones compiled modules only"));

        Console.WriteLine("Running warm start at other threads...");
        var threads = new Thread[WORKER_NUMBER];
        using var prepared = new CountdownEvent(WORKER_NUMBER);
        nint @base = (nint)base_vm;
        for (int i = 0; i < WORKER_NUMBER; i++)
        {
            string name = $"Worker#{i}";
            threads[i] = new Thread(() => thrd_func((wasm_vm_t*)@base, name, prepared));
            threads[i].Start();
        }

        // Every worker has its own instance before any starts its test.
        prepared.Wait();
        s_ready_go.Set();

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        vm_release(base_vm);
        Console.WriteLine("Done.");
        return 0;
    }
}
