using System;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Preprocessing;

namespace Wamr.SourceGen.Parsing;

/// <summary>Abandons the declaration being parsed; carries the diagnostic to report.</summary>
internal sealed class ParseException : Exception
{
    private ParseException(DiagnosticInfo diagnostic)
        : base(diagnostic.Message) => Diagnostic = diagnostic;

    public DiagnosticInfo Diagnostic { get; }

    public static ParseException Syntax(string message, Token at) =>
        new(new DiagnosticInfo(DiagnosticIds.ParseError, message, at.Location));

    public static ParseException UnknownType(Token name) =>
        new(new DiagnosticInfo(DiagnosticIds.UnknownType, $"unknown type name '{name.Text}'", name.Location));

    public static ParseException Unsupported(string message, Token at) =>
        new(new DiagnosticInfo(DiagnosticIds.Unsupported, message, at.Location));
}
