using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Preprocessing;

/// <summary>What preprocessing a translation unit produced.</summary>
/// <param name="Tokens">The tokens after directives and macro expansion, in order.</param>
/// <param name="Macros">The macros the headers defined that are still defined at the end (not built-in or predefined ones).</param>
/// <param name="Diagnostics">Problems, each at its header line.</param>
public sealed record PreprocessResult(
    EquatableArray<Token> Tokens,
    EquatableArray<MacroDefinition> Macros,
    EquatableArray<DiagnosticInfo> Diagnostics);
