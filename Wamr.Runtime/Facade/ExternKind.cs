namespace Wamr;

/// <summary>What an import or export is; the numbers are WAMR's <c>wasm_externkind_t</c>.</summary>
public enum ExternKind : byte
{
    /// <summary>A function.</summary>
    Func = 0,

    /// <summary>A global.</summary>
    Global = 1,

    /// <summary>A table.</summary>
    Table = 2,

    /// <summary>A linear memory.</summary>
    Memory = 3,
}
