using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Model;

/// <summary>Why a function or macro body could not be read as C the translator understands, and where.</summary>
/// <param name="Message">What construct stopped it (e.g. "a 'for' loop").</param>
/// <param name="Location">Where that construct is.</param>
public sealed record CSyntaxProblem(string Message, SourceLocation Location);
