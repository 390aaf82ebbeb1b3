using System.Collections.Generic;

using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// A helper translated from an inline function or a macro: the C# members to write into its class (doc comments
/// and attributes included, indented relative to the class body), and the other helpers it calls.
/// </summary>
/// <param name="Name">The C name.</param>
/// <param name="ClassName">The class it belongs to (the class of the header that declares it).</param>
/// <param name="Lines">The C# text, one line per element.</param>
/// <param name="Calls">The inline functions it calls: it is emitted only if they are.</param>
/// <param name="Location">Where the header declares it.</param>
public sealed record TranslatedHelper(string Name, string ClassName, IReadOnlyList<string> Lines, IReadOnlyCollection<string> Calls, SourceLocation Location);
