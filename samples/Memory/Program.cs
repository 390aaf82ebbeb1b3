using System;
using System.IO;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

// Memory: an exported linear memory read and written both directly (wasm_memory_data) and through wasm
// functions, with out-of-bounds accesses trapping; then grown.
//
// The instance is made with wasm_instance_new_with_args(..., stack_size, heap_size: 0). wasm_instance_new would
// give it WAMR's default 32 KiB app heap, carved into linear memory, so that its size and bounds differ from
// what the module declares (shown at the end). Growing: WAMR 1.1.2 grows memory only from wasm (memory.grow);
// the host's wasm_memory_grow always returns false.
internal static unsafe class Program
{
    private static wasm_memory_t* get_export_memory(wasm_extern_vec_t* exports, nuint i)
    {
        if (exports->size <= i || wasm_extern_kind(exports->data[i]) != WASM_EXTERN_MEMORY)
        {
            Console.WriteLine($"> Error accessing memory export {i}!");
            Environment.Exit(1);
        }

        return wasm_extern_as_memory(exports->data[i]);
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

    // Calls func with args; null when it traps, else its i32 result (0 when it has none).
    private static int? call(wasm_func_t* func, ReadOnlySpan<int> args)
    {
        Span<wasm_val_t> a_v = stackalloc wasm_val_t[2];
        for (int i = 0; i < args.Length; i++)
        {
            a_v[i] = WASM_I32_VAL(args[i]);
        }

        Span<wasm_val_t> r_v = stackalloc wasm_val_t[] { WASM_INIT_VAL };
        wasm_val_vec_t args_vec = WASM_ARRAY_VEC(a_v.Slice(0, args.Length));
        wasm_val_vec_t results_vec = wasm_func_result_arity(func) == 0 ? WASM_EMPTY_VEC : WASM_ARRAY_VEC(r_v);
        wasm_trap_t* trap = wasm_func_call(func, &args_vec, &results_vec);
        if (trap != null)
        {
            wasm_trap_delete(trap);
            return null;
        }

        return r_v[0].of.i32;
    }

    private static void check_call(wasm_func_t* func, ReadOnlySpan<int> args, int expected)
    {
        if (call(func, args) != expected)
        {
            Console.WriteLine("> Error on result");
            Environment.Exit(1);
        }
    }

    private static void check_call0(wasm_func_t* func, int expected) => check_call(func, ReadOnlySpan<int>.Empty, expected);

    private static void check_call1(wasm_func_t* func, int arg, int expected) => check_call(func, stackalloc int[] { arg }, expected);

    private static void check_ok2(wasm_func_t* func, int arg1, int arg2)
    {
        if (call(func, stackalloc int[] { arg1, arg2 }) is null)
        {
            Console.WriteLine("> Error on result, expected empty");
            Environment.Exit(1);
        }
    }

    private static void check_trap1(wasm_func_t* func, int arg)
    {
        if (call(func, stackalloc int[] { arg }) is not null)
        {
            Console.WriteLine("> Error on result, expected trap");
            Environment.Exit(1);
        }
    }

    private static void check_trap2(wasm_func_t* func, int arg1, int arg2)
    {
        if (call(func, stackalloc int[] { arg1, arg2 }) is not null)
        {
            Console.WriteLine("> Error on result, expected trap");
            Environment.Exit(1);
        }
    }

    private static int Main()
    {
        // Initialize.
        Console.WriteLine("Initializing...");
        wasm_engine_t* engine = wasm_engine_new();
        wasm_store_t* store = wasm_store_new(engine);

        // Load binary.
        Console.WriteLine("Loading binary...");
        string path = Path.Combine(AppContext.BaseDirectory, "memory.wasm");
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

        // Instantiate: an 8 KiB wasm stack and no app heap, so that the memory is exactly what the module declares.
        Console.WriteLine("Instantiating module...");
        wasm_extern_vec_t imports = WASM_EMPTY_VEC;
        wasm_instance_t* instance = wasm_instance_new_with_args(store, module, &imports, null, (uint)KILOBYTE(8), 0);
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
        wasm_memory_t* memory = get_export_memory(&exports, i++);
        wasm_func_t* size_func = get_export_func(&exports, i++);
        wasm_func_t* load_func = get_export_func(&exports, i++);
        wasm_func_t* store_func = get_export_func(&exports, i++);
        wasm_func_t* grow_func = get_export_func(&exports, i++);

        if (memory == null || wasm_memory_data(memory) == null)
        {
            Console.WriteLine("> Error getting memory!");
            wasm_extern_vec_delete(&exports);
            wasm_instance_delete(instance);
            wasm_store_delete(store);
            wasm_engine_delete(engine);
            return 1;
        }

        // Try cloning.
        wasm_memory_t* copy = wasm_memory_copy(memory);
        check(wasm_memory_same(memory, copy));
        wasm_memory_delete(copy);

        // Check initial memory.
        Console.WriteLine("Checking memory...");
        check(wasm_memory_size(memory) == 2);
        check(wasm_memory_data_size(memory) == 0x20000);
        check(wasm_memory_data(memory)[0] == 0);
        check(wasm_memory_data(memory)[0x1000] == 1);
        check(wasm_memory_data(memory)[0x1003] == 4);

        check_call0(size_func, 2);
        check_call1(load_func, 0, 0);
        check_call1(load_func, 0x1000, 1);
        check_call1(load_func, 0x1003, 4);
        check_call1(load_func, 0x1ffff, 0);
        check_trap1(load_func, 0x20000);
        Console.WriteLine($"> {wasm_memory_size(memory)} pages, {wasm_memory_data_size(memory)} bytes; a load at 0x20000 traps");

        // Mutate memory.
        Console.WriteLine("Mutating memory...");
        wasm_memory_data(memory)[0x1003] = 5;
        check_ok2(store_func, 0x1002, 6);
        check_trap2(store_func, 0x20000, 0);

        check(wasm_memory_data(memory)[0x1002] == 6);
        check(wasm_memory_data(memory)[0x1003] == 5);
        check_call1(load_func, 0x1002, 6);
        check_call1(load_func, 0x1003, 5);

        // Grow memory.
        Console.WriteLine("Growing memory...");
        bool host_grew = wasm_memory_grow(memory, 1);
        check(!host_grew);
        check(wasm_memory_size(memory) == 2);
        Console.WriteLine("> wasm_memory_grow(memory, 1) from the host: " + (host_grew ? "grown" : "false (WAMR 1.1.2 grows memory only from wasm)"));

        check_call1(grow_func, 1, 2);
        check(wasm_memory_size(memory) == 3);
        check(wasm_memory_data_size(memory) == 0x30000);
        check_call1(load_func, 0x20000, 0);
        check_call1(load_func, 0x2ffff, 0);
        check_trap1(load_func, 0x30000);
        check_call1(grow_func, 1, -1);
        check_call1(grow_func, 0, 3);
        Console.WriteLine($"> memory.grow(1) from wasm: {wasm_memory_size(memory)} pages, {wasm_memory_data_size(memory)} bytes; past the maximum of 3 it returns -1");

        wasm_extern_vec_delete(&exports);
        wasm_instance_delete(instance);

        // Create stand-alone memory.
        // WAMR 1.1.2 makes the object but gives it no storage, and refuses memory imports: nothing can use it.
        Console.WriteLine("Creating stand-alone memory...");
        wasm_limits_t limits = new() { min = 5, max = 5 };
        wasm_memorytype_t* memorytype = wasm_memorytype_new(&limits);
        wasm_memory_t* memory2 = wasm_memory_new(store, memorytype);
        Console.WriteLine($"> stand-alone memory of 5 pages: size {wasm_memory_size(memory2)} pages, data {(wasm_memory_data(memory2) == null ? "NULL" : "present")}");
        wasm_memorytype_delete(memorytype);
        wasm_memory_delete(memory2);

        // The same module instantiated with wasm_instance_new, which adds the default app heap.
        wasm_instance_t* with_heap = wasm_instance_new(store, module, &imports, null);
        wasm_extern_vec_t heap_exports;
        wasm_instance_exports(with_heap, &heap_exports);
        wasm_memory_t* heap_memory = get_export_memory(&heap_exports, 0);
        int? load_past_declared = call(get_export_func(&heap_exports, 2), stackalloc int[] { 0x20000 });
        Console.WriteLine($"> with wasm_instance_new: {wasm_memory_size(heap_memory)} pages, and a load at 0x20000 {(load_past_declared is null ? "traps" : "does not trap")}");
        wasm_extern_vec_delete(&heap_exports);
        wasm_instance_delete(with_heap);

        wasm_module_delete(module);

        // Shut down.
        Console.WriteLine("Shutting down...");
        wasm_store_delete(store);
        wasm_engine_delete(engine);

        // All done.
        Console.WriteLine("Done.");
        return 0;
    }
}
