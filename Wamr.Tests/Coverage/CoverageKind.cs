namespace Wamr.Tests.Coverage;

/// <summary>What a test proves about the function it covers.</summary>
public enum CoverageKind
{
    /// <summary>Expected, safe arguments; the results are asserted.</summary>
    Positive,

    /// <summary>Null or otherwise unexpected arguments give the documented failure value or a clean managed exception.</summary>
    Negative,
}
