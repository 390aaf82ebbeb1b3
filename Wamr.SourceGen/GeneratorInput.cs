using Wamr.SourceGen.Text;

namespace Wamr.SourceGen;

/// <summary>An AdditionalFile the generator uses: a header, the list of symbols the library exports, or a guard list.</summary>
/// <param name="Path">The file's path.</param>
/// <param name="Text">Its contents.</param>
/// <param name="IsExportList">True for an exports list (<c>WamrExports</c> metadata).</param>
/// <param name="ClassName">For a header: the class for its functions (<c>WamrClass</c> metadata), or null for the default.</param>
/// <param name="IsGuardList">True for a guard list (<c>WamrGuards</c> metadata): parameters that must not be null.</param>
public sealed record GeneratorInput(string Path, string Text, bool IsExportList, string? ClassName, bool IsGuardList = false)
{
    /// <summary>Whether the file is a header (neither an exports list nor a guard list).</summary>
    public bool IsHeader => !IsExportList && !IsGuardList;
}

/// <summary>All inputs of one compilation, in item order.</summary>
/// <param name="Files">The inputs.</param>
public sealed record GeneratorInputs(EquatableArray<GeneratorInput> Files);
