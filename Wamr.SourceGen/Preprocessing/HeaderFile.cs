namespace Wamr.SourceGen.Preprocessing;

/// <summary>A header given to the generator: its path (as MSBuild gave it) and its text.</summary>
/// <param name="Path">The path; <c>#include "x.h"</c> resolves against the file names and relative paths of the headers given.</param>
/// <param name="Text">The contents.</param>
public sealed record HeaderFile(string Path, string Text);
