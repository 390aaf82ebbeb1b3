using System;
using System.Linq;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// Turns the preprocessed tokens of C headers into a <see cref="HeaderModel"/>: typedefs, structs and unions
/// (opaque when only forward-declared, anonymous ones named after what encloses them), enums with evaluated
/// values, function prototypes and inline functions, and <c>static const</c> constants.
/// </summary>
/// <remarks>
/// Parsing never throws. A malformed declaration is reported as WAMRGEN004 and skipped; a type name nobody
/// declares as WAMRGEN006; a construct that cannot be bound (a bit-field) as WAMRGEN005. Attribute-like noise
/// (<c>__declspec</c>, <c>__attribute__</c>, calling conventions, <c>volatile</c>, <c>restrict</c>) is dropped.
/// </remarks>
public static class CParser
{
    /// <summary>
    /// Parses <paramref name="input"/>. The model carries the input's macros unchanged, and its diagnostics
    /// followed by the parser's.
    /// </summary>
    /// <param name="input">What the preprocessor produced.</param>
    /// <param name="pointerSize">4 or 8: the size of pointers, <c>long</c> and <c>size_t</c> in constant expressions.</param>
    public static HeaderModel Parse(PreprocessResult input, int pointerSize = 8)
    {
        var context = new ParserContext(input.Tokens.Items, pointerSize);
        try
        {
            new TranslationUnitParser(context).ParseAll();
            EquatableArray<MacroDefinition> macros = new MacroBodyParser(context).ParseAll(input.Macros);
            return context.Builder.Build(input, context.Table, macros);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Declarations catch their own failures; this is a last line of defence.
            Token? first = input.Tokens.Count > 0 ? input.Tokens[0] : null;
            var failure = new DiagnosticInfo(
                DiagnosticIds.InternalError,
                $"the parser failed: {e.GetType().Name}: {e.Message}",
                first?.Location ?? SourceLocation.BuiltIn);
            return new HeaderModel(
                EquatableArray<RecordDecl>.Empty,
                EquatableArray<EnumDecl>.Empty,
                EquatableArray<TypedefDecl>.Empty,
                EquatableArray<FunctionDecl>.Empty,
                EquatableArray<ConstantDecl>.Empty,
                input.Macros,
                input.Diagnostics.Append(failure).ToEquatableArray());
        }
    }
}
