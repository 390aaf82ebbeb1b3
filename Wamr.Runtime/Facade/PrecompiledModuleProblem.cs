namespace Wamr;

/// <summary>Why a precompiled (ahead-of-time compiled) module was refused; see <see cref="PrecompiledModuleException"/>.</summary>
public enum PrecompiledModuleProblem
{
    /// <summary>Precompiled bytes (a WAMR AOT image or a precompiled-module envelope) were given to an API that loads
    /// only WebAssembly binaries, such as <see cref="Module.FromBytes(Store, System.ReadOnlySpan{byte})"/>.</summary>
    PrecompiledGivenAsWasm,

    /// <summary>A WebAssembly binary was given to the precompiled-module API.</summary>
    WasmGivenAsPrecompiled,

    /// <summary>The bytes are neither a precompiled-module envelope nor a WAMR AOT image.</summary>
    NotPrecompiled,

    /// <summary>The envelope ends before the length its header declares.</summary>
    Truncated,

    /// <summary>The envelope's header is malformed or its SHA-256 does not match its content.</summary>
    Corrupted,

    /// <summary>The envelope has a format version this library does not read.</summary>
    UnsupportedFormatVersion,

    /// <summary>The module was compiled by another WAMR version than this runtime's.</summary>
    WamrVersionMismatch,

    /// <summary>The module was compiled for another architecture or operating system.</summary>
    TargetMismatch,

    /// <summary>The module was compiled for a CPU with instruction-set extensions this machine lacks.</summary>
    CpuMismatch,

    /// <summary>The module was compiled with features that do not match the runtime's (bounds checks, bulk memory,
    /// reference types, thread-manager checks): running it would corrupt memory or misbehave.</summary>
    FeatureMismatch,

    /// <summary>A raw WAMR AOT image (native code from an unknown origin) was given without the explicit trust
    /// option.</summary>
    RawImageNotTrusted,

    /// <summary>WAMR's AOT loader refused the image.</summary>
    Rejected,
}
