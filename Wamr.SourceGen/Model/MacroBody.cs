namespace Wamr.SourceGen.Model;

/// <summary>What a macro's replacement list is, as far as binding it goes.</summary>
/// <param name="Kind">The shape of the body.</param>
/// <param name="Value">For <see cref="MacroBodyKind.Value"/>: the expression or brace initializer.</param>
/// <param name="Problem">For <see cref="MacroBodyKind.Unsupported"/>: what stopped parsing.</param>
public sealed record MacroBody(MacroBodyKind Kind, CExpression? Value, CSyntaxProblem? Problem);

/// <summary>The shapes of macro bodies.</summary>
public enum MacroBodyKind
{
    /// <summary>No tokens: an include guard or a flag (<c>#define own</c>); nothing to bind.</summary>
    Empty,

    /// <summary>Declarations (<c>typedef</c>, <c>struct</c>, <c>;</c>…): already bound where the macro is used.</summary>
    Declarations,

    /// <summary>An attribute or storage word (<c>__declspec(dllexport)</c>, <c>extern</c>): nothing to bind.</summary>
    Attribute,

    /// <summary>An expression or a brace initializer.</summary>
    Value,

    /// <summary>Something the body parser does not read; see <see cref="MacroBody.Problem"/>.</summary>
    Unsupported,
}
