using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Wamr;

/// <summary>
/// The envelope Wamr.Compiler wraps every AOT image in, so that the loader can verify the image whole before WAMR's AOT
/// loader (which trusts its input) sees a byte. Version 1, little-endian:
/// <code>
/// offset size  field
///   0     8    magic 89 'W' 'A' 'O' 'T' 0D 0A 1A
///   8     2    format version (1)
///  10     2    header size (112)
///  12     4    WAMR version of the compiler, major * 10000 + minor * 100 + patch
///  16     4    features the code assumes of the runtime (PrecompiledFeatures)
///  20     1    optimisation level     21  1  size level     22  2  reserved (0)
///  24     8    instruction-set extensions the code may use (IsaExtensions)
///  32    16    target architecture, ASCII, NUL-padded ("x86_64")
///  48    16    target operating system, ASCII, NUL-padded ("linux")
///  64    32    target CPU, ASCII, NUL-padded ("x86-64" portable, or LLVM's host CPU name)
///  96     4    length M of the module metadata
/// 100     4    length N of the AOT image
/// 104     8    reserved (0)
/// 112     M    module metadata: a wasm binary with the source module's start, export and "name" sections only
/// 112+M   N    the AOT image, as WAMR's compiler emitted it
/// 112+M+N 32   SHA-256 of every byte before it
/// </code>
/// The hash detects corruption and truncation; it is not a signature (see README.md, "Ahead-of-time compilation",
/// for the trust rule).
/// </summary>
internal sealed class PrecompiledEnvelope
{
    /// <summary>The format version this library writes and reads.</summary>
    public const ushort FormatVersion = 1;

    /// <summary>The size of the fixed header.</summary>
    public const int HeaderSize = 112;

    /// <summary>The size of the trailing SHA-256.</summary>
    public const int HashSize = 32;

    private const int ArchitectureOffset = 32;
    private const int OperatingSystemOffset = 48;
    private const int CpuOffset = 64;
    private const int ArchitectureSize = 16;
    private const int OperatingSystemSize = 16;
    private const int CpuSize = 32;

    private PrecompiledEnvelope(
        uint wamrVersion,
        PrecompiledFeatures features,
        byte optLevel,
        byte sizeLevel,
        IsaExtensions isa,
        PrecompiledTarget target,
        string cpu,
        int metadataLength,
        int imageLength)
    {
        WamrVersion = wamrVersion;
        Features = features;
        OptLevel = optLevel;
        SizeLevel = sizeLevel;
        Isa = isa;
        Target = target;
        Cpu = cpu;
        MetadataLength = metadataLength;
        ImageLength = imageLength;
    }

