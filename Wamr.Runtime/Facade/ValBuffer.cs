using System.Runtime.CompilerServices;

namespace Wamr;

/// <summary>
/// Room for the arguments and results of an untyped host call on the stack (a <see cref="Val"/> holds a reference,
/// so it cannot be stackalloc'ed): calls with up to this many values need no array.
/// </summary>
[InlineArray(Capacity)]
internal struct ValBuffer
{
    /// <summary>How many values fit.</summary>
    public const int Capacity = 8;

    private Val _first;
}
