namespace Wamr;

/// <summary>
/// A module was refused before WAMR loaded it because it is beyond a <see cref="ModuleLimits"/> bound, or declares more
/// entries than its bytes could hold. The message says what was refused and where.
/// </summary>
public sealed class ModuleLimitException : WasmException
{
    internal ModuleLimitException(string limit, string message)
        : base(message)
    {
        Limit = limit;
    }

    /// <summary>The bound that refused the module: the name of a <see cref="ModuleLimits"/> property, or
    /// <c>"declared count"</c> for a vector longer than its bytes.</summary>
    public string Limit { get; }
}
