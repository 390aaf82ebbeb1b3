using System.Collections.Generic;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Emitting;

/// <summary>The parameters and locals visible while translating a body, innermost block last.</summary>
internal sealed class TranslationScope
{
    private readonly List<Dictionary<string, Variable>> _blocks = new() { new Dictionary<string, Variable>() };

    public void Push() => _blocks.Add(new Dictionary<string, Variable>());

    public void Pop() => _blocks.RemoveAt(_blocks.Count - 1);

    /// <summary>Declares <paramref name="variable"/> in the innermost block; false when C# would reject the name (it is visible already).</summary>
    public bool TryDeclare(Variable variable)
    {
        if (Find(variable.CName) is not null)
        {
            return false;
        }

        _blocks[_blocks.Count - 1][variable.CName] = variable;
        return true;
    }

    public Variable? Find(string name)
    {
        for (int i = _blocks.Count - 1; i >= 0; i--)
        {
            if (_blocks[i].TryGetValue(name, out Variable? v))
            {
                return v;
            }
        }

        return null;
    }
}

/// <summary>A parameter or local of a translated body.</summary>
/// <param name="CName">Its C name.</param>
/// <param name="CsName">The C# text that reads it (escaped name, or an expression for a borrowed array).</param>
/// <param name="Type">Its C type; null for a macro parameter whose type is still being inferred.</param>
/// <param name="Kind">How it is bound.</param>
internal sealed record Variable(string CName, string CsName, CType? Type, VariableKind Kind)
{
    /// <summary>For <see cref="VariableKind.ArraySpan"/> and <see cref="VariableKind.ArrayPointer"/>: the element type.</summary>
    public CType? Element { get; init; }

    /// <summary>For borrowed arrays: the C# text of the element count as a <c>size_t</c>.</summary>
    public string? LengthText { get; init; }
}

/// <summary>How a variable is bound in C#.</summary>
internal enum VariableKind
{
    /// <summary>A plain parameter or local.</summary>
    Value,

    /// <summary>A macro parameter that C measures with <c>sizeof(a)/sizeof(*(a))</c>, passed as a span (value elements).</summary>
    ArraySpan,

    /// <summary>The same, passed as a pointer and a length (pointer elements: C# has no span of pointers).</summary>
    ArrayPointer,
}
