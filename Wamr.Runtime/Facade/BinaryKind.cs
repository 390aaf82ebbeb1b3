using System;

namespace Wamr;

/// <summary>What a module's first bytes say it is (WAMR decides between its loaders by the same four bytes).</summary>
internal enum BinaryKind
{
    /// <summary>Anything else, including too short to tell.</summary>
    Unknown,

    /// <summary>A WebAssembly binary (<c>\0asm</c>).</summary>
    Wasm,

    /// <summary>A raw WAMR AOT image (<c>\0aot</c>): native code.</summary>
    WamrAot,

    /// <summary>A precompiled-module envelope (<see cref="PrecompiledEnvelope.Magic"/>).</summary>
    Envelope,
}

/// <summary>Tells binaries apart by their magic numbers.</summary>
internal static class BinaryKinds
{
    /// <summary>WebAssembly's magic number.</summary>
    public static ReadOnlySpan<byte> WasmMagic => "\0asm"u8;

    /// <summary>WAMR's AOT file magic number.</summary>
    public static ReadOnlySpan<byte> WamrAotMagic => "\0aot"u8;

    /// <summary>What <paramref name="bytes"/> start with.</summary>
    public static BinaryKind Of(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(WasmMagic))
        {
            return BinaryKind.Wasm;
        }

        if (bytes.StartsWith(WamrAotMagic))
        {
            return BinaryKind.WamrAot;
        }

        return bytes.StartsWith(PrecompiledEnvelope.Magic) ? BinaryKind.Envelope : BinaryKind.Unknown;
    }

    /// <summary>Throws when <paramref name="bytes"/> are precompiled code given to an API that loads only wasm.</summary>
    /// <exception cref="PrecompiledModuleException">They are a WAMR AOT image or an envelope.</exception>
    public static void ThrowIfPrecompiled(ReadOnlySpan<byte> bytes, string api)
    {
        if (RefusalAsWasm(bytes, api) is string message)
        {
            throw new PrecompiledModuleException(PrecompiledModuleProblem.PrecompiledGivenAsWasm, message);
        }
    }

    /// <summary>Why <paramref name="api"/> refuses <paramref name="bytes"/>, or null when they may be wasm.</summary>
    public static string? RefusalAsWasm(ReadOnlySpan<byte> bytes, string api) => Of(bytes) switch
    {
        BinaryKind.WamrAot =>
            $"{api} loads WebAssembly binaries only, and these bytes are a WAMR AOT image (magic \"\\0aot\"): native code, which is never loaded "
            + "from bytes of unknown origin. Load precompiled modules with Module.FromPrecompiled (and, for an AOT image not made by "
            + "Wamr.Compiler, PrecompiledTrust.TrustRawImage); see README.md, \"Ahead-of-time compilation\".",
        BinaryKind.Envelope =>
            $"{api} loads WebAssembly binaries only, and these bytes are a precompiled module (made by Wamr.Compiler). "
            + "Load them with Module.FromPrecompiled.",
        _ => null,
    };
}
