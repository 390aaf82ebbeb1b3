namespace Wamr.SourceGen.Text;

/// <summary>A position in a header: the path as given to the generator, a 1-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location for things that have no place in any header (built-in macros and types).</summary>
    public static SourceLocation BuiltIn { get; } = new("<built-in>", 0, 0);

    /// <inheritdoc />
    public override string ToString() => $"{File}({Line},{Column})";
}
