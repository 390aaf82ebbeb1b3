using System;

namespace Wamr.SourceGen.Preprocessing;

/// <summary>
/// The names of the macros a token came from (its "hide set"): a macro in it is not expanded again for
/// that token, which is how the no-recursion rule of C is kept. Immutable and small; null stands for
/// the empty set, which is what nearly every token has.
/// </summary>
internal sealed class HideSet
{
    private readonly string[] _names;

    private HideSet(string[] names) => _names = names;

    /// <summary>How many names the set holds.</summary>
    public int Count => _names.Length;

    /// <summary>Whether <paramref name="set"/> holds <paramref name="name"/>.</summary>
    public static bool Contains(HideSet? set, string name)
    {
        if (set is null)
        {
            return false;
        }

        foreach (string n in set._names)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The set with <paramref name="name"/> added.</summary>
    public static HideSet Add(HideSet? set, string name)
    {
        if (set is null)
        {
            return new HideSet(new[] { name });
        }

        if (Contains(set, name))
        {
            return set;
        }

        string[] names = new string[set._names.Length + 1];
        Array.Copy(set._names, names, set._names.Length);
        names[set._names.Length] = name;
        return new HideSet(names);
    }

    /// <summary>The union of two sets.</summary>
    public static HideSet? Union(HideSet? a, HideSet? b)
    {
        if (a is null || ReferenceEquals(a, b))
        {
            return b;
        }

        if (b is null)
        {
            return a;
        }

        HideSet result = b;
        foreach (string n in a._names)
        {
            result = Add(result, n);
        }

        return result;
    }

    /// <summary>The names in both sets.</summary>
    public static HideSet? Intersect(HideSet? a, HideSet? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        if (ReferenceEquals(a, b))
        {
            return a;
        }

        HideSet? result = null;
        foreach (string n in a._names)
        {
            if (Contains(b, n))
            {
                result = Add(result, n);
            }
        }

        return result;
    }
}