    /// <summary>The envelope's magic number.</summary>
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'W', (byte)'A', (byte)'O', (byte)'T', 0x0D, 0x0A, 0x1A];

    /// <summary>The WAMR version of the compiler (major * 10000 + minor * 100 + patch).</summary>
    public uint WamrVersion { get; }

    /// <summary>What the code assumes of the runtime.</summary>
    public PrecompiledFeatures Features { get; }

    /// <summary>LLVM optimisation level.</summary>
    public byte OptLevel { get; }

    /// <summary>LLVM size level.</summary>
    public byte SizeLevel { get; }

    /// <summary>Instruction-set extensions the code may use.</summary>
    public IsaExtensions Isa { get; }

    /// <summary>Architecture and operating system.</summary>
    public PrecompiledTarget Target { get; }

    /// <summary>The CPU the code was compiled for.</summary>
    public string Cpu { get; }

    /// <summary>Length of the module metadata.</summary>
    public int MetadataLength { get; }

    /// <summary>Length of the AOT image.</summary>
    public int ImageLength { get; }

    /// <summary>The module metadata inside <paramref name="envelope"/> (the bytes this object was read from).</summary>
    public ReadOnlySpan<byte> Metadata(ReadOnlySpan<byte> envelope) => envelope.Slice(HeaderSize, MetadataLength);

    /// <summary>The AOT image inside <paramref name="envelope"/> (the bytes this object was read from).</summary>
    public ReadOnlySpan<byte> Image(ReadOnlySpan<byte> envelope) => envelope.Slice(HeaderSize + MetadataLength, ImageLength);

    /// <summary>Wraps an AOT image.</summary>
    public static byte[] Write(
        uint wamrVersion,
        PrecompiledFeatures features,
        byte optLevel,
        byte sizeLevel,
        IsaExtensions isa,
        PrecompiledTarget target,
        string cpu,
        ReadOnlySpan<byte> metadata,
        ReadOnlySpan<byte> image)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(cpu);
        long total = (long)HeaderSize + metadata.Length + image.Length + HashSize;
        if (total > int.MaxValue)
        {
            throw new ArgumentException("The AOT image is too large for an envelope (2 GiB).", nameof(image));
        }

        byte[] result = new byte[total];
        Span<byte> span = result;
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], HeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], wamrVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], (uint)features);
        span[20] = optLevel;
        span[21] = sizeLevel;
        BinaryPrimitives.WriteUInt64LittleEndian(span[24..], (ulong)isa);
        WriteText(span.Slice(ArchitectureOffset, ArchitectureSize), target.Architecture, "architecture");
        WriteText(span.Slice(OperatingSystemOffset, OperatingSystemSize), target.OperatingSystem, "operating system");
        WriteText(span.Slice(CpuOffset, CpuSize), cpu, "CPU name");
        BinaryPrimitives.WriteUInt32LittleEndian(span[96..], (uint)metadata.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[100..], (uint)image.Length);
        metadata.CopyTo(span[HeaderSize..]);
        image.CopyTo(span[(HeaderSize + metadata.Length)..]);
        int hashed = result.Length - HashSize;
        SHA256.HashData(span[..hashed], span[hashed..]);
        return result;
    }

    /// <summary>
    /// Reads and verifies the envelope's structure and hash (not yet whether it suits this runtime: see
    /// <see cref="PrecompiledCompatibility"/>).
    /// </summary>
    /// <exception cref="PrecompiledModuleException">Not an envelope, truncated, corrupted or of another format version.</exception>
    public static PrecompiledEnvelope Read(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.StartsWith(Magic))
        {
            throw NotAnEnvelope(bytes);
        }

        if (bytes.Length < 12)
        {
            throw Problem(PrecompiledModuleProblem.Truncated, $"the precompiled module is truncated: {bytes.Length} bytes, shorter than its header.");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        if (version != FormatVersion)
        {
            throw Problem(
                PrecompiledModuleProblem.UnsupportedFormatVersion,
                $"the precompiled module has envelope format version {version}; this library reads version {FormatVersion}. Compile the module again with the Wamr.Compiler that matches this Wamr.Runtime.");
        }

        if (bytes.Length < HeaderSize)
        {
            throw Problem(PrecompiledModuleProblem.Truncated, $"the precompiled module is truncated: {bytes.Length} bytes, shorter than its {HeaderSize}-byte header.");
        }

        ushort headerSize = BinaryPrimitives.ReadUInt16LittleEndian(bytes[10..]);
        uint metadataLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes[96..]);
        uint imageLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes[100..]);
        long expected = (long)HeaderSize + metadataLength + imageLength + HashSize;
        if (headerSize != HeaderSize)
        {
            throw Problem(PrecompiledModuleProblem.Corrupted, $"the precompiled module's header size is {headerSize}, not {HeaderSize}: the file is corrupted.");
        }

        if (bytes.Length < expected)
        {
            throw Problem(PrecompiledModuleProblem.Truncated, $"the precompiled module is truncated: {bytes.Length} bytes where its header declares {expected}.");
        }

        if (bytes.Length > expected)
        {
            throw Problem(PrecompiledModuleProblem.Corrupted, $"the precompiled module has {bytes.Length - expected} bytes after its end: the file is corrupted or was concatenated with something.");
        }

        int hashed = bytes.Length - HashSize;
        Span<byte> actual = stackalloc byte[HashSize];
        SHA256.HashData(bytes[..hashed], actual);
        if (!actual.SequenceEqual(bytes[hashed..]))
        {
            throw Problem(PrecompiledModuleProblem.Corrupted, "the precompiled module's SHA-256 does not match its content: the file is corrupted.");
        }

        if (!bytes.Slice(22, 2).SequenceEqual(stackalloc byte[2]) || !bytes.Slice(104, 8).SequenceEqual(stackalloc byte[8]))
        {
            throw Problem(PrecompiledModuleProblem.Corrupted, "the precompiled module's reserved header fields are not zero.");
        }

        var target = new PrecompiledTarget(
            ReadText(bytes.Slice(ArchitectureOffset, ArchitectureSize), "architecture"),
            ReadText(bytes.Slice(OperatingSystemOffset, OperatingSystemSize), "operating system"));
        return new PrecompiledEnvelope(
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]),
            (PrecompiledFeatures)BinaryPrimitives.ReadUInt32LittleEndian(bytes[16..]),
            bytes[20],
            bytes[21],
            (IsaExtensions)BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]),
            target,
            ReadText(bytes.Slice(CpuOffset, CpuSize), "CPU name"),
            (int)metadataLength,
            (int)imageLength);
    }

    /// <summary>The feature field of an envelope <see cref="Read"/> has verified.</summary>
    public static PrecompiledFeatures FeaturesOf(ReadOnlySpan<byte> verified) =>
        (PrecompiledFeatures)BinaryPrimitives.ReadUInt32LittleEndian(verified[16..]);

    /// <summary>The exception for bytes that do not start with the envelope's magic number.</summary>
    public static PrecompiledModuleException NotAnEnvelope(ReadOnlySpan<byte> bytes) => BinaryKinds.Of(bytes) switch
    {
        BinaryKind.Wasm => Problem(
            PrecompiledModuleProblem.WasmGivenAsPrecompiled,
            "these bytes are a WebAssembly binary, not a precompiled module: load them with Module.FromBytes, or compile them with Wamr.Compiler's AotCompiler first."),
        BinaryKind.WamrAot => Problem(
            PrecompiledModuleProblem.RawImageNotTrusted,
            "these bytes are a raw WAMR AOT image, not an envelope made by Wamr.Compiler: WAMR's AOT loader trusts its input, so a raw image "
            + "is loaded only with PrecompiledTrust.TrustRawImage, for files you trust like a native library (see README.md, \"Ahead-of-time compilation\")."),
        _ => Problem(PrecompiledModuleProblem.NotPrecompiled, "these bytes are not a precompiled module (no envelope or AOT magic number)."),
    };

    /// <summary>An exception with the message prefix every refusal shares.</summary>
    public static PrecompiledModuleException Problem(PrecompiledModuleProblem problem, string reason) =>
        new(problem, "Refused to load the precompiled module: " + reason);

    private static void WriteText(Span<byte> field, string text, string what)
    {
        if (text.Length == 0 || text.Length > field.Length || !IsPrintableAscii(text))
        {
            throw new ArgumentException($"The {what} '{text}' does not fit the envelope ({field.Length} printable ASCII characters at most).");
        }

        Encoding.ASCII.GetBytes(text, field);
    }

    private static string ReadText(ReadOnlySpan<byte> field, string what)
    {
        int end = field.IndexOf((byte)0);
        ReadOnlySpan<byte> text = end < 0 ? field : field[..end];
        if (text.IsEmpty || (end >= 0 && field[end..].IndexOfAnyExcept((byte)0) >= 0))
        {
            throw Problem(PrecompiledModuleProblem.Corrupted, $"the precompiled module's {what} field is malformed.");
        }

        foreach (byte b in text)
        {
            if (b < 0x20 || b > 0x7E)
            {
                throw Problem(PrecompiledModuleProblem.Corrupted, $"the precompiled module's {what} field is malformed.");
            }
        }

        return Encoding.ASCII.GetString(text);
    }

    private static bool IsPrintableAscii(string text)
    {
        foreach (char c in text)
        {
            if (c < 0x20 || c > 0x7E)
            {
                return false;
            }
        }

        return true;
    }
}
