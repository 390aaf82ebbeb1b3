using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Model;

/// <summary>
/// The body of an inline function: its statements, or, when the body uses a construct the body parser does not
/// read, the <see cref="Problem"/> (then <see cref="Statements"/> is empty).
/// </summary>
/// <param name="Statements">The statements in order.</param>
/// <param name="Problem">What stopped parsing, or null.</param>
public sealed record FunctionBody(EquatableArray<CStatement> Statements, CSyntaxProblem? Problem);
