namespace Wamr;

/// <summary>One import that could not be satisfied: what was expected and what was wrong.</summary>
/// <param name="Import">The import the module declares.</param>
/// <param name="Reason">What was wrong, e.g. <c>missing</c> or <c>got (func) instead</c>.</param>
public sealed record LinkProblem(ImportType Import, string Reason)
{
    /// <summary><c>module::name (expected type): reason</c>.</summary>
    public override string ToString() => $"{Import.QualifiedName} (expected {Import.Type}): {Reason}";
}
