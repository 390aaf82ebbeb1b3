using System;
using System.Text;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>Makes type objects for tests and compares them by contents (an engine must be alive).</summary>
internal static unsafe class TypeSignatures
{
    private static readonly wasm_valkind_t[] Kinds = [WASM_I32, WASM_I64, WASM_F32, WASM_F64];

    /// <summary>A byte vector holding the UTF-8 of <paramref name="text"/> (no terminating zero).</summary>
    public static wasm_byte_vec_t Name(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        wasm_byte_vec_t name;
        fixed (byte* data = bytes)
        {
            wasm_byte_vec_new(&name, (nuint)bytes.Length, data);
        }

        return name;
    }

    /// <summary>The text of a byte vector (UTF-8).</summary>
    public static string Text(wasm_byte_vec_t* name) =>
        name == null ? "<null>" : name->size == 0 ? string.Empty : Encoding.UTF8.GetString(name->data, checked((int)name->size));

    /// <summary>A vector of <paramref name="count"/> value types: i32, i64, f32, f64, i32, …</summary>
    public static wasm_valtype_vec_t Valtypes(int count)
    {
        var types = new wasm_valtype_t*[count];
        for (int i = 0; i < count; i++)
        {
            types[i] = wasm_valtype_new(Kinds[i % Kinds.Length]);
        }

        return wasm_valtype_vec_t.Create(types);
    }

    /// <summary>A function type with <paramref name="parameters"/> and <paramref name="results"/> value types (see <see cref="Valtypes"/>).</summary>
    public static wasm_functype_t* Functype(int parameters, int results)
    {
        wasm_valtype_vec_t p = Valtypes(parameters), r = Valtypes(results);
        wasm_functype_t* type = wasm_functype_new(&p, &r); // takes over both vectors' contents
        Assert.IsTrue(type != null, "wasm_functype_new");
        return type;
    }

    /// <summary>The kinds of a value-type vector, e.g. <c>i32 i64</c>.</summary>
    public static string KindList(wasm_valtype_vec_t* types)
    {
        if (types == null)
        {
            return "<null>";
        }

        var text = new StringBuilder();
        for (nuint i = 0; i < types->num_elems; i++)
        {
            text.Append(i == 0 ? string.Empty : " ").Append(Short(wasm_valtype_kind(types->data[i])));
        }

        return text.ToString();
    }

    /// <summary>The WebAssembly text name of a value kind (<c>i32</c>, <c>funcref</c>), or its number.</summary>
    public static string Short(wasm_valkind_t kind) => kind switch
    {
        WASM_I32 => "i32",
        WASM_I64 => "i64",
        WASM_F32 => "f32",
        WASM_F64 => "f64",
        WASM_ANYREF => "anyref",
        WASM_FUNCREF => "funcref",
        _ => ((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Whether two function types have the same parameter and result kinds.</summary>
    public static bool SameFunctype(nint a, nint b) =>
        KindList(wasm_functype_params((wasm_functype_t*)a)) == KindList(wasm_functype_params((wasm_functype_t*)b))
        && KindList(wasm_functype_results((wasm_functype_t*)a)) == KindList(wasm_functype_results((wasm_functype_t*)b));

    /// <summary>A memory type with limits <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static wasm_memorytype_t* Memorytype(uint min, uint max)
    {
        wasm_limits_t limits = new() { min = min, max = max };
        wasm_memorytype_t* type = wasm_memorytype_new(&limits);
        Assert.IsTrue(type != null, "wasm_memorytype_new");
        return type;
    }

    /// <summary>An import type; takes over <paramref name="type"/>.</summary>
    public static wasm_importtype_t* Importtype(string module, string name, wasm_externtype_t* type)
    {
        wasm_byte_vec_t m = Name(module), n = Name(name);
        wasm_importtype_t* import = wasm_importtype_new(&m, &n, type); // takes over both names' contents
        Assert.IsTrue(import != null, "wasm_importtype_new");
        return import;
    }

    /// <summary>An export type; takes over <paramref name="type"/>.</summary>
    public static wasm_exporttype_t* Exporttype(string name, wasm_externtype_t* type)
    {
        wasm_byte_vec_t n = Name(name);
        wasm_exporttype_t* export = wasm_exporttype_new(&n, type);
        Assert.IsTrue(export != null, "wasm_exporttype_new");
        return export;
    }

    /// <summary>A description of an external type's kind and contents, e.g. <c>func (I32) -> (I64)</c>.</summary>
    public static string Describe(wasm_externtype_t* type)
    {
        if (type == null)
        {
            return "<null>";
        }

        wasm_externkind_t kind = wasm_externtype_kind(type);
        return kind switch
        {
            WASM_EXTERN_FUNC => $"func ({KindList(wasm_functype_params(wasm_externtype_as_functype(type)))}) -> ({KindList(wasm_functype_results(wasm_externtype_as_functype(type)))})",
            WASM_EXTERN_GLOBAL => $"global {Short(wasm_valtype_kind(wasm_globaltype_content(wasm_externtype_as_globaltype(type))))} {(wasm_globaltype_mutability(wasm_externtype_as_globaltype(type)) == WASM_VAR ? "var" : "const")}",
            WASM_EXTERN_TABLE => $"table {Short(wasm_valtype_kind(wasm_tabletype_element(wasm_externtype_as_tabletype(type))))} {Limits(wasm_tabletype_limits(wasm_externtype_as_tabletype(type)))}",
            WASM_EXTERN_MEMORY => $"memory {Limits(wasm_memorytype_limits(wasm_externtype_as_memorytype(type)))}",
            _ => "kind " + kind,
        };
    }

    /// <summary>Limits as text, <c>1..2</c>.</summary>
    public static string Limits(wasm_limits_t* limits) => limits == null ? "<null>" : $"{limits->min}..{limits->max}";

    /// <summary>Whether two import types have the same module, name and type.</summary>
    public static bool SameImporttype(nint a, nint b)
    {
        var x = (wasm_importtype_t*)a;
        var y = (wasm_importtype_t*)b;
        return Text(wasm_importtype_module(x)) == Text(wasm_importtype_module(y))
            && Text(wasm_importtype_name(x)) == Text(wasm_importtype_name(y))
            && Describe(wasm_importtype_type(x)) == Describe(wasm_importtype_type(y));
    }

    /// <summary>Whether two export types have the same name and type.</summary>
    public static bool SameExporttype(nint a, nint b)
    {
        var x = (wasm_exporttype_t*)a;
        var y = (wasm_exporttype_t*)b;
        return Text(wasm_exporttype_name(x)) == Text(wasm_exporttype_name(y)) && Describe(wasm_exporttype_type(x)) == Describe(wasm_exporttype_type(y));
    }
}
