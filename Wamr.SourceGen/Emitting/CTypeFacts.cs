using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// What C says about a type, for translating bodies: its category (integer, floating, pointer, record …), the
/// canonical name and width of arithmetic types, integer promotion and the usual arithmetic conversions.
/// Typedefs are followed; an enum type is an <c>int</c>, as in C.
/// </summary>
internal sealed class CTypeFacts
{
    private readonly TypeTable _types;

    public CTypeFacts(TypeTable types) => _types = types;

    public static CPrimitiveType Int { get; } = new("int");

    public static CPrimitiveType SizeT { get; } = new("size_t");

    public static CPrimitiveType VoidType { get; } = new("void");

    public static CPointerType VoidPointer { get; } = new(new CPrimitiveType("void"));

    public int PointerSize => _types.PointerSize;

    /// <summary>The type with typedefs followed and arrays left as arrays.</summary>
    public CType Resolve(CType type) => _types.Resolve(type);

    public bool IsVoid(CType type) => Resolve(type) is CPrimitiveType { Name: "void" };

    public bool IsPointer(CType type) => Resolve(type) is CPointerType;

    public bool IsArray(CType type) => Resolve(type) is CArrayType;

    /// <summary>Pointers, and arrays (which decay to pointers).</summary>
    public bool IsPointerLike(CType type) => Resolve(type) is CPointerType or CArrayType;

    /// <summary>The element of a pointer or array type, or null.</summary>
    public CType? Pointee(CType type) => Resolve(type) switch
    {
        CPointerType p => p.Pointee,
        CArrayType a => a.Element,
        _ => null,
    };

    /// <summary>The function type a value of <paramref name="type"/> calls (a function pointer), or null.</summary>
    public CFunctionType? FunctionPointer(CType type) => Resolve(type) switch
    {
        CPointerType { Pointee: var p } when Resolve(p) is CFunctionType f => f,
        CFunctionType f => f,
        _ => null,
    };

    /// <summary>The struct or union a type names, or null.</summary>
    public RecordDecl? Record(CType type) =>
        Resolve(type) is CTagRef { Kind: TagKind.Struct or TagKind.Union } tag ? _types.Record(tag.Tag) : null;

    public bool IsEnum(CType type) => Resolve(type) is CTagRef { Kind: TagKind.Enum };

    /// <summary>The canonical arithmetic name (<c>int</c>, <c>uint8_t</c>, <c>double</c>…), an enum being <c>int</c>; null for others.</summary>
    public string? Arithmetic(CType type) => Resolve(type) switch
    {
        CPrimitiveType { Name: "void" } => null,
        CPrimitiveType p => p.Name,
        CTagRef { Kind: TagKind.Enum } => "int",
        _ => null,
    };

    public bool IsArithmetic(CType type) => Arithmetic(type) is not null;

    public bool IsInteger(CType type) => Arithmetic(type) is { } name && !Parsing.PrimitiveTypes.IsFloating(name);

    public bool IsScalar(CType type) => IsArithmetic(type) || IsPointerLike(type);

    /// <summary>Size and signedness of an integer type.</summary>
    public (int Size, bool Unsigned) IntegerInfo(string canonical)
    {
        if (Parsing.PrimitiveTypes.TryGetIntegerInfo(canonical, PointerSize, out int size, out bool isUnsigned))
        {
            return (size, isUnsigned);
        }

        return (4, false);
    }

    /// <summary>C's integer promotion: types narrower than <c>int</c> become <c>int</c>.</summary>
    public CType Promote(CType type)
    {
        string? name = Arithmetic(type);
        if (name is null || Parsing.PrimitiveTypes.IsFloating(name))
        {
            return type;
        }

        (int size, _) = IntegerInfo(name);
        return size < 4 ? Int : type;
    }

    /// <summary>C's usual arithmetic conversions: the common type of two arithmetic operands.</summary>
    public CType UsualArithmetic(CType left, CType right)
    {
        string l = Arithmetic(left) ?? "int", r = Arithmetic(right) ?? "int";
        if (l == "long double" || r == "long double")
        {
            return new CPrimitiveType("long double");
        }

        if (l == "double" || r == "double")
        {
            return new CPrimitiveType("double");
        }

        if (l == "float" || r == "float")
        {
            return new CPrimitiveType("float");
        }

        CType pl = Promote(left), pr = Promote(right);
        (int ls, bool lu) = IntegerInfo(Arithmetic(pl)!);
        (int rs, bool ru) = IntegerInfo(Arithmetic(pr)!);
        if (ls == rs && lu == ru)
        {
            // Same width and signedness: keep the left's spelling (size_t stays size_t).
            return Strip(pl);
        }

        if (lu == ru)
        {
            return Strip(ls > rs ? pl : pr);
        }

        // One signed, one unsigned.
        (CType u, int us, CType s, int ss) = lu ? (pl, ls, pr, rs) : (pr, rs, pl, ls);
        if (us >= ss)
        {
            return Strip(u);
        }

        // The signed type is wider: it can hold every value of the unsigned one.
        return Strip(s);
    }

    /// <summary>The C type of an integer with <paramref name="size"/> bytes and that signedness.</summary>
    public static CPrimitiveType IntegerOfSize(int size, bool isUnsigned) => (size, isUnsigned) switch
    {
        (1, false) => new CPrimitiveType("int8_t"),
        (1, true) => new CPrimitiveType("uint8_t"),
        (2, false) => new CPrimitiveType("int16_t"),
        (2, true) => new CPrimitiveType("uint16_t"),
        (4, false) => Int,
        (4, true) => new CPrimitiveType("unsigned int"),
        (8, false) => new CPrimitiveType("int64_t"),
        _ => new CPrimitiveType("uint64_t"),
    };

    /// <summary>The type without <c>const</c> on its outermost level.</summary>
    public static CType Strip(CType type) => type switch
    {
        CPrimitiveType { IsConst: true } p => p with { IsConst = false },
        CTypedefRef { IsConst: true } t => t with { IsConst = false },
        CTagRef { IsConst: true } t => t with { IsConst = false },
        _ => type,
    };
}
