namespace Wamr.SourceGen.Emitting;

/// <summary>How C's built-in types map to blittable C# types.</summary>
public static class PrimitiveTypes
{
    /// <summary>
    /// The C# type for a canonical C primitive name. <c>bool</c> is one byte (runtime marshalling is disabled);
    /// <c>char</c> is <c>byte</c> (strings get helpers, never hidden marshalling); <c>long</c> is <c>CLong</c>
    /// because its width differs between Windows and Unix.
    /// </summary>
    public static string ToCSharp(string name, int pointerSize) => name switch
    {
        "void" => "void",
        "_Bool" => "bool",
        "char" or "unsigned char" or "uint8_t" => "byte",
        "signed char" or "int8_t" => "sbyte",
        "short" or "int16_t" => "short",
        "unsigned short" or "uint16_t" => "ushort",
        "int" or "int32_t" => "int",
        "unsigned int" or "uint32_t" => "uint",
        "long long" or "int64_t" => "long",
        "unsigned long long" or "uint64_t" => "ulong",
        "long" => "global::System.Runtime.InteropServices.CLong",
        "unsigned long" => "global::System.Runtime.InteropServices.CULong",
        "float" => "float",
        "double" => "double",
        "intptr_t" or "ptrdiff_t" or "ssize_t" => "nint",
        "uintptr_t" or "size_t" => "nuint",
        _ => "void",
    };

    /// <summary>Whether the C primitive is an integer type (enums may be based on it).</summary>
    public static bool IsInteger(string name) => name is "char" or "signed char" or "unsigned char" or "short" or "unsigned short"
        or "int" or "unsigned int" or "long" or "unsigned long" or "long long" or "unsigned long long"
        or "int8_t" or "uint8_t" or "int16_t" or "uint16_t" or "int32_t" or "uint32_t" or "int64_t" or "uint64_t"
        or "intptr_t" or "uintptr_t" or "size_t" or "ptrdiff_t" or "_Bool";

    /// <summary>Whether a C# type name can be the element of a <c>fixed</c> buffer.</summary>
    public static bool IsFixedBufferElement(string csharp) => csharp is "bool" or "byte" or "sbyte" or "short" or "ushort"
        or "int" or "uint" or "long" or "ulong" or "float" or "double" or "char";
}
