using Wamr.SourceGen.Model;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Emitting;

/// <summary>How a header model is turned into C#.</summary>
/// <param name="Namespace">The namespace of every generated type (default <c>Wamr.Interop</c>).</param>
/// <param name="LibraryName">The library name in <c>DllImport</c> (default <c>iwasm</c>).</param>
/// <param name="DefaultClass">The class that holds functions of headers that name no class (default <c>WasmCApi</c>).</param>
/// <param name="HeaderClasses">Which class holds the functions and constants of which header (by path).</param>
/// <param name="ExportedSymbols">The symbols the built library exports, sorted; null when unknown (then nothing is marked missing).</param>
/// <param name="PointerSize">The target's pointer size in bytes.</param>
/// <param name="Guards">Parameters that must not be null (from guard lists); their functions get a checking wrapper.</param>
public sealed record BindingOptions(
    string Namespace,
    string LibraryName,
    string DefaultClass,
    EquatableArray<HeaderClass> HeaderClasses,
    EquatableArray<string>? ExportedSymbols,
    int PointerSize,
    EquatableArray<ArgumentGuard> Guards = default)
{
    /// <summary>The defaults: <c>Wamr.Interop</c>, <c>iwasm</c>, <c>WasmCApi</c>, 64-bit, exports unknown.</summary>
    public static BindingOptions Default { get; } = new("Wamr.Interop", "iwasm", "WasmCApi", EquatableArray<HeaderClass>.Empty, null, 8);

    /// <summary>The guarded parameters of <paramref name="function"/>, or null when none are.</summary>
    public ArgumentGuard? GuardFor(string function)
    {
        foreach (ArgumentGuard g in Guards)
        {
            if (g.Function == function)
            {
                return g;
            }
        }

        return null;
    }

    /// <summary>The class for declarations made in <paramref name="file"/>.</summary>
    public string ClassFor(string file)
    {
        foreach (HeaderClass h in HeaderClasses)
        {
            if (PathsMatch(h.Path, file))
            {
                return h.ClassName;
            }
        }

        return DefaultClass;
    }

    private static bool PathsMatch(string a, string b) =>
        string.Equals(a.Replace('\\', '/'), b.Replace('\\', '/'), System.StringComparison.Ordinal);
}

/// <summary>The class that holds a header's functions and constants.</summary>
/// <param name="Path">The header's path as the generator received it.</param>
/// <param name="ClassName">The class name.</param>
public sealed record HeaderClass(string Path, string ClassName);
