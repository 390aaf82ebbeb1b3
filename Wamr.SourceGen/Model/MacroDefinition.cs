using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Model;

/// <summary>
/// A macro still defined at the end of the translation unit, as written (the emitter derives constants,
/// function aliases and value helpers from these).
/// </summary>
/// <param name="Name">The name.</param>
/// <param name="IsFunctionLike">Whether it takes arguments.</param>
/// <param name="Parameters">Its parameter names (<c>__VA_ARGS__</c> for <c>...</c>).</param>
/// <param name="Body">The replacement list, tokens joined by single spaces.</param>
/// <param name="BodyTokens">The replacement list, one token per element.</param>
/// <param name="Location">Where it was defined.</param>
/// <param name="Doc">Its comment.</param>
/// <param name="Syntax">The body as the parser read it (set by the parser; null straight out of the preprocessor).</param>
public sealed record MacroDefinition(
    string Name,
    bool IsFunctionLike,
    EquatableArray<string> Parameters,
    string Body,
    EquatableArray<string> BodyTokens,
    SourceLocation Location,
    string? Doc,
    MacroBody? Syntax = null);
