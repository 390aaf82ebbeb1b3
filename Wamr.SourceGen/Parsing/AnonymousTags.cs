using System.Collections.Generic;
using System.Globalization;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// Names anonymous structs, unions and enums. Their names depend on things parsed after their bodies (the
/// member or typedef name that follows), so while one external declaration is parsed they carry a placeholder
/// tag; when it ends, <see cref="Resolve"/> maps each placeholder to its final name:
/// <list type="bullet">
/// <item>a struct/union that is a named member: <c>&lt;enclosing record&gt;_&lt;member&gt;</c> (<c>wasm_val_t_of</c>);</item>
/// <item>a struct/union that is an unnamed (C11 anonymous) member: <c>&lt;enclosing record&gt;_anon&lt;N&gt;</c>, N counting
/// the unnamed members of the enclosing record from 1;</item>
/// <item>otherwise, the first typedef name that names it directly (<c>typedef struct { … } foo_t;</c> → <c>foo_t</c>);</item>
/// <item>otherwise <c>anonymous_struct_&lt;N&gt;</c>, <c>anonymous_union_&lt;N&gt;</c> or <c>anonymous_enum_&lt;N&gt;</c>, N counting from 1 in the unit.</item>
/// </list>
/// </summary>
internal sealed class AnonymousTags
{
    private const string Prefix = "\u0001anonymous";

    private readonly List<Entry> _entries = new();
    private readonly Dictionary<TagKind, int> _counters = new();

    /// <summary>Whether <paramref name="tag"/> is a placeholder.</summary>
    public static bool IsPlaceholder(string tag) => tag.StartsWith(Prefix, System.StringComparison.Ordinal);

    /// <summary>Starts a new external declaration.</summary>
    public void Reset() => _entries.Clear();

    /// <summary>
    /// A placeholder tag for an anonymous definition; <paramref name="enclosingRecord"/> is the name (or
    /// placeholder) of the struct/union whose body contains it, null elsewhere.
    /// </summary>
    public string Create(TagKind kind, string? enclosingRecord)
    {
        string placeholder = Prefix + _entries.Count.ToString(CultureInfo.InvariantCulture);
        _entries.Add(new Entry(placeholder, kind, kind == TagKind.Enum ? null : enclosingRecord));
        return placeholder;
    }

    /// <summary>Notes the name of the member the anonymous struct/union declares (the first one).</summary>
    public void SetMemberName(string placeholder, string name)
    {
        Entry entry = Find(placeholder);
        entry.MemberName ??= name;
    }

    /// <summary>Notes that the anonymous struct/union is the <paramref name="index"/>th unnamed member.</summary>
    public void SetUnnamedIndex(string placeholder, int index) => Find(placeholder).UnnamedIndex = index;

    /// <summary>Notes a typedef name that names the anonymous type directly (the first one wins).</summary>
    public void SetTypedefName(string placeholder, string name)
    {
        Entry entry = Find(placeholder);
        entry.TypedefName ??= name;
    }

    /// <summary>The final name of every placeholder made since <see cref="Reset"/>.</summary>
    public Dictionary<string, string> Resolve()
    {
        var names = new Dictionary<string, string>();
        foreach (Entry entry in _entries)
        {
            names[entry.Placeholder] = NameOf(entry);
        }

        return names;
    }

    private string NameOf(Entry entry)
    {
        if (entry.Name is not null)
        {
            return entry.Name;
        }

        if (entry.Enclosing is not null && (entry.MemberName is not null || entry.UnnamedIndex > 0))
        {
            string parent = IsPlaceholder(entry.Enclosing) ? NameOf(Find(entry.Enclosing)) : entry.Enclosing;
            entry.Name = entry.MemberName is not null
                ? parent + "_" + entry.MemberName
                : parent + "_anon" + entry.UnnamedIndex.ToString(CultureInfo.InvariantCulture);
        }
        else if (entry.TypedefName is not null)
        {
            entry.Name = entry.TypedefName;
        }
        else
        {
            _counters.TryGetValue(entry.Kind, out int count);
            _counters[entry.Kind] = ++count;
            string kind = entry.Kind switch { TagKind.Struct => "struct", TagKind.Union => "union", _ => "enum" };
            entry.Name = "anonymous_" + kind + "_" + count.ToString(CultureInfo.InvariantCulture);
        }

        return entry.Name;
    }

    private Entry Find(string placeholder) =>
        _entries[int.Parse(placeholder.Substring(Prefix.Length), CultureInfo.InvariantCulture)];

    private sealed class Entry
    {
        public Entry(string placeholder, TagKind kind, string? enclosing)
        {
            Placeholder = placeholder;
            Kind = kind;
            Enclosing = enclosing;
        }

        public string Placeholder { get; }

        public TagKind Kind { get; }

        public string? Enclosing { get; }

        public string? MemberName { get; set; }

        public int UnnamedIndex { get; set; }

        public string? TypedefName { get; set; }

        public string? Name { get; set; }
    }
}
