// One program, two ways of getting the bindings: RuntimeHello takes them from the Wamr.Runtime package
// (namespace Wamr.Interop), SourceGenHello generates its own from wasm_c_api.h with the Wamr.SourceGen
// package (namespace My.Wasm). Each project imports its namespace and `using static …WasmCApi`.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

internal static unsafe class Program
{
    public static int Main()
    {
        wasm_engine_t* engine = wasm_engine_new();
        wasm_store_t* store = wasm_store_new(engine);

        byte[] bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "hello.wasm"));
        wasm_byte_vec_t binary = wasm_byte_vec_t.Create(bytes);
        wasm_module_t* module = wasm_module_new(store, &binary);
        binary.Dispose();
        if (module == null)
        {
            Console.Error.WriteLine("Error compiling module!");
            return 1;
        }

        wasm_functype_t* hello_type = wasm_functype_new_0_0();
        wasm_func_t* hello_func = wasm_func_new(store, hello_type, &Hello);
        wasm_functype_delete(hello_type);

        wasm_extern_t** externs = stackalloc wasm_extern_t*[] { wasm_func_as_extern(hello_func) };
        wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs, 1);
        wasm_instance_t* instance = wasm_instance_new(store, module, &imports, null);
        if (instance == null)
        {
            Console.Error.WriteLine("Error instantiating module!");
            return 1;
        }

        wasm_extern_vec_t exports;
        wasm_instance_exports(instance, &exports);
        wasm_func_t* run_func = wasm_extern_as_func(exports.data[0]);

        wasm_val_vec_t args = WASM_EMPTY_VEC;
        wasm_val_vec_t results = WASM_EMPTY_VEC;
        wasm_trap_t* trap = wasm_func_call(run_func, &args, &results);
        if (trap != null)
        {
            Console.Error.WriteLine("Error calling function!");
            wasm_trap_delete(trap);
            return 1;
        }

        wasm_extern_vec_delete(&exports);
        wasm_instance_delete(instance);
        wasm_func_delete(hello_func);
        wasm_module_delete(module);
        wasm_store_delete(store);
        wasm_engine_delete(engine);
        Console.WriteLine("Done.");
        return 0;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static wasm_trap_t* Hello(wasm_val_vec_t* args, wasm_val_vec_t* results)
    {
        Console.WriteLine("Hello World");
        return null;
    }
}
