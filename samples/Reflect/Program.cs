using System;
using System.IO;
using System.Text;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

// Reflect: lists a module's exports with the types the module declares (wasm_module_exports) and the
// types of the instance's externs (wasm_extern_type), and the arity of each function.
internal static unsafe class Program
{
    private static void print_mutability(wasm_mutability_t mutability)
    {
        switch (mutability)
        {
            case WASM_VAR: Console.Write("var"); break;
            case WASM_CONST: Console.Write("const"); break;
        }
    }

    private static void print_limits(wasm_limits_t* limits)
    {
        Console.Write(limits->min);
        if (limits->max < wasm_limits_max_default)
        {
            Console.Write(" " + limits->max);
        }
    }

    private static void print_valtype(wasm_valtype_t* type)
    {
        switch (wasm_valtype_kind(type))
        {
            case WASM_I32: Console.Write("i32"); break;
            case WASM_I64: Console.Write("i64"); break;
            case WASM_F32: Console.Write("f32"); break;
            case WASM_F64: Console.Write("f64"); break;
            case WASM_ANYREF: Console.Write("anyref"); break;
            case WASM_FUNCREF: Console.Write("funcref"); break;
        }
    }

    private static void print_valtypes(wasm_valtype_vec_t* types)
    {
        bool first = true;
        for (nuint i = 0; i < types->size; ++i)
        {
            if (first)
            {
                first = false;
            }
            else
            {
                Console.Write(" ");
            }

            print_valtype(types->data[i]);
        }
    }

    private static void print_externtype(wasm_externtype_t* type)
    {
        switch (wasm_externtype_kind(type))
        {
            case WASM_EXTERN_FUNC:
                {
                    wasm_functype_t* functype = wasm_externtype_as_functype_const(type);
                    Console.Write("func ");
                    print_valtypes(wasm_functype_params(functype));
                    Console.Write(" -> ");
                    print_valtypes(wasm_functype_results(functype));
                    break;
                }
            case WASM_EXTERN_GLOBAL:
                {
                    wasm_globaltype_t* globaltype = wasm_externtype_as_globaltype_const(type);
                    Console.Write("global ");
                    print_mutability(wasm_globaltype_mutability(globaltype));
                    Console.Write(" ");
                    print_valtype(wasm_globaltype_content(globaltype));
                    break;
                }
            case WASM_EXTERN_TABLE:
                {
                    wasm_tabletype_t* tabletype = wasm_externtype_as_tabletype_const(type);
                    Console.Write("table ");
                    print_limits(wasm_tabletype_limits(tabletype));
                    Console.Write(" ");
                    print_valtype(wasm_tabletype_element(tabletype));
                    break;
                }
            case WASM_EXTERN_MEMORY:
                {
                    wasm_memorytype_t* memorytype = wasm_externtype_as_memorytype_const(type);
                    Console.Write("memory ");
                    print_limits(wasm_memorytype_limits(memorytype));
                    break;
                }
        }
    }

    private static void print_name(wasm_name_t* name)
    {
        Console.Write("\"" + Encoding.UTF8.GetString(name->AsSpan()) + "\"");
    }

    private static int Main()
    {
        // Initialize.
        Console.WriteLine("Initializing...");
        wasm_engine_t* engine = wasm_engine_new();
        wasm_store_t* store = wasm_store_new(engine);

        // Load binary.
        Console.WriteLine("Loading binary...");
        string path = Path.Combine(AppContext.BaseDirectory, "reflect.wasm");
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
        wasm_instance_t* instance = wasm_instance_new(store, module, null, null);
        if (instance == null)
        {
            Console.WriteLine("> Error instantiating module!");
            return 1;
        }

        // Extract export.
        Console.WriteLine("Extracting export...");
        wasm_exporttype_vec_t export_types;
        wasm_extern_vec_t exports;
        wasm_module_exports(module, &export_types);
        wasm_instance_exports(instance, &exports);
        if (exports.size != export_types.size)
        {
            Console.WriteLine("> Error: the instance has another number of exports than its module!");
            return 1;
        }

        for (nuint i = 0; i < exports.size; ++i)
        {
            if (wasm_extern_kind(exports.data[i]) != wasm_externtype_kind(wasm_exporttype_type(export_types.data[i])))
            {
                Console.WriteLine("> Error: an export's kind differs from its type's!");
                return 1;
            }

            Console.Write("> export " + i + " ");
            print_name(wasm_exporttype_name(export_types.data[i]));
            Console.WriteLine();
            Console.Write(">> initial: ");
            print_externtype(wasm_exporttype_type(export_types.data[i]));
            Console.WriteLine();
            Console.Write(">> current: ");
            wasm_externtype_t* current = wasm_extern_type(exports.data[i]);
            print_externtype(current);
            wasm_externtype_delete(current);
            Console.WriteLine();
            if (wasm_extern_kind(exports.data[i]) == WASM_EXTERN_FUNC)
            {
                wasm_func_t* func = wasm_extern_as_func(exports.data[i]);
                Console.Write(">> in-arity: " + wasm_func_param_arity(func));
                Console.WriteLine(", out-arity: " + wasm_func_result_arity(func));
            }
        }

        // "memory" declares no maximum, which the C API would report as wasm_limits_max_default: WAMR 1.1.2
        // reports 65536 pages instead, or the minimum when the module has no memory.grow (as here).

        wasm_module_delete(module);
        wasm_instance_delete(instance);
        wasm_extern_vec_delete(&exports);
        wasm_exporttype_vec_delete(&export_types);

        // Shut down.
        Console.WriteLine("Shutting down...");
        wasm_store_delete(store);
        wasm_engine_delete(engine);

        // All done.
        Console.WriteLine("Done.");
        return 0;
    }
}
