using System.Collections.Generic;

using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Preprocessing;

/// <summary>The open <c>#if</c> groups and whether the current text is kept or skipped.</summary>
internal sealed class ConditionalStack
{
    private readonly List<Frame> _frames = new();

    /// <summary>How many groups are open.</summary>
    public int Depth => _frames.Count;

    /// <summary>Whether text at this point is kept (every enclosing group is taken).</summary>
    public bool IsActive => _frames.Count == 0 || _frames[_frames.Count - 1].Active;

    /// <summary>Opens a group (<c>#if</c>, <c>#ifdef</c>, <c>#ifndef</c>) whose condition is <paramref name="condition"/>.</summary>
    public void Push(bool condition, SourceLocation location)
    {
        bool parentActive = IsActive;
        bool active = parentActive && condition;
        _frames.Add(new Frame(parentActive, active, active, false, location));
    }

    /// <summary>
    /// Checks an <c>#elif</c>: returns whether its condition must be evaluated (the enclosing text is kept and
    /// no earlier branch was taken). Sets <paramref name="error"/> when the <c>#elif</c> is misplaced.
    /// </summary>
    public bool ElifNeedsCondition(out string? error)
    {
        error = null;
        if (_frames.Count == 0)
        {
            error = "#elif without #if";
            return false;
        }

        Frame top = _frames[_frames.Count - 1];
        if (top.SeenElse)
        {
            error = "#elif after #else";
            _frames[_frames.Count - 1] = top with { Active = false };
            return false;
        }

        if (!top.ParentActive || top.Taken)
        {
            _frames[_frames.Count - 1] = top with { Active = false };
            return false;
        }

        return true;
    }

    /// <summary>Applies the condition of an <c>#elif</c> that <see cref="ElifNeedsCondition"/> said to evaluate.</summary>
    public void Elif(bool condition)
    {
        Frame top = _frames[_frames.Count - 1];
        _frames[_frames.Count - 1] = top with { Active = condition, Taken = condition };
    }

    /// <summary>Handles <c>#else</c>; returns an error message when it is misplaced.</summary>
    public string? Else()
    {
        if (_frames.Count == 0)
        {
            return "#else without #if";
        }

        Frame top = _frames[_frames.Count - 1];
        if (top.SeenElse)
        {
            _frames[_frames.Count - 1] = top with { Active = false };
            return "#else after #else";
        }

        bool active = top.ParentActive && !top.Taken;
        _frames[_frames.Count - 1] = top with { Active = active, Taken = true, SeenElse = true };
        return null;
    }

    /// <summary>Handles <c>#endif</c>; returns an error message when no group is open.</summary>
    public string? EndIf()
    {
        if (_frames.Count == 0)
        {
            return "#endif without #if";
        }

        _frames.RemoveAt(_frames.Count - 1);
        return null;
    }

    /// <summary>Closes the innermost group because its header ended; returns where it was opened.</summary>
    public SourceLocation PopUnterminated()
    {
        SourceLocation location = _frames[_frames.Count - 1].Location;
        _frames.RemoveAt(_frames.Count - 1);
        return location;
    }

    private readonly record struct Frame(bool ParentActive, bool Active, bool Taken, bool SeenElse, SourceLocation Location);
}
