using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using System.Threading;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

// Threads: one module, compiled once, shared (wasm_module_share) with several threads; each thread has its own
// store, obtains the module there (wasm_module_obtain), instantiates it with its own id as an imported global
// and runs it several times. This libiwasm is built with software bounds checks, so any thread may call into
// WAMR without per-thread setup.
//
// WAMR 1.1.2 limitation: instantiating writes the values of imported globals (and the imported functions) into
// the module itself, which all stores obtaining it share, before the new instance copies them. Two threads
// instantiating one shared module at once can therefore give an instance the other thread's id, so
// instantiation is serialized with a lock here; running the instances is not.
internal static unsafe class Program
{
    private const int N_THREADS = 10;
    private const int N_REPS = 3;

    private static readonly object s_instantiation = new();
    private static wasm_engine_t* s_engine;
    private static wasm_shared_module_t* s_shared;
    private static int s_mismatches;

    [ThreadStatic]
    private static wasm_store_t* t_store;

    [ThreadStatic]
    private static int t_id;

    // A function to be called from Wasm code.
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static wasm_trap_t* callback(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        try
        {
            int id = args->data[0].of.i32;
            Console.WriteLine($"> Thread {id} running");
            if (id != t_id)
            {
                Console.WriteLine($"> Error: thread {t_id}'s instance reported id {id}");
                Interlocked.Increment(ref s_mismatches);
            }

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

    private static void run(int id)
    {
        t_id = id;

        // Recreate store and module.
        wasm_store_t* store = wasm_store_new(s_engine);
        t_store = store;
        wasm_module_t* module = wasm_module_obtain(store, s_shared);
        if (module == null)
        {
            Console.WriteLine("> Error obtaining module!");
            Interlocked.Increment(ref s_mismatches);
            return;
        }

        wasm_extern_t** externs = stackalloc wasm_extern_t*[2];

        // Run the example N times.
        for (int i = 0; i < N_REPS; ++i)
        {
            Thread.Sleep(100);

            // Create imports.
            wasm_functype_t* func_type = wasm_functype_new_1_0(wasm_valtype_new_i32());
            wasm_func_t* func = wasm_func_new(store, func_type, &callback);
            wasm_functype_delete(func_type);

            wasm_val_t val = WASM_I32_VAL(id);
            wasm_globaltype_t* global_type = wasm_globaltype_new(wasm_valtype_new_i32(), WASM_CONST);
            wasm_global_t* global = wasm_global_new(store, global_type, &val);
            wasm_globaltype_delete(global_type);

            // Instantiate, one thread at a time (see above).
            externs[0] = wasm_func_as_extern(func);
            externs[1] = wasm_global_as_extern(global);
            wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs, 2);
            wasm_instance_t* instance;
            lock (s_instantiation)
            {
                instance = wasm_instance_new(store, module, &imports, null);
            }

            if (instance == null)
            {
                Console.WriteLine("> Error instantiating module!");
                Interlocked.Increment(ref s_mismatches);
                return;
            }

            wasm_func_delete(func);
            wasm_global_delete(global);

            // Extract export.
            wasm_extern_vec_t exports;
            wasm_instance_exports(instance, &exports);
            if (exports.size == 0)
            {
                Console.WriteLine("> Error accessing exports!");
                Interlocked.Increment(ref s_mismatches);
                return;
            }

            wasm_func_t* run_func = wasm_extern_as_func(exports.data[0]);
            wasm_instance_delete(instance);

            // Call.
            wasm_val_vec_t empty = WASM_EMPTY_VEC;
            wasm_trap_t* trap = wasm_func_call(run_func, &empty, &empty);
            if (trap != null)
            {
                Console.WriteLine("> Error calling function!");
                wasm_trap_delete(trap);
                Interlocked.Increment(ref s_mismatches);
                return;
            }

            wasm_extern_vec_delete(&exports);
        }

        wasm_module_delete(module);
        wasm_store_delete(store);
    }

    private static int Main()
    {
        // Initialize.
        wasm_engine_t* engine = wasm_engine_new();
        s_engine = engine;

        // Load binary.
        string path = Path.Combine(AppContext.BaseDirectory, "threads.wasm");
        if (!File.Exists(path))
        {
            Console.WriteLine("> Error loading module!");
            return 1;
        }

        wasm_byte_vec_t binary = wasm_byte_vec_t.Create(File.ReadAllBytes(path));

        // Compile and share.
        wasm_store_t* store = wasm_store_new(engine);
        wasm_module_t* module = wasm_module_new(store, &binary);
        if (module == null)
        {
            Console.WriteLine("> Error compiling module!");
            return 1;
        }

        wasm_byte_vec_delete(&binary);

        wasm_shared_module_t* shared = wasm_module_share(module);
        s_shared = shared;

        wasm_module_delete(module);
        wasm_store_delete(store);

        // Spawn threads.
        var threads = new Thread[N_THREADS];
        for (int i = 0; i < N_THREADS; i++)
        {
            int id = i;
            Console.WriteLine($"Initializing thread {i}...");
            threads[i] = new Thread(() => run(id));
            threads[i].Start();
        }

        for (int i = 0; i < N_THREADS; i++)
        {
            Console.WriteLine($"Waiting for thread: {i}");
            threads[i].Join();
        }

        wasm_shared_module_delete(shared);
        wasm_engine_delete(engine);

        if (s_mismatches != 0)
        {
            Console.WriteLine($"> Error: {s_mismatches} failures");
            return 1;
        }

        Console.WriteLine($"> {N_THREADS} threads ran their own instances {N_REPS} times each, every one with its own id");
        Console.WriteLine("Done.");
        return 0;
    }
}
