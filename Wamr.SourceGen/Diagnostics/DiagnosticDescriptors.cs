using System.Collections.Generic;

using Microsoft.CodeAnalysis;

namespace Wamr.SourceGen.Diagnostics;

/// <summary>Every diagnostic the generator reports, in one place (also listed in AnalyzerReleases.Unshipped.md).</summary>
public static class DiagnosticDescriptors
{
    private const string Category = "Wamr.SourceGen";

    /// <summary>Preprocessing error.</summary>
    public static readonly DiagnosticDescriptor PreprocessorError = new(DiagnosticIds.PreprocessorError, "Preprocessing error", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>#error in a header.</summary>
    public static readonly DiagnosticDescriptor ErrorDirective = new(DiagnosticIds.ErrorDirective, "#error in a header", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Included header not found.</summary>
    public static readonly DiagnosticDescriptor IncludeNotFound = new(DiagnosticIds.IncludeNotFound, "Included header not found", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Declaration not understood.</summary>
    public static readonly DiagnosticDescriptor ParseError = new(DiagnosticIds.ParseError, "Declaration not understood", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Construct cannot be bound.</summary>
    public static readonly DiagnosticDescriptor Unsupported = new(DiagnosticIds.Unsupported, "Construct cannot be bound", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    /// <summary>Unknown type name.</summary>
    public static readonly DiagnosticDescriptor UnknownType = new(DiagnosticIds.UnknownType, "Unknown type name", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Generator failure.</summary>
    public static readonly DiagnosticDescriptor InternalError = new(DiagnosticIds.InternalError, "Generator failure", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>No header given.</summary>
    public static readonly DiagnosticDescriptor NoHeaders = new(DiagnosticIds.NoHeaders, "No header given", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    /// <summary>Invalid generator option.</summary>
    public static readonly DiagnosticDescriptor InvalidOption = new(DiagnosticIds.InvalidOption, "Invalid generator option", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    /// <summary>Inline function or macro not translated.</summary>
    public static readonly DiagnosticDescriptor HelperNotTranslated = new(DiagnosticIds.HelperNotTranslated, "Inline function or macro not translated", "{0}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    /// <summary>Malformed guard list.</summary>
    public static readonly DiagnosticDescriptor GuardListSyntax = new(DiagnosticIds.GuardListSyntax, "Malformed guard list", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Guard list does not match the headers.</summary>
    public static readonly DiagnosticDescriptor GuardListMismatch = new(DiagnosticIds.GuardListMismatch, "Guard list does not match the headers", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>All descriptors by id.</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> ById { get; } = new Dictionary<string, DiagnosticDescriptor>
    {
        [DiagnosticIds.PreprocessorError] = PreprocessorError,
        [DiagnosticIds.ErrorDirective] = ErrorDirective,
        [DiagnosticIds.IncludeNotFound] = IncludeNotFound,
        [DiagnosticIds.ParseError] = ParseError,
        [DiagnosticIds.Unsupported] = Unsupported,
        [DiagnosticIds.UnknownType] = UnknownType,
        [DiagnosticIds.InternalError] = InternalError,
        [DiagnosticIds.NoHeaders] = NoHeaders,
        [DiagnosticIds.InvalidOption] = InvalidOption,
        [DiagnosticIds.HelperNotTranslated] = HelperNotTranslated,
        [DiagnosticIds.GuardListSyntax] = GuardListSyntax,
        [DiagnosticIds.GuardListMismatch] = GuardListMismatch,
    };
}
