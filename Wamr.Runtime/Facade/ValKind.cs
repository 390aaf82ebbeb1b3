namespace Wamr;

/// <summary>The kind of a WebAssembly value; the numbers are WAMR's <c>wasm_valkind_t</c>.</summary>
public enum ValKind : byte
{
    /// <summary>A 32-bit integer (<c>i32</c>, C# <see cref="int"/>).</summary>
    I32 = 0,

    /// <summary>A 64-bit integer (<c>i64</c>, C# <see cref="long"/>).</summary>
    I64 = 1,

    /// <summary>A 32-bit float (<c>f32</c>, C# <see cref="float"/>).</summary>
    F32 = 2,

    /// <summary>A 64-bit float (<c>f64</c>, C# <see cref="double"/>).</summary>
    F64 = 3,

    /// <summary>A reference to a host object (<c>externref</c>; WAMR calls it <c>WASM_ANYREF</c>).</summary>
    ExternRef = 128,

    /// <summary>A reference to a function (<c>funcref</c>).</summary>
    FuncRef = 129,
}
