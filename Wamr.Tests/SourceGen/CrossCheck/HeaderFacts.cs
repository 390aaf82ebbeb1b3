using System;
using System.Collections.Generic;
using System.Linq;

namespace Wamr.Tests.SourceGen.CrossCheck;

/// <summary>A parameter of a C function: its spelling as clang prints it and its size in bytes (from the compiled probe).</summary>
public sealed record CParameter(string? Name, string Type, int Size);

/// <summary>A non-inline function declared in one of WAMR's headers.</summary>
/// <param name="Name">The C name (also the exported symbol name).</param>
/// <param name="Header">The header file name (e.g. <c>wasm_c_api.h</c>) the declaration is in.</param>
/// <param name="ReturnType">The return type as clang spells it.</param>
/// <param name="ReturnSize">The return type's size in bytes; 0 for <c>void</c>.</param>
/// <param name="Parameters">The fixed parameters (a variadic function's <c>...</c> is not one).</param>
/// <param name="IsVariadic">Whether the declaration ends in <c>...</c>.</param>
public sealed record CFunction(string Name, string Header, string ReturnType, int ReturnSize, IReadOnlyList<CParameter> Parameters, bool IsVariadic);

/// <summary>
/// A field of a struct or union. <see cref="Path"/> is the member designator from the outermost named record
/// (e.g. <c>of.i32</c> in <c>wasm_val_t</c>); a field whose type is an anonymous struct/union has its members in
/// <see cref="NestedFields"/>.
/// </summary>
public sealed record CField(
    string Name,
    string Path,
    string Type,
    int? ArrayLength,
    bool IsBitField,
    string? NestedKind,
    IReadOnlyList<CField> NestedFields,
    int Offset,
    int Size)
{
    public bool IsArray => ArrayLength is not null;

    public bool HasAnonymousRecordType => NestedKind is not null;
}

/// <summary>
/// A named struct or union from WAMR's headers. <see cref="Name"/> is the name the bindings use (the typedef name
/// when there is one, else the tag); <see cref="CName"/> is how C code names it (<c>T</c> or <c>struct tag</c>).
/// Opaque records (only ever forward-declared) have no fields and no size (<see cref="Size"/> = -1).
/// </summary>
public sealed record CRecord(
    string Name,
    string CName,
    string Kind,
    string? Tag,
    string Header,
    IReadOnlyList<string> TypedefNames,
    bool IsOpaque,
    IReadOnlyList<CField> Fields,
    int Size,
    int Alignment)
{
    /// <summary>Every field at every depth, outer fields before the members of their anonymous records.</summary>
    public IEnumerable<CField> AllFields => Flatten(Fields);

    private static IEnumerable<CField> Flatten(IEnumerable<CField> fields)
    {
        foreach (CField field in fields)
        {
            yield return field;
            foreach (CField nested in Flatten(field.NestedFields))
            {
                yield return nested;
            }
        }
    }
}

public sealed record CEnumConstant(string Name, long Value);

/// <summary>An enum (named by tag and/or typedef, or anonymous) and its constants with their values.</summary>
public sealed record CEnum(string? Tag, string? TypedefName, string Header, IReadOnlyList<CEnumConstant> Constants);

/// <summary>A typedef declared in WAMR's headers, with the type it names as clang spells it.</summary>
public sealed record CTypedef(string Name, string Type, string Header);

/// <summary>Everything the cross-check knows about WAMR's headers, taken from clang's AST and a compiled C probe.</summary>
public sealed class HeaderFacts
{
    public HeaderFacts(
        IReadOnlyList<CFunction> functions,
        IReadOnlyList<CRecord> records,
        IReadOnlyList<CEnum> enums,
        IReadOnlyList<CTypedef> typedefs,
        IReadOnlyDictionary<string, long> probe,
        TimeSpan elapsed,
        IReadOnlyList<CFunction>? inlineFunctions = null)
    {
        InlineFunctions = inlineFunctions ?? [];
        Functions = functions;
        Records = records;
        Enums = enums;
        Typedefs = typedefs;
        Probe = probe;
        Elapsed = elapsed;
        FunctionsByName = functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        RecordsByName = records.ToDictionary(r => r.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<CFunction> Functions { get; }

    /// <summary>The inline functions defined (with a body) in the headers: the generator translates them into C# helpers.</summary>
    public IReadOnlyList<CFunction> InlineFunctions { get; }

    public IReadOnlyList<CRecord> Records { get; }

    public IReadOnlyList<CEnum> Enums { get; }

    public IReadOnlyList<CTypedef> Typedefs { get; }

    /// <summary>The raw lines printed by the compiled layout probe (<c>sizeof T</c>, <c>offsetof T.path</c>, ...).</summary>
    public IReadOnlyDictionary<string, long> Probe { get; }

    /// <summary>How long gathering the facts took (clang, JSON, probe compile and run).</summary>
    public TimeSpan Elapsed { get; }

    public IReadOnlyDictionary<string, CFunction> FunctionsByName { get; }

    public IReadOnlyDictionary<string, CRecord> RecordsByName { get; }

    public IEnumerable<CRecord> CompleteRecords => Records.Where(r => !r.IsOpaque);

    public IEnumerable<CRecord> OpaqueRecords => Records.Where(r => r.IsOpaque);

    public IEnumerable<CEnumConstant> EnumConstants => Enums.SelectMany(e => e.Constants);
}
