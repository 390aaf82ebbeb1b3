using System.Collections.Generic;
using System.Linq;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.Tests.SourceGen.Preprocessing;

/// <summary>Runs the preprocessor over small texts and renders its output for comparison.</summary>
internal static class PreprocessorTestHelper
{
    /// <summary>Preprocesses <paramref name="text"/> as the main header "test.h" (64-bit unless told).</summary>
    public static PreprocessResult Run(string text, int pointerSize = 8, params HeaderFile[] others)
    {
        var headers = new List<HeaderFile> { new("test.h", text) };
        headers.AddRange(others);
        return Preprocessor.Run(headers, new[] { "test.h" }, new PreprocessorOptions(pointerSize, EquatableArray<PredefinedMacro>.Empty));
    }

    /// <summary>The output tokens joined by single spaces.</summary>
    public static string Text(PreprocessResult result) => string.Join(" ", result.Tokens.Select(t => t.Text));

    /// <summary>C text as tokens joined by single spaces, to compare with <see cref="Text"/>.</summary>
    public static string Tokens(string c) => string.Join(" ", Lexer.Tokenize("expected", c).Select(t => t.Text));

    /// <summary>Preprocesses <paramref name="text"/>, asserts there is no diagnostic and returns the output text.</summary>
    public static string Expand(string text)
    {
        PreprocessResult result = Run(text);
        NoDiagnostics(result);
        return Text(result);
    }

    /// <summary>Asserts that preprocessing reported nothing.</summary>
    public static void NoDiagnostics(PreprocessResult result) =>
        Microsoft.VisualStudio.TestTools.UnitTesting.Assert.IsEmpty(
            result.Diagnostics, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));

    /// <summary>Asserts exactly one diagnostic with this id at this line and returns it.</summary>
    public static DiagnosticInfo Single(PreprocessResult result, string id, int line)
    {
        Microsoft.VisualStudio.TestTools.UnitTesting.Assert.HasCount(
            1, result.Diagnostics, string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
        DiagnosticInfo d = result.Diagnostics[0];
        Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(id, d.Id, d.ToString());
        Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(line, d.Location.Line, d.ToString());
        return d;
    }
}
