namespace Wamr.SourceGen.Preprocessing;

/// <summary>A macro defined before the first header is read, like <c>-DNAME=VALUE</c>.</summary>
/// <param name="Name">The name.</param>
/// <param name="Value">The replacement text (<c>1</c> when given as a bare name).</param>
public sealed record PredefinedMacro(string Name, string Value);
