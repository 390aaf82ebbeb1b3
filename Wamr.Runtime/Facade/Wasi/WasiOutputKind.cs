namespace Wamr;

/// <summary>The kinds of <see cref="WasiOutput"/>.</summary>
internal enum WasiOutputKind
{
    Discard,
    Inherit,
    File,
    Stream,
}
