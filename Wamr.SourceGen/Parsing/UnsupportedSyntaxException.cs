using System;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;

namespace Wamr.SourceGen.Parsing;

/// <summary>Abandons the body being parsed: it uses a construct the body parser does not read.</summary>
internal sealed class UnsupportedSyntaxException : Exception
{
    public UnsupportedSyntaxException(string construct, Token at)
        : base(construct) => Problem = new CSyntaxProblem(construct, at.Location);

    public UnsupportedSyntaxException(CSyntaxProblem problem)
        : base(problem.Message) => Problem = problem;

    /// <summary>What stopped parsing, and where.</summary>
    public CSyntaxProblem Problem { get; }
}
