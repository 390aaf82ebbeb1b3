using System.Linq;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Emitting;

/// <summary>Prints C types and prototypes back as C, for doc comments that show what a binding binds.</summary>
public static class CTypePrinter
{
    /// <summary>A declaration of <paramref name="name"/> with type <paramref name="type"/> (<c>const char* s</c>).</summary>
    public static string Declare(CType type, string? name)
    {
        string n = name ?? string.Empty;
        switch (type)
        {
            case CPointerType { Pointee: CFunctionType f } p:
                return Declare(f.ReturnType, null) + " (*" + (p.IsConst ? "const " : string.Empty) + n + ")(" + Parameters(f) + ")";
            case CPointerType p:
                return Declare(p.Pointee, null) + "*" + (p.IsConst ? " const" : string.Empty) + (n.Length > 0 ? " " + n : string.Empty);
            case CArrayType a:
                return Declare(a.Element, n) + "[" + (a.Length?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty) + "]";
            case CFunctionType f:
                return Declare(f.ReturnType, null) + " " + n + "(" + Parameters(f) + ")";
            default:
                return Name(type) + (n.Length > 0 ? " " + n : string.Empty);
        }
    }

    /// <summary>A whole prototype: <c>wasm_store_t* wasm_store_new(wasm_engine_t*)</c>.</summary>
    public static string Prototype(FunctionDecl f) =>
        Declare(f.ReturnType, null) + " " + f.Name + "(" + Parameters(new CFunctionType(f.ReturnType, f.Parameters, f.IsVariadic)) + ")";

    private static string Parameters(CFunctionType f)
    {
        if (f.Parameters.Count == 0)
        {
            return f.IsVariadic ? "..." : "void";
        }

        string list = string.Join(", ", f.Parameters.Select(p => Declare(p.Type, p.Name)));
        return f.IsVariadic ? list + ", ..." : list;
    }

    private static string Name(CType type) => type switch
    {
        CPrimitiveType p => (p.IsConst ? "const " : string.Empty) + p.Name,
        CTypedefRef t => (t.IsConst ? "const " : string.Empty) + t.Name,
        CTagRef r => (r.IsConst ? "const " : string.Empty) + r.Kind.ToString().ToLowerInvariant() + " " + r.Tag,
        _ => "?",
    };
}
