using System.Collections.Generic;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// What the translator needs to know about the C# types the bindings use: which are numeric, enums, pointers,
/// or pointer wrappers (typedefs of pointers bound as one-field structs), and which conversions C# makes implicitly.
/// </summary>
internal sealed class CSharpTypes
{
    private static readonly Dictionary<string, string[]> ImplicitNumeric = new()
    {
        ["sbyte"] = new[] { "short", "int", "long", "float", "double", "nint" },
        ["byte"] = new[] { "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "nint", "nuint" },
        ["short"] = new[] { "int", "long", "float", "double", "nint" },
        ["ushort"] = new[] { "int", "uint", "long", "ulong", "float", "double", "nint", "nuint" },
        ["char"] = new[] { "ushort", "int", "uint", "long", "ulong", "float", "double", "nint", "nuint" },
        ["int"] = new[] { "long", "float", "double", "nint" },
        ["uint"] = new[] { "long", "ulong", "float", "double", "nuint" },
        ["long"] = new[] { "float", "double" },
        ["ulong"] = new[] { "float", "double" },
        ["nint"] = new[] { "long", "float", "double" },
        ["nuint"] = new[] { "ulong", "float", "double" },
        ["float"] = new[] { "double" },
        ["double"] = new string[0],
    };

    private readonly HashSet<string> _enums = new();
    private readonly Dictionary<string, string> _wrappers = new();

    public CSharpTypes(TypeTable types, TypeMapper mapper)
    {
        foreach (EnumDecl e in types.Model.Enums)
        {
            if (types.BindingOfEnum(e.Name) is { } binding)
            {
                _enums.Add(Identifiers.Escape(binding.CSharpName));
            }
        }

        foreach (TypedefDecl t in types.Model.Typedefs)
        {
            if (mapper.IsPointerTypedef(t.Name))
            {
                _wrappers[Identifiers.Escape(t.Name)] = mapper.Map(t.Type);
            }
        }
    }

    public static bool IsNumeric(string cs) => ImplicitNumeric.ContainsKey(cs);

    public static bool IsIntegral(string cs) => IsNumeric(cs) && cs is not "float" and not "double";

    public static bool IsUnsigned(string cs) => cs is "byte" or "ushort" or "uint" or "ulong" or "nuint" or "char";

    public static bool IsPointer(string cs) => cs.EndsWith("*", System.StringComparison.Ordinal) || cs.StartsWith("delegate*", System.StringComparison.Ordinal);

    /// <summary>C's <c>long</c> and <c>unsigned long</c>, whose width depends on the OS: no arithmetic on them is translated.</summary>
    public static bool IsCLong(string cs) => cs.StartsWith("global::System.Runtime.InteropServices.C", System.StringComparison.Ordinal);

    public bool IsEnum(string cs) => _enums.Contains(cs);

    /// <summary>The pointer type a pointer wrapper holds, or null when <paramref name="cs"/> is not one.</summary>
    public string? WrapperPointer(string cs) => _wrappers.TryGetValue(cs, out string? pointer) ? pointer : null;

    /// <summary>Whether C# converts a value of <paramref name="from"/> to <paramref name="to"/> implicitly (numeric types only).</summary>
    public static bool IsImplicitNumeric(string from, string to) =>
        from == to || (ImplicitNumeric.TryGetValue(from, out string[]? targets) && System.Array.IndexOf(targets, to) >= 0);

    /// <summary>Whether an <c>int</c> constant of <paramref name="value"/> converts implicitly to <paramref name="to"/> (C#'s constant conversions).</summary>
    public static bool ConstantFits(ConstantValue value, string to)
    {
        if (value.IsUnsigned || value.Bits < int.MinValue || value.Bits > int.MaxValue)
        {
            return false;
        }

        long v = value.Bits;
        return to switch
        {
            "sbyte" => v is >= sbyte.MinValue and <= sbyte.MaxValue,
            "byte" => v is >= 0 and <= byte.MaxValue,
            "short" => v is >= short.MinValue and <= short.MaxValue,
            "ushort" => v is >= 0 and <= ushort.MaxValue,
            "uint" or "ulong" or "nuint" => v >= 0,
            "int" or "long" or "nint" or "float" or "double" => true,
            _ => false,
        };
    }

    /// <summary>The C type that a C# primitive stands for in the bindings.</summary>
    public static CPrimitiveType? CTypeOf(string cs) => cs switch
    {
        "sbyte" => new CPrimitiveType("int8_t"),
        "byte" => new CPrimitiveType("uint8_t"),
        "short" => new CPrimitiveType("int16_t"),
        "ushort" => new CPrimitiveType("uint16_t"),
        "int" => new CPrimitiveType("int"),
        "uint" => new CPrimitiveType("unsigned int"),
        "long" => new CPrimitiveType("int64_t"),
        "ulong" => new CPrimitiveType("uint64_t"),
        "nint" => new CPrimitiveType("intptr_t"),
        "nuint" => new CPrimitiveType("size_t"),
        "float" => new CPrimitiveType("float"),
        "double" => new CPrimitiveType("double"),
        "bool" => new CPrimitiveType("_Bool"),
        _ => null,
    };
}
