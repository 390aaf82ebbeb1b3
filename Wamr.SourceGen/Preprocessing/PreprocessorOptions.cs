using System.Collections.Immutable;

using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Preprocessing;

/// <summary>How headers are preprocessed: the target's pointer size and the predefined macros.</summary>
/// <param name="PointerSize">4 or 8; decides <c>UINTPTR_MAX</c>, <c>SIZE_MAX</c> and <c>sizeof</c> of pointers.</param>
/// <param name="PredefinedMacros">Macros defined before the first header, after the standard ones.</param>
public sealed record PreprocessorOptions(int PointerSize, EquatableArray<PredefinedMacro> PredefinedMacros)
{
    /// <summary>A 64-bit C11 target with no extra macros.</summary>
    public static PreprocessorOptions Default { get; } = new(8, EquatableArray<PredefinedMacro>.Empty);

    /// <summary>The standard macros every translation unit starts with, for this pointer size.</summary>
    public ImmutableArray<PredefinedMacro> StandardMacros => ImmutableArray.Create(
        new PredefinedMacro("__STDC__", "1"),
        new PredefinedMacro("__STDC_VERSION__", "201112L"),
        new PredefinedMacro("__STDC_HOSTED__", "1"),
        new PredefinedMacro("__SIZEOF_POINTER__", PointerSize == 4 ? "4" : "8"));
}
