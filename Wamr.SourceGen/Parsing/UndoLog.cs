using System;
using System.Collections.Generic;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// Records how to undo each change the parser makes while parsing one declaration, so that a declaration
/// abandoned on an error leaves no trace (no typedef name, tag or enum member it had introduced).
/// </summary>
internal sealed class UndoLog
{
    private readonly List<Action> _actions = new();

    /// <summary>A mark to roll back to.</summary>
    public int Mark => _actions.Count;

    public void Add(Action undo) => _actions.Add(undo);

    public void RollbackTo(int mark)
    {
        for (int i = _actions.Count - 1; i >= mark; i--)
        {
            _actions[i]();
        }

        _actions.RemoveRange(mark, _actions.Count - mark);
    }

    /// <summary>Forgets everything: the changes logged so far are kept.</summary>
    public void Clear() => _actions.Clear();
}
