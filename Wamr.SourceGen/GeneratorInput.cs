using Wamr.SourceGen.Text;

namespace Wamr.SourceGen;

/// <summary>An AdditionalFile the generator uses: a header, or the list of symbols the library exports.</summary>
/// <param name="Path">The file's path.</param>
/// <param name="Text">Its contents.</param>
/// <param name="IsExportList">True for an exports list (<c>WamrExports</c> metadata), false for a header (<c>WamrHeader</c>).</param>
/// <param name="ClassName">For a header: the class for its functions (<c>WamrClass</c> metadata), or null for the default.</param>
public sealed record GeneratorInput(string Path, string Text, bool IsExportList, string? ClassName);

/// <summary>All inputs of one compilation, in item order.</summary>
/// <param name="Files">The inputs.</param>
public sealed record GeneratorInputs(EquatableArray<GeneratorInput> Files);
