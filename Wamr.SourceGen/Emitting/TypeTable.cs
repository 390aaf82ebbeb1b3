using System.Collections.Generic;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// Lookups over a <see cref="HeaderModel"/> that the emitters share: typedefs, records, enums, and which
/// typedefs stand for which enum (<c>typedef uint8_t wasm_valkind_t;</c> + <c>enum wasm_valkind_enum</c>).
/// </summary>
public sealed class TypeTable
{
    private readonly Dictionary<string, TypedefDecl> _typedefs = new();
    private readonly Dictionary<string, RecordDecl> _records = new();
    private readonly Dictionary<string, EnumDecl> _enumsByName = new();
    private readonly Dictionary<string, EnumBinding> _enumBindingByEnum = new();
    private readonly Dictionary<string, EnumBinding> _enumBindingByTypedef = new();
    private readonly HashSet<string> _functions = new();

    /// <summary>Indexes <paramref name="model"/>.</summary>
    public TypeTable(HeaderModel model, int pointerSize)
    {
        Model = model;
        PointerSize = pointerSize;
        foreach (TypedefDecl t in model.Typedefs)
        {
            _typedefs[t.Name] = t;
        }

        foreach (RecordDecl r in model.Records)
        {
            _records[r.Name] = r;
        }

        foreach (FunctionDecl f in model.Functions)
        {
            _functions.Add(f.Name);
        }

        foreach (EnumDecl e in model.Enums)
        {
            _enumsByName[e.Name] = e;
        }

        foreach (EnumDecl e in model.Enums)
        {
            EnumBinding? binding = FindBinding(e);
            if (binding is not null)
            {
                _enumBindingByEnum[e.Name] = binding;
                if (binding.Typedef is not null)
                {
                    _enumBindingByTypedef[binding.Typedef] = binding;
                }
            }
        }
    }

    /// <summary>The model.</summary>
    public HeaderModel Model { get; }

    /// <summary>The target's pointer size.</summary>
    public int PointerSize { get; }

    /// <summary>The typedef named <paramref name="name"/>, if any.</summary>
    public TypedefDecl? Typedef(string name) => _typedefs.TryGetValue(name, out TypedefDecl? t) ? t : null;

    /// <summary>The record named <paramref name="name"/>, if any.</summary>
    public RecordDecl? Record(string name) => _records.TryGetValue(name, out RecordDecl? r) ? r : null;

    /// <summary>Whether a non-inline or inline function of that name is declared.</summary>
    public bool IsFunction(string name) => _functions.Contains(name);

    /// <summary>How an enum is bound (null for an anonymous enum with no typedef: its members become plain constants).</summary>
    public EnumBinding? BindingOfEnum(string enumName) => _enumBindingByEnum.TryGetValue(enumName, out EnumBinding? b) ? b : null;

    /// <summary>The enum a typedef stands for, if any.</summary>
    public EnumBinding? BindingOfTypedef(string typedefName) => _enumBindingByTypedef.TryGetValue(typedefName, out EnumBinding? b) ? b : null;

    /// <summary>Follows typedefs until a type that is not a typedef name.</summary>
    public CType Resolve(CType type)
    {
        int guard = 0;
        while (type is CTypedefRef r && Typedef(r.Name) is { } t && guard++ < 64)
        {
            type = t.Type;
        }

        return type;
    }

    private EnumBinding? FindBinding(EnumDecl e)
    {
        // typedef enum {...} name;  /  typedef enum tag name;
        foreach (TypedefDecl t in Model.Typedefs)
        {
            if (t.Type is CTagRef { Kind: TagKind.Enum } tag && tag.Tag == e.Name)
            {
                return new EnumBinding(e, t.Name, UnderlyingOf(e), t.Name);
            }
        }

        // typedef uint8_t wasm_valkind_t;  enum wasm_valkind_enum {...};
        if (e.Name.EndsWith("_enum", System.StringComparison.Ordinal))
        {
            string typedefName = e.Name.Substring(0, e.Name.Length - "_enum".Length) + "_t";
            if (Typedef(typedefName) is { } t && Resolve(t.Type) is CPrimitiveType p && PrimitiveTypes.IsInteger(p.Name))
            {
                return new EnumBinding(e, typedefName, PrimitiveTypes.ToCSharp(p.Name, PointerSize), typedefName);
            }
        }

        if (!e.IsAnonymous)
        {
            return new EnumBinding(e, e.Name, UnderlyingOf(e), null);
        }

        return null;
    }

    private static string UnderlyingOf(EnumDecl e)
    {
        long min = 0, max = 0;
        foreach (EnumMember m in e.Members)
        {
            min = System.Math.Min(min, m.Value);
            max = System.Math.Max(max, m.Value);
        }

        if (min >= int.MinValue && max <= int.MaxValue)
        {
            return "int";
        }

        return min >= 0 && max <= uint.MaxValue ? "uint" : "long";
    }
}

/// <summary>A C enum bound as a C# enum.</summary>
/// <param name="Enum">The C enum.</param>
/// <param name="CSharpName">The C# enum's name (the typedef's name when one stands for it).</param>
/// <param name="Underlying">The C# underlying type.</param>
/// <param name="Typedef">The typedef that stands for it, if any.</param>
public sealed record EnumBinding(EnumDecl Enum, string CSharpName, string Underlying, string? Typedef);
