using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;

namespace Wamr.SourceGen.Parsing;

/// <summary>What the declaration specifiers of one declaration say: storage, <c>inline</c>, and the base type.</summary>
internal sealed class DeclSpecifiers
{
    public DeclSpecifiers(Token first) => First = first;

    /// <summary>The first token of the declaration; its comment documents what is declared.</summary>
    public Token First { get; }

    public bool IsTypedef { get; set; }

    public bool IsExtern { get; set; }

    public bool IsStatic { get; set; }

    public bool IsInline { get; set; }

    /// <summary>The base type, <c>const</c> applied.</summary>
    public CType Type { get; set; } = new CPrimitiveType("int");

    /// <summary>The placeholder tag of the anonymous struct, union or enum the specifiers define, if any.</summary>
    public string? AnonymousTag { get; set; }

    /// <summary>The struct/union tag the specifiers name without a body (<c>struct wasm_ref_t</c>), if any.</summary>
    public string? ReferencedTag { get; set; }

    /// <summary>Whether a struct or union defined in the specifiers was skipped (it cannot be bound).</summary>
    public bool DefinesSkippedRecord { get; set; }
}
