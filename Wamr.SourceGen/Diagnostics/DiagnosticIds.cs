namespace Wamr.SourceGen.Diagnostics;

/// <summary>The ids of every diagnostic the generator reports (listed in AnalyzerReleases.Unshipped.md).</summary>
public static class DiagnosticIds
{
    /// <summary>A preprocessing directive is malformed or cannot be evaluated.</summary>
    public const string PreprocessorError = "WAMRGEN001";

    /// <summary><c>#error</c> was reached.</summary>
    public const string ErrorDirective = "WAMRGEN002";

    /// <summary>An <c>#include</c> names a header that was not given to the generator and is not built in.</summary>
    public const string IncludeNotFound = "WAMRGEN003";

    /// <summary>A declaration could not be parsed; it is skipped.</summary>
    public const string ParseError = "WAMRGEN004";

    /// <summary>A construct is understood but cannot be bound (bitfields, for example); it is skipped.</summary>
    public const string Unsupported = "WAMRGEN005";

    /// <summary>A type name is used that no header declares.</summary>
    public const string UnknownType = "WAMRGEN006";

    /// <summary>The generator failed unexpectedly; the message carries the exception.</summary>
    public const string InternalError = "WAMRGEN007";

    /// <summary>No header was given to the generator.</summary>
    public const string NoHeaders = "WAMRGEN008";

    /// <summary>A generator option (MSBuild property) has an invalid value.</summary>
    public const string InvalidOption = "WAMRGEN009";

    /// <summary>
    /// An inline function or value macro of a header has no C# helper: its body uses something the translator does
    /// not support (the message says what). Informational: everything else is bound.
    /// </summary>
    public const string HelperNotTranslated = "WAMRGEN010";

    /// <summary>A line of a guard list is malformed, or names a function twice.</summary>
    public const string GuardListSyntax = "WAMRGEN011";

    /// <summary>A guard list names a function no header declares, or a parameter it does not have or that is not a pointer.</summary>
    public const string GuardListMismatch = "WAMRGEN012";
}
