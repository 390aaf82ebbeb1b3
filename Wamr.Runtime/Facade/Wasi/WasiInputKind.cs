namespace Wamr;

/// <summary>The kinds of <see cref="WasiInput"/>.</summary>
internal enum WasiInputKind
{
    Empty,
    Inherit,
    File,
    Bytes,
    Stream,
}
