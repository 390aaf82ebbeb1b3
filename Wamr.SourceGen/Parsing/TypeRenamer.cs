using System.Collections.Generic;
using System.Linq;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Parsing;

/// <summary>Replaces placeholder tags in types by the final names of anonymous structs, unions and enums.</summary>
internal static class TypeRenamer
{
    public static CType Rename(CType type, IReadOnlyDictionary<string, string> names) => type switch
    {
        CTagRef tag when names.TryGetValue(tag.Tag, out string? name) => tag with { Tag = name },
        CPointerType pointer => pointer with { Pointee = Rename(pointer.Pointee, names) },
        CArrayType array => array with { Element = Rename(array.Element, names) },
        CFunctionType function => function with
        {
            ReturnType = Rename(function.ReturnType, names),
            Parameters = Rename(function.Parameters, names),
        },
        _ => type,
    };

    public static EquatableArray<CParameter> Rename(EquatableArray<CParameter> parameters, IReadOnlyDictionary<string, string> names) =>
        parameters.Select(p => p with { Type = Rename(p.Type, names) }).ToEquatableArray();

    public static string Rename(string name, IReadOnlyDictionary<string, string> names) =>
        names.TryGetValue(name, out string? renamed) ? renamed : name;
}
