namespace Wamr;

/// <summary>Whether a global can be changed after it is created; the numbers are WAMR's <c>wasm_mutability_t</c>.</summary>
public enum Mutability : byte
{
    /// <summary>Immutable (<c>WASM_CONST</c>).</summary>
    Const = 0,

    /// <summary>Mutable (<c>WASM_VAR</c>, <c>(mut …)</c> in the text format).</summary>
    Var = 1,
}
