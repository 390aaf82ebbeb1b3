using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Model;

/// <summary>A declaration found in a header.</summary>
public abstract record Declaration
{
    /// <summary>The C name (tag, typedef, function or constant name).</summary>
    public abstract string Name { get; }

    /// <summary>Where it was declared.</summary>
    public abstract SourceLocation Location { get; }

    /// <summary>The comment written right before it, markers stripped; null when none.</summary>
    public abstract string? Doc { get; }
}

/// <summary>
/// A struct or union. A forward declaration with no body anywhere is <see cref="IsOpaque"/>. An anonymous
/// struct or union gets a synthesized <see cref="Name"/> (the enclosing record's name, <c>_</c>, the member
/// name, e.g. <c>wasm_val_t_of</c>) and <see cref="IsAnonymous"/>.
/// </summary>
public sealed record RecordDecl(
    string Name,
    TagKind Kind,
    EquatableArray<FieldDecl> Fields,
    bool IsOpaque,
    bool IsAnonymous,
    SourceLocation Location,
    string? Doc) : Declaration
{
    /// <inheritdoc />
    public override string Name { get; } = Name;

    /// <inheritdoc />
    public override SourceLocation Location { get; } = Location;

    /// <inheritdoc />
    public override string? Doc { get; } = Doc;
}

/// <summary>A member of a struct or union. <see cref="Name"/> is null for an anonymous struct/union member.</summary>
public sealed record FieldDecl(string? Name, CType Type, SourceLocation Location, string? Doc);

/// <summary>An enum, with every member's value evaluated.</summary>
/// <param name="Name">The tag, or a synthesized name for an anonymous enum (then <see cref="IsAnonymous"/>).</param>
/// <param name="Members">The members in order.</param>
/// <param name="IsAnonymous">Whether the enum had no tag.</param>
/// <param name="Location">Where it was declared.</param>
/// <param name="Doc">Its comment.</param>
public sealed record EnumDecl(
    string Name,
    EquatableArray<EnumMember> Members,
    bool IsAnonymous,
    SourceLocation Location,
    string? Doc) : Declaration
{
    /// <inheritdoc />
    public override string Name { get; } = Name;

    /// <inheritdoc />
    public override SourceLocation Location { get; } = Location;

    /// <inheritdoc />
    public override string? Doc { get; } = Doc;
}

/// <summary>A member of an enum and its value.</summary>
public sealed record EnumMember(string Name, long Value, SourceLocation Location, string? Doc);

/// <summary>A typedef: <see cref="Name"/> names <see cref="Type"/>.</summary>
public sealed record TypedefDecl(string Name, CType Type, SourceLocation Location, string? Doc) : Declaration
{
    /// <inheritdoc />
    public override string Name { get; } = Name;

    /// <inheritdoc />
    public override SourceLocation Location { get; } = Location;

    /// <inheritdoc />
    public override string? Doc { get; } = Doc;
}

/// <summary>A function prototype, or an inline function with its parsed <see cref="Body"/>.</summary>
/// <param name="Name">The function's name.</param>
/// <param name="ReturnType">Its result type.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="IsVariadic">Whether it ends with <c>...</c>.</param>
/// <param name="IsInline">Whether it is declared <c>inline</c>.</param>
/// <param name="Location">Where its name is.</param>
/// <param name="Doc">Its comment.</param>
/// <param name="Body">The body of a definition (inline functions), or null for a prototype.</param>
public sealed record FunctionDecl(
    string Name,
    CType ReturnType,
    EquatableArray<CParameter> Parameters,
    bool IsVariadic,
    bool IsInline,
    SourceLocation Location,
    string? Doc,
    FunctionBody? Body = null) : Declaration
{
    /// <inheritdoc />
    public override string Name { get; } = Name;

    /// <inheritdoc />
    public override SourceLocation Location { get; } = Location;

    /// <inheritdoc />
    public override string? Doc { get; } = Doc;
}

/// <summary>A <c>static const</c> object with a constant initializer.</summary>
/// <param name="Name">The name.</param>
/// <param name="Type">Its type.</param>
/// <param name="Value">The evaluated initializer (integers as <see cref="long"/>, unsigned 64-bit as <see cref="ulong"/>, floating as <see cref="double"/>), as invariant text.</param>
/// <param name="Location">Where it was declared.</param>
/// <param name="Doc">Its comment.</param>
public sealed record ConstantDecl(string Name, CType Type, string Value, SourceLocation Location, string? Doc) : Declaration
{
    /// <inheritdoc />
    public override string Name { get; } = Name;

    /// <inheritdoc />
    public override SourceLocation Location { get; } = Location;

    /// <inheritdoc />
    public override string? Doc { get; } = Doc;
}
