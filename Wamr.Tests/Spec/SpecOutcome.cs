namespace Wamr.Tests.Spec;

/// <summary>One command of a <c>.wast</c> file and what became of it.</summary>
/// <param name="File">The <c>.wast</c> file name.</param>
/// <param name="Line">The command's line in it.</param>
/// <param name="Command">The command type (<c>assert_return</c>, <c>module</c>…).</param>
/// <param name="Status">Passed, failed or not applicable.</param>
/// <param name="Category">For a failure: the id of the engine limitation it was classified as (see
/// <see cref="SpecFailureCategory"/>), or <see langword="null"/> when no known limitation explains it.</param>
/// <param name="Detail">For a failure: what happened instead, deterministic (no addresses, no timings).</param>
public sealed record SpecOutcome(string File, int Line, string Command, SpecStatus Status, string? Category, string Detail)
{
    /// <summary><c>file.wast:line</c>.</summary>
    public string Location => $"{File}:{Line}";
}
