using System.Collections.Generic;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// What the parser knows so far: typedef names and their types, enum members and their values, and the
/// struct/union tags mentioned or defined. Every change is logged in the <see cref="UndoLog"/>.
/// </summary>
internal sealed class TypeTable
{
    private readonly Dictionary<string, CType> _typedefs = new();
    private readonly Dictionary<string, ConstantValue> _enumConstants = new();
    private readonly Dictionary<string, TagState> _tags = new();
    private readonly List<string> _tagOrder = new();
    private readonly UndoLog _undo;

    public TypeTable(UndoLog undo) => _undo = undo;

    /// <summary>Whether <paramref name="name"/> names a type: a built-in typedef name or a declared typedef.</summary>
    public bool IsTypeName(string name) => PrimitiveTypes.BuiltInTypedef(name) is not null || _typedefs.ContainsKey(name);

    public bool TryGetTypedef(string name, out CType type) => _typedefs.TryGetValue(name, out type!);

    /// <summary>Declares a typedef name; a repeated one keeps its first type.</summary>
    public void AddTypedef(string name, CType type)
    {
        if (_typedefs.ContainsKey(name))
        {
            return;
        }

        _typedefs.Add(name, type);
        _undo.Add(() => _typedefs.Remove(name));
    }

    public ConstantValue? GetEnumConstant(string name) =>
        _enumConstants.TryGetValue(name, out ConstantValue value) ? value : null;

    public void AddEnumConstant(string name, ConstantValue value)
    {
        if (_enumConstants.TryGetValue(name, out ConstantValue previous))
        {
            _enumConstants[name] = value;
            _undo.Add(() => _enumConstants[name] = previous);
        }
        else
        {
            _enumConstants.Add(name, value);
            _undo.Add(() => _enumConstants.Remove(name));
        }
    }

    /// <summary>Notes a use or forward declaration of a struct/union tag; the first one's place is kept.</summary>
    public void MentionTag(TagKind kind, string tag, SourceLocation location, int sequence)
    {
        if (_tags.ContainsKey(tag))
        {
            return;
        }

        _tags.Add(tag, new TagState(kind, TagStatus.Mentioned, sequence, location, null));
        _tagOrder.Add(tag);
        _undo.Add(() =>
        {
            _tags.Remove(tag);
            _tagOrder.RemoveAt(_tagOrder.Count - 1);
        });
    }

    /// <summary>Gives a mentioned, not yet documented tag the comment of its forward declaration.</summary>
    public void DocumentTag(string tag, string? doc)
    {
        if (doc is not null && _tags.TryGetValue(tag, out TagState? state) && state.Doc is null)
        {
            Replace(tag, state with { Doc = doc });
        }
    }

    /// <summary>Whether a body for <paramref name="tag"/> was already seen.</summary>
    public bool IsDefined(string tag) => _tags.TryGetValue(tag, out TagState? state) && state.Status != TagStatus.Mentioned;

    /// <summary>Notes that <paramref name="tag"/> has a body (bound, or skipped because it cannot be).</summary>
    public void DefineTag(TagKind kind, string tag, SourceLocation location, int sequence, bool skipped)
    {
        var defined = new TagState(kind, skipped ? TagStatus.Skipped : TagStatus.Defined, sequence, location, null);
        if (!_tags.ContainsKey(tag))
        {
            MentionTag(kind, tag, location, sequence);
        }

        Replace(tag, defined);
    }

    /// <summary>The tags mentioned but never given a body: the opaque records, with their order keys.</summary>
    public IEnumerable<(int Sequence, RecordDecl Record)> OpaqueRecords()
    {
        foreach (string tag in _tagOrder)
        {
            TagState state = _tags[tag];
            if (state.Status == TagStatus.Mentioned && state.Kind != TagKind.Enum)
            {
                yield return (state.Sequence, new RecordDecl(
                    tag, state.Kind, EquatableArray<FieldDecl>.Empty, IsOpaque: true, IsAnonymous: false, state.Location, state.Doc));
            }
        }
    }

    private void Replace(string tag, TagState state)
    {
        TagState previous = _tags[tag];
        _tags[tag] = state;
        _undo.Add(() => _tags[tag] = previous);
    }

    private enum TagStatus
    {
        Mentioned,
        Defined,
        Skipped,
    }

    private sealed record TagState(TagKind Kind, TagStatus Status, int Sequence, SourceLocation Location, string? Doc);
}
