using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Model;

/// <summary>
/// One line of a guard list: parameters of a function that must not be null, because the native function
/// dereferences them without a check. The binding throws <c>ArgumentNullException</c> for them instead.
/// </summary>
/// <param name="Function">The C function.</param>
/// <param name="Parameters">The binding's parameter names (the C name, or <c>argN</c> for an unnamed one), in list order.</param>
/// <param name="Location">The line in the guard list.</param>
public sealed record ArgumentGuard(string Function, EquatableArray<string> Parameters, SourceLocation Location);
