using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Model;

/// <summary>
/// Everything one translation unit (one or more headers) declares, in declaration order, as plain
/// equatable data: no Roslyn symbols or syntax, so the incremental pipeline caches it.
/// </summary>
/// <param name="Records">Structs and unions, anonymous ones included.</param>
/// <param name="Enums">Enums.</param>
/// <param name="Typedefs">Typedefs.</param>
/// <param name="Functions">Function prototypes and inline functions.</param>
/// <param name="Constants"><c>static const</c> objects.</param>
/// <param name="Macros">Macros defined in the headers (not built-in ones) and still defined at the end.</param>
/// <param name="Diagnostics">Problems found while preprocessing and parsing.</param>
public sealed record HeaderModel(
    EquatableArray<RecordDecl> Records,
    EquatableArray<EnumDecl> Enums,
    EquatableArray<TypedefDecl> Typedefs,
    EquatableArray<FunctionDecl> Functions,
    EquatableArray<ConstantDecl> Constants,
    EquatableArray<MacroDefinition> Macros,
    EquatableArray<DiagnosticInfo> Diagnostics);
