using System;
using System.IO;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>Precompiled (ahead-of-time compiled) modules: the explicit, separately named way to load native code.</summary>
public sealed unsafe partial class Module
{
    /// <summary>
    /// Loads a precompiled module: an envelope made by Wamr.Compiler's <c>AotCompiler</c> (or <see cref="Serialize"/>),
    /// or, only with <see cref="PrecompiledTrust.TrustRawImage"/>, a raw WAMR AOT image.
    /// </summary>
    /// <remarks>
    /// An envelope is verified whole before WAMR's AOT loader sees a byte: its length and SHA-256 (so a truncated or
    /// corrupted file is refused), the WAMR version, the target architecture and operating system, the CPU
    /// instruction-set extensions the code uses, and the features it assumes of the runtime (software bounds checks
    /// on this runtime, which has no guard pages; thread-manager checks; bulk memory and reference types). The hash is
    /// not a signature: load only precompiled modules you made or got from a source you trust like a native library
    /// (README.md, "Ahead-of-time compilation").
    /// </remarks>
    /// <param name="store">The store to load into.</param>
    /// <param name="bytes">The envelope (or raw image).</param>
    /// <param name="trust">Whether raw WAMR AOT images are accepted too.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trust"/> is not a defined value.</exception>
    /// <exception cref="PrecompiledModuleException">A check failed; <see cref="PrecompiledModuleException.Problem"/> says which.</exception>
    /// <exception cref="NotSupportedException">The loaded libiwasm lacks the engine extension the checks need.</exception>
    public static Module FromPrecompiled(Store store, ReadOnlySpan<byte> bytes, PrecompiledTrust trust = PrecompiledTrust.VerifiedEnvelopeOnly)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!Enum.IsDefined(trust))
        {
            throw new ArgumentOutOfRangeException(nameof(trust), trust, "Not a PrecompiledTrust value.");
        }

        store.ThrowIfDisposed();
        switch (BinaryKinds.Of(bytes))
        {
            case BinaryKind.Envelope:
                {
                    PrecompiledEnvelope envelope = PrecompiledEnvelope.Read(bytes);
                    PrecompiledCompatibility.Check(envelope, bytes);
                    byte[] copy = bytes.ToArray();
                    return LoadImage(store, envelope.Image(bytes), ModuleBinary.Read(envelope.Metadata(bytes)), copy, raw: false);
                }

            case BinaryKind.WamrAot when trust == PrecompiledTrust.TrustRawImage:
                {
                    if (PrecompiledCompatibility.FeatureProblem(PrecompiledCompatibility.RequiredFeatures(PrecompiledCompatibility.RuntimeFeatures), PrecompiledCompatibility.RuntimeFeatures) is string problem)
                    {
                        throw PrecompiledEnvelope.Problem(PrecompiledModuleProblem.FeatureMismatch, problem);
                    }

                    PrecompiledCompatibility.CheckImage(bytes, inEnvelope: false);
                    return LoadImage(store, bytes, ModuleBinary.Opaque(), null, raw: true);
                }

            default:
                throw PrecompiledEnvelope.NotAnEnvelope(bytes);
        }
    }

    /// <summary>Loads a precompiled module; see <see cref="FromPrecompiled(Store, ReadOnlySpan{byte}, PrecompiledTrust)"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trust"/> is not a defined value.</exception>
    /// <exception cref="PrecompiledModuleException">A check failed.</exception>
    public static Module FromPrecompiled(Store store, byte[] bytes, PrecompiledTrust trust = PrecompiledTrust.VerifiedEnvelopeOnly)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return FromPrecompiled(store, bytes.AsSpan(), trust);
    }

    /// <summary>Loads a precompiled module from a file; see <see cref="FromPrecompiled(Store, ReadOnlySpan{byte}, PrecompiledTrust)"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trust"/> is not a defined value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="PrecompiledModuleException">A check failed.</exception>
    public static Module FromPrecompiledFile(Store store, string path, PrecompiledTrust trust = PrecompiledTrust.VerifiedEnvelopeOnly)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(path);
        return FromPrecompiled(store, File.ReadAllBytes(path), trust);
    }

    /// <summary>
    /// The module in serialized form: for a module loaded from a precompiled envelope, that envelope (which
    /// <see cref="Deserialize"/> loads again without compiling).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The module or its store is disposed.</exception>
    /// <exception cref="NotSupportedException">The module was loaded from a WebAssembly binary or a raw AOT image: this
    /// runtime cannot compile (WAMR 1.1.2 serializes only in JIT builds); compile the binary with Wamr.Compiler's
    /// <c>AotCompiler</c>, whose output is the serialized form.</exception>
    public byte[] Serialize()
    {
        ThrowIfDisposed();
        if (Precompiled is null)
        {
            throw new NotSupportedException(
                "Only a precompiled module has a serialized form here: this runtime has no compiler (WAMR 1.1.2 serializes only in JIT builds). "
                + "Compile the WebAssembly binary with Wamr.Compiler's AotCompiler; its output is what Deserialize loads.");
        }

        return (byte[])Precompiled.Clone();
    }

    /// <summary>
    /// A module from its serialized form: a precompiled envelope made by Wamr.Compiler or <see cref="Serialize"/>,
    /// verified like <see cref="FromPrecompiled(Store, ReadOnlySpan{byte}, PrecompiledTrust)"/> (raw AOT images are
    /// refused).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    /// <exception cref="PrecompiledModuleException">The bytes are not a verified envelope for this runtime.</exception>
    public static Module Deserialize(Store store, ReadOnlySpan<byte> bytes) => FromPrecompiled(store, bytes, PrecompiledTrust.VerifiedEnvelopeOnly);

    private static Module LoadImage(Store store, ReadOnlySpan<byte> image, ModuleBinary binary, byte[]? envelope, bool raw)
    {
        OrphanedStores.ReleaseDue();
        store.Core.Enter(store);
        try
        {
            wasm_byte_vec_t vector = Copy(image);
            try
            {
                wasm_module_t* native = wasm_module_new(store.Core.Native, &vector);
                if (native == null)
                {
                    throw PrecompiledEnvelope.Problem(PrecompiledModuleProblem.Rejected, "WAMR's AOT loader rejected it: " + LoadError(&vector));
                }

                return new Module(store, native, binary, new object(), envelope) { IsRawPrecompiled = raw };
            }
            finally
            {
                wasm_byte_vec_delete(&vector);
            }
        }
        finally
        {
            store.Core.Exit();
        }
    }
}
