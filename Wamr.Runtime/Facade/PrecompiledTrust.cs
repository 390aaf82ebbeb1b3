namespace Wamr;

/// <summary>What <see cref="Module.FromPrecompiled(Store, System.ReadOnlySpan{byte}, PrecompiledTrust)"/> accepts.</summary>
public enum PrecompiledTrust
{
    /// <summary>
    /// Only envelopes made by Wamr.Compiler, verified whole (length, SHA-256, WAMR version, target, CPU extensions,
    /// features) before WAMR's AOT loader sees a byte. The default.
    /// </summary>
    VerifiedEnvelopeOnly,

    /// <summary>
    /// Also raw WAMR AOT images (<c>.aot</c> files from <c>wamrc</c> or elsewhere). WAMR's AOT loader trusts its input:
    /// a corrupted or malicious image can crash the process or run arbitrary code. Choose this only for files you
    /// produced yourself or got from a source you trust as much as a native library. Header, version and target checks
    /// still run; features (bounds checks) cannot be verified for a raw image.
    /// </summary>
    TrustRawImage,
}
