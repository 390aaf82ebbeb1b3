using System.Collections.Generic;
using System.Linq;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Emitting;

/// <summary>Turns C types into blittable C# type names.</summary>
public sealed class TypeMapper
{
    private readonly TypeTable _types;

    /// <summary>Maps with the lookups of <paramref name="types"/>.</summary>
    public TypeMapper(TypeTable types) => _types = types;

    /// <summary>
    /// The C# type for <paramref name="type"/>. Arrays become pointers (as C passes them); use
    /// <see cref="TypeTable.Resolve"/> first where an array must stay an array (struct fields).
    /// </summary>
    public string Map(CType type)
    {
        switch (type)
        {
            case CPrimitiveType p:
                return PrimitiveTypes.ToCSharp(p.Name, _types.PointerSize);
            case CPointerType { Pointee: CFunctionType f }:
                return FunctionPointer(f);
            case CPointerType ptr:
                return Map(ptr.Pointee) + "*";
            case CArrayType a:
                return Map(a.Element) + "*";
            case CFunctionType f:
                return FunctionPointer(f);
            case CTagRef { Kind: TagKind.Enum } e:
                return _types.BindingOfEnum(e.Tag)?.CSharpName ?? "int";
            case CTagRef r:
                return Identifiers.Escape(r.Tag);
            case CTypedefRef t:
                return MapTypedef(t.Name);
            default:
                return "void";
        }
    }

    /// <summary>Whether <paramref name="typedefName"/> is bound as a one-field struct around a pointer.</summary>
    public bool IsPointerTypedef(string typedefName) =>
        _types.Typedef(typedefName) is { Type: CPointerType { Pointee: not CFunctionType } };

    /// <summary>Whether <paramref name="typedefName"/> names a function pointer type.</summary>
    public bool IsFunctionPointerTypedef(string typedefName) =>
        _types.Resolve(new CTypedefRef(typedefName)) is CPointerType { Pointee: CFunctionType } or CFunctionType;

    private string MapTypedef(string name)
    {
        if (_types.BindingOfTypedef(name) is { } binding)
        {
            return binding.CSharpName;
        }

        TypedefDecl? t = _types.Typedef(name);
        if (t is null)
        {
            // Built-in names the parser left as typedef references.
            return PrimitiveTypes.ToCSharp(name, _types.PointerSize);
        }

        switch (t.Type)
        {
            case CPointerType { Pointee: CFunctionType f }:
                return FunctionPointer(f);
            case CPointerType:
                // A typedef of a pointer is bound as a struct of that name, so that `wasm_module_t*` ports unchanged.
                return Identifiers.Escape(name);
            case CTagRef { Kind: TagKind.Struct or TagKind.Union } r:
                return Identifiers.Escape(r.Tag);
            default:
                return Map(t.Type);
        }
    }

    private string FunctionPointer(CFunctionType f)
    {
        IEnumerable<string> parts = f.Parameters.Select(p => Map(p.Type)).Concat(new[] { Map(f.ReturnType) });
        return "delegate* unmanaged[Cdecl]<" + string.Join(", ", parts) + ">";
    }
}
