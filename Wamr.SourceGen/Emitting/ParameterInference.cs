using System.Collections.Generic;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// What the uses of a function-like macro's parameters say about their types: a parameter passed to a function,
/// stored in a field or compared with an enum takes that type; one used only in arithmetic is numeric (the macro
/// gets an overload per C# integer type); one measured with <c>sizeof(a)/sizeof(*(a))</c> is an array whose
/// element type comes from where its address goes.
/// </summary>
internal sealed class ParameterInference
{
    private readonly Dictionary<string, List<(CType Type, string Cs)>> _typed = new();
    private readonly Dictionary<string, List<(CType Type, string Cs)>> _elements = new();
    private readonly HashSet<string> _numeric = new();

    /// <summary>Notes that <paramref name="parameter"/> is used where a <paramref name="cs"/> is expected.</summary>
    public void Require(string parameter, CType type, string cs) => Add(_typed, parameter, type, cs);

    /// <summary>Notes that array parameter <paramref name="parameter"/>'s address is used where an element pointer is expected.</summary>
    public void RequireElement(string parameter, CType element, string cs) => Add(_elements, parameter, element, cs);

    /// <summary>Notes that <paramref name="parameter"/> takes part in arithmetic with no type to follow.</summary>
    public void Numeric(string parameter) => _numeric.Add(parameter);

    public IReadOnlyList<(CType Type, string Cs)> TypesOf(string parameter) =>
        _typed.TryGetValue(parameter, out var list) ? list : new List<(CType, string)>();

    public IReadOnlyList<(CType Type, string Cs)> ElementsOf(string parameter) =>
        _elements.TryGetValue(parameter, out var list) ? list : new List<(CType, string)>();

    public bool IsNumeric(string parameter) => _numeric.Contains(parameter);

    private static void Add(Dictionary<string, List<(CType, string)>> map, string parameter, CType type, string cs)
    {
        if (!map.TryGetValue(parameter, out var list))
        {
            map[parameter] = list = new List<(CType, string)>();
        }

        list.Add((CTypeFacts.Strip(type), cs));
    }
}
