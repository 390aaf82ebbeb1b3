using System.Runtime.CompilerServices;

namespace Wamr;

/// <summary>
/// <see cref="ValBuffer"/>'s smaller sibling for the usual host call (up to this many arguments and results together):
/// the stack frame a <see cref="Val"/> buffer needs is zeroed on every call, so a smaller one is measurably cheaper.
/// </summary>
[InlineArray(Capacity)]
internal struct SmallValBuffer
{
    /// <summary>How many values fit.</summary>
    public const int Capacity = 4;

    private Val _first;
}
