using System;
using System.Collections.Generic;
using System.Collections.Immutable;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Preprocessing;

/// <summary>
/// The C preprocessor of the generator: runs headers as one translation unit, obeying directives
/// (<c>#define</c>, <c>#if</c> and friends, <c>#include</c> of given and known system headers) and expanding
/// macros. It never throws: every problem becomes a diagnostic at its header line.
/// </summary>
public static class Preprocessor
{
    /// <summary>
    /// Preprocesses <paramref name="mainFiles"/> (paths of <paramref name="headers"/>), in order, as one
    /// translation unit: macros and include guards carry over from one to the next.
    /// </summary>
    /// <param name="headers">Every header the generator was given; <c>#include "x.h"</c> resolves among them.</param>
    /// <param name="mainFiles">The headers to process, in order.</param>
    /// <param name="options">The pointer size and the predefined macros.</param>
    /// <returns>The tokens after preprocessing, the macros the headers defined and the diagnostics.</returns>
    public static PreprocessResult Run(IReadOnlyList<HeaderFile> headers, IReadOnlyList<string> mainFiles, PreprocessorOptions options)
    {
        try
        {
            return new PreprocessorSession(headers ?? Array.Empty<HeaderFile>(), options ?? PreprocessorOptions.Default)
                .Run(mainFiles ?? Array.Empty<string>());
        }
        catch (Exception e)
        {
            var diagnostic = new DiagnosticInfo(
                DiagnosticIds.PreprocessorError,
                $"internal preprocessor error: {e.GetType().Name}: {e.Message}",
                SourceLocation.BuiltIn);
            return new PreprocessResult(
                EquatableArray<Token>.Empty,
                EquatableArray<MacroDefinition>.Empty,
                ImmutableArray.Create(diagnostic));
        }
    }
}
