using System;
using System.Collections.Generic;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// The C library functions an inline body may call, as safe .NET equivalents: <c>strlen</c> measures a
/// null-terminated span; <c>memcpy</c>/<c>memmove</c>/<c>memset</c> use <c>NativeMemory</c> (their C result, the
/// destination, is not available: a body that uses it is not translated).
/// </summary>
internal static class LibcFunctions
{
    private static readonly CType ConstCharPointer = new CPointerType(new CPrimitiveType("char", IsConst: true));
    private static readonly CType VoidPointer = new CPointerType(new CPrimitiveType("void"));
    private static readonly CType ConstVoidPointer = new CPointerType(new CPrimitiveType("void", IsConst: true));

    private static readonly Dictionary<string, LibcFunction> Functions = new()
    {
        ["strlen"] = new LibcFunction(
            "strlen",
            new[] { ConstCharPointer },
            CTypeFacts.SizeT,
            "nuint",
            a => $"(nuint)global::System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpanFromNullTerminated({a[0]}).Length",
            Dereferences: new[] { 0 }),
        ["memcpy"] = new LibcFunction(
            "memcpy",
            new[] { VoidPointer, ConstVoidPointer, CTypeFacts.SizeT },
            CTypeFacts.VoidType,
            "void",
            a => $"global::System.Runtime.InteropServices.NativeMemory.Copy({a[1]}, {a[0]}, {a[2]})",
            Dereferences: Array.Empty<int>()),
        ["memmove"] = new LibcFunction(
            "memmove",
            new[] { VoidPointer, ConstVoidPointer, CTypeFacts.SizeT },
            CTypeFacts.VoidType,
            "void",
            a => $"global::System.Runtime.InteropServices.NativeMemory.Copy({a[1]}, {a[0]}, {a[2]})",
            Dereferences: Array.Empty<int>()),
        ["memset"] = new LibcFunction(
            "memset",
            new[] { VoidPointer, CTypeFacts.Int, CTypeFacts.SizeT },
            CTypeFacts.VoidType,
            "void",
            a => $"global::System.Runtime.InteropServices.NativeMemory.Fill({a[0]}, {a[2]}, (byte){a[1]})",
            Dereferences: Array.Empty<int>()),
    };

    /// <summary>The mapping of <paramref name="name"/>, or null when it is not a supported C library function.</summary>
    public static LibcFunction? Find(string name) => Functions.TryGetValue(name, out LibcFunction? f) ? f : null;
}

/// <summary>One C library function and its C# form.</summary>
/// <param name="Name">The C name.</param>
/// <param name="Parameters">The C parameter types (arguments are converted to them).</param>
/// <param name="ReturnType">The C type of the C# form's result (void when C's result is not available).</param>
/// <param name="ReturnCs">The C# type of the C# form's result.</param>
/// <param name="Emit">Builds the C# call from the converted argument texts (each parenthesized as an operand).</param>
/// <param name="Dereferences">The parameters the function always reads through: a body passing its own parameter there must not get null.</param>
internal sealed record LibcFunction(
    string Name,
    CType[] Parameters,
    CType ReturnType,
    string ReturnCs,
    Func<string[], string> Emit,
    int[] Dereferences);
