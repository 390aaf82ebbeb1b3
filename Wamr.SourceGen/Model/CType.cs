using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Model;

/// <summary>
/// A C type as written in a header, after macro expansion. Qualifiers other than <c>const</c> are dropped;
/// <c>const</c> is kept for documentation only (it does not change a binding).
/// </summary>
public abstract record CType;

/// <summary>
/// A built-in arithmetic type or <c>void</c>, by a canonical spelling: <c>void</c>, <c>_Bool</c>, <c>char</c>,
/// <c>signed char</c>, <c>unsigned char</c>, <c>short</c>, <c>unsigned short</c>, <c>int</c>, <c>unsigned int</c>,
/// <c>long</c>, <c>unsigned long</c>, <c>long long</c>, <c>unsigned long long</c>, <c>float</c>, <c>double</c>,
/// <c>long double</c>, or one of the types of the built-in system headers: <c>int8_t</c> … <c>uint64_t</c>,
/// <c>intptr_t</c>, <c>uintptr_t</c>, <c>size_t</c>, <c>ptrdiff_t</c>.
/// </summary>
/// <param name="Name">The canonical spelling.</param>
/// <param name="IsConst">Whether it was qualified <c>const</c>.</param>
public sealed record CPrimitiveType(string Name, bool IsConst = false) : CType;

/// <summary>A use of a typedef name.</summary>
/// <param name="Name">The typedef's name.</param>
/// <param name="IsConst">Whether it was qualified <c>const</c>.</param>
public sealed record CTypedefRef(string Name, bool IsConst = false) : CType;

/// <summary>A use of a struct, union or enum by tag (<c>struct wasm_ref_t</c>), or of an anonymous one by the name the parser gave it.</summary>
/// <param name="Kind">Which kind of tag.</param>
/// <param name="Tag">The tag (for anonymous ones: the synthesized name of the record in the model).</param>
/// <param name="IsConst">Whether it was qualified <c>const</c>.</param>
public sealed record CTagRef(TagKind Kind, string Tag, bool IsConst = false) : CType;

/// <summary>A pointer.</summary>
/// <param name="Pointee">The type pointed to.</param>
/// <param name="IsConst">Whether the pointer itself is <c>const</c> (<c>T* const</c>).</param>
public sealed record CPointerType(CType Pointee, bool IsConst = false) : CType;

/// <summary>An array; <see cref="Length"/> is null for <c>T[]</c>.</summary>
/// <param name="Element">The element type.</param>
/// <param name="Length">The evaluated length, or null when none was written.</param>
public sealed record CArrayType(CType Element, long? Length) : CType;

/// <summary>A function type (seen through a pointer: <c>void (*)(void*)</c>).</summary>
/// <param name="ReturnType">The result.</param>
/// <param name="Parameters">The parameters (empty for <c>(void)</c>).</param>
/// <param name="IsVariadic">Whether it ends with <c>...</c>.</param>
public sealed record CFunctionType(CType ReturnType, EquatableArray<CParameter> Parameters, bool IsVariadic) : CType;

/// <summary>A parameter of a function or function type.</summary>
/// <param name="Name">The name, or null when unnamed.</param>
/// <param name="Type">The type as declared (arrays are kept as arrays; they are passed as pointers).</param>
public sealed record CParameter(string? Name, CType Type);

/// <summary>The kinds of tagged types.</summary>
public enum TagKind
{
    /// <summary><c>struct</c></summary>
    Struct,

    /// <summary><c>union</c></summary>
    Union,

    /// <summary><c>enum</c></summary>
    Enum,
}
