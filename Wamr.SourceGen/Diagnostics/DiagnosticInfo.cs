using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Diagnostics;

/// <summary>
/// A diagnostic as plain data (id, message, place in a header), so that stages can report problems
/// without Roslyn and the pipeline can cache them. Turned into a Roslyn diagnostic only when reported.
/// </summary>
/// <param name="Id">One of the ids in <see cref="DiagnosticIds"/>.</param>
/// <param name="Message">The complete message.</param>
/// <param name="Location">Where in which header.</param>
public sealed record DiagnosticInfo(string Id, string Message, SourceLocation Location)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Id}: {Message}";
}
