using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using System.Text;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

// Trap: three calls that trap, one in a host function that returns a trap, one in a host function whose .NET
// code throws (the exception becomes a trap: it must never unwind through WAMR's native frames), one inside
// wasm; each trap's message, origin and trace, with every frame's fields.
//
// What WAMR 1.1.2 puts in them: the message of a trap raised while running wasm starts with "Exception: " and
// includes its terminating NUL in its size; frames name the instance and the function index, and the function
// offset is an offset in WAMR's own compiled code, not in the module; the module offset is 0. WAMR also prints
// each trap's frames to stdout (built with WAMR_BUILD_DUMP_CALL_STACK).
internal static unsafe class Program
{
    // A function to be called from Wasm code: env is the store.
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static wasm_trap_t* fail_callback(void* env, wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        try
        {
            Console.WriteLine("Calling back...");
            wasm_name_t message;
            fixed (byte* text = "callback abort"u8)
            {
                wasm_name_new_from_string_nt(&message, text);
            }

            wasm_trap_t* trap = wasm_trap_new((wasm_store_t*)env, &message);
            wasm_name_delete(&message);
            return trap;
        }
        catch (Exception e)
        {
            return TrapFromException((wasm_store_t*)env, e);
        }
    }

    // A function to be called from Wasm code whose .NET code throws: env is the store.
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static wasm_trap_t* throw_callback(void* env, wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        try
        {
            Console.WriteLine("Calling back...");
            throw new InvalidOperationException("thrown by .NET code");
        }
        catch (Exception e)
        {
            return TrapFromException((wasm_store_t*)env, e);
        }
    }

    // A .NET exception must never unwind through WAMR's native frames: a callback turns it into a trap.
    private static wasm_trap_t* TrapFromException(wasm_store_t* store, Exception e)
    {
        wasm_message_t message;
        byte* text = Utf8StringMarshaller.ConvertToUnmanaged(e.GetType().Name + ": " + e.Message);
        wasm_name_new_from_string_nt(&message, text);
        Utf8StringMarshaller.Free(text);
        wasm_trap_t* trap = wasm_trap_new(store, &message);
        wasm_name_delete(&message);
        return trap;
    }

    private static void print_frame(wasm_frame_t* frame, wasm_instance_t* instance)
    {
        wasm_instance_t* frame_instance = wasm_frame_instance(frame);
        Console.WriteLine(
            $"> instance {(frame_instance == instance ? "(this instance)" : $"0x{(nuint)frame_instance:x}")}, " +
            $"func index {wasm_frame_func_index(frame)}, func offset 0x{wasm_frame_func_offset(frame):x}, " +
            $"module offset 0x{wasm_frame_module_offset(frame):x}");
    }

    private static string message_text(wasm_message_t* message) =>
        Encoding.UTF8.GetString(message->AsSpan()).TrimEnd('\0');

    private static int Main()
    {
        // Initialize.
        Console.WriteLine("Initializing...");
        wasm_engine_t* engine = wasm_engine_new();
        wasm_store_t* store = wasm_store_new(engine);

        // Load binary.
        Console.WriteLine("Loading binary...");
        string path = Path.Combine(AppContext.BaseDirectory, "trap.wasm");
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
        wasm_functype_t* fail_type = wasm_functype_new_0_1(wasm_valtype_new_i32());
        wasm_func_t* fail_func = wasm_func_new_with_env(store, fail_type, &fail_callback, store, null);
        wasm_func_t* throw_func = wasm_func_new_with_env(store, fail_type, &throw_callback, store, null);

        wasm_functype_delete(fail_type);

        // Instantiate.
        Console.WriteLine("Instantiating module...");
        wasm_extern_t** externs = stackalloc wasm_extern_t*[] { wasm_func_as_extern(fail_func), wasm_func_as_extern(throw_func) };
        wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs, 2);
        wasm_instance_t* instance = wasm_instance_new(store, module, &imports, null);
        if (instance == null)
        {
            Console.WriteLine("> Error instantiating module!");
            return 1;
        }

        wasm_func_delete(fail_func);
        wasm_func_delete(throw_func);

        // Extract export.
        Console.WriteLine("Extracting exports...");
        wasm_extern_vec_t exports;
        wasm_instance_exports(instance, &exports);
        if (exports.size < 3)
        {
            Console.WriteLine("> Error accessing exports!");
            return 1;
        }

        wasm_module_delete(module);
        wasm_instance_delete(instance);

        // Call.
        Span<wasm_val_t> r_v = stackalloc wasm_val_t[1];
        for (nuint i = 0; i < 3; ++i)
        {
            if (wasm_extern_kind(exports.data[i]) != WASM_EXTERN_FUNC)
            {
                Console.WriteLine("> Error accessing export!");
                return 1;
            }

            wasm_func_t* func = wasm_extern_as_func(exports.data[i]);

            Console.WriteLine($"Calling export {i}...");
            wasm_val_vec_t args = WASM_EMPTY_VEC;
            r_v[0] = WASM_INIT_VAL;
            wasm_val_vec_t results = WASM_ARRAY_VEC(r_v);
            wasm_trap_t* trap = wasm_func_call(func, &args, &results);
            if (trap == null)
            {
                Console.WriteLine("> Error calling function, expected trap!");
                return 1;
            }

            Console.WriteLine("Printing message...");
            wasm_message_t message;
            wasm_trap_message(trap, &message);
            Console.WriteLine("> " + message_text(&message));
            wasm_name_delete(&message);

            Console.WriteLine("Printing origin...");
            wasm_frame_t* frame = wasm_trap_origin(trap);
            if (frame != null)
            {
                print_frame(frame, instance);
                wasm_frame_delete(frame);
            }
            else
            {
                Console.WriteLine("> Empty origin.");
            }

            Console.WriteLine("Printing trace...");
            wasm_frame_vec_t trace = WASM_EMPTY_VEC;
            wasm_trap_trace(trap, &trace);
            if (trace.size > 0)
            {
                for (nuint j = 0; j < trace.size; ++j)
                {
                    print_frame(trace.data[j], instance);
                }
            }
            else
            {
                Console.WriteLine("> Empty trace.");
            }

            wasm_frame_vec_delete(&trace);
            wasm_trap_delete(trap);
        }

        wasm_extern_vec_delete(&exports);

        // A trap the host makes itself carries its message as given, and no frames.
        Console.WriteLine("Making a trap on the host...");
        wasm_message_t host_message;
        fixed (byte* text = "made by the host"u8)
        {
            wasm_name_new_from_string(&host_message, text);
        }

        wasm_trap_t* host_trap = wasm_trap_new(store, &host_message);
        wasm_name_delete(&host_message);
        wasm_trap_message(host_trap, &host_message);
        wasm_frame_t* host_origin = wasm_trap_origin(host_trap);
        wasm_frame_vec_t host_trace = WASM_EMPTY_VEC;
        wasm_trap_trace(host_trap, &host_trace);
        Console.WriteLine($"> {message_text(&host_message)}: origin {(host_origin == null ? "none" : "present")}, {host_trace.size} frames");
        wasm_name_delete(&host_message);
        wasm_frame_vec_delete(&host_trace);
        wasm_trap_delete(host_trap);

        // Shut down.
        Console.WriteLine("Shutting down...");
        wasm_store_delete(store);
        wasm_engine_delete(engine);

        // All done.
        Console.WriteLine("Done.");
        return 0;
    }
}
