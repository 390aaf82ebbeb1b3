using System;
using System.Collections.Generic;
using System.Collections.Immutable;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Preprocessing;

/// <summary>The macros defined so far in a translation unit.</summary>
internal sealed class MacroTable
{
    private readonly Dictionary<string, Macro> _macros = new(StringComparer.Ordinal);
    private int _sequence;

    /// <summary>Defines or redefines a macro. A redefinition identical to the current one keeps its place.</summary>
    public void Define(Macro macro)
    {
        if (_macros.TryGetValue(macro.Name, out Macro? existing)
            && existing.IsUser == macro.IsUser && existing.SameDefinitionAs(macro))
        {
            return;
        }

        macro.Sequence = _sequence++;
        _macros[macro.Name] = macro;
    }

    /// <summary>Removes a macro; false when it was not defined.</summary>
    public bool Undefine(string name) => _macros.Remove(name);

    /// <summary>Looks a macro up by name.</summary>
    public bool TryGet(string name, out Macro macro)
    {
        bool found = _macros.TryGetValue(name, out Macro? m);
        macro = m!;
        return found;
    }

    /// <summary>Whether a macro of this name is defined.</summary>
    public bool IsDefined(string name) => _macros.ContainsKey(name);

    /// <summary>The macros the headers defined that are still defined, in definition order.</summary>
    public ImmutableArray<MacroDefinition> UserMacros()
    {
        var user = new List<Macro>();
        foreach (Macro m in _macros.Values)
        {
            if (m.IsUser)
            {
                user.Add(m);
            }
        }

        user.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        var result = ImmutableArray.CreateBuilder<MacroDefinition>(user.Count);
        foreach (Macro m in user)
        {
            result.Add(m.ToDefinition());
        }

        return result.MoveToImmutable();
    }
}
