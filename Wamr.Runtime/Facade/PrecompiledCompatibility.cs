using System;
using System.Buffers.Binary;
using System.Text;

using Wamr.Interop;

namespace Wamr;

/// <summary>
/// Whether a precompiled module suits this process's runtime: the checks that run after the envelope's structure and
/// hash (<see cref="PrecompiledEnvelope.Read"/>) and before WAMR's AOT loader sees a byte.
/// </summary>
internal static class PrecompiledCompatibility
{
    /// <summary>WAMR's AOT format version (AOT_CURRENT_VERSION of WAMR 1.1.2).</summary>
    public const uint AotFormatVersion = 3;

    // AOT target-info section: type 0, 36 bytes (bin_type, abi_type, e_type, e_machine: u16; e_version, e_flags,
    // reserved: u32; arch: 16 bytes), right after the magic number and the format version.
    private const int TargetInfoSize = 36;
    private const int MinimumImageSize = 16 + TargetInfoSize;

    /// <summary>The runtime's WAMR_EXT_FEATURE_* bits.</summary>
    public static uint RuntimeFeatures
    {
        get
        {
            WamrExtension.Require("Loading precompiled modules");
            return WamrExt.wamr_ext_build_features();
        }
    }

    /// <summary>The runtime's WAMR version (major * 10000 + minor * 100 + patch).</summary>
    public static uint RuntimeWamrVersion
    {
        get
        {
            WamrExtension.Require("Loading precompiled modules");
            return WamrExt.wamr_ext_wamr_version();
        }
    }

    /// <summary>What code compiled for this runtime must assume (and the compiler records).</summary>
    public static PrecompiledFeatures RequiredFeatures(uint runtime)
    {
        PrecompiledFeatures required = PrecompiledFeatures.None;
        if ((runtime & WamrExt.WAMR_EXT_FEATURE_HW_BOUND_CHECK) == 0)
        {
            required |= PrecompiledFeatures.BoundsChecks;
        }

        return required;
    }

    /// <summary>What code compiled for this runtime may use.</summary>
    public static PrecompiledFeatures AllowedFeatures(uint runtime)
    {
        PrecompiledFeatures allowed = PrecompiledFeatures.BoundsChecks | RequiredFeatures(runtime);

        // Suspend-flag checks read a field of the exec env that exists only in a runtime with the thread manager; without
        // them the code runs correctly but cannot be interrupted (Module.IsInterruptible), so they are optional.
        if ((runtime & WamrExt.WAMR_EXT_FEATURE_THREAD_MGR) != 0)
        {
            allowed |= PrecompiledFeatures.ThreadManagerChecks;
        }

        if ((runtime & WamrExt.WAMR_EXT_FEATURE_BULK_MEMORY) != 0)
        {
            allowed |= PrecompiledFeatures.BulkMemory;
        }

        if ((runtime & WamrExt.WAMR_EXT_FEATURE_REF_TYPES) != 0)
        {
            allowed |= PrecompiledFeatures.ReferenceTypes;
        }

        if ((runtime & WamrExt.WAMR_EXT_FEATURE_DUMP_CALL_STACK) != 0)
        {
            allowed |= PrecompiledFeatures.CallStackFrames;
        }

        if ((runtime & WamrExt.WAMR_EXT_FEATURE_SIMD) != 0)
        {
            allowed |= PrecompiledFeatures.Simd;
        }

        if ((runtime & WamrExt.WAMR_EXT_FEATURE_TAIL_CALL) != 0)
        {
            allowed |= PrecompiledFeatures.TailCall;
        }

        return allowed;
    }

    /// <summary>Why code with <paramref name="features"/> cannot run on a runtime with <paramref name="runtime"/>, or null.</summary>
    public static string? FeatureProblem(PrecompiledFeatures features, uint runtime)
    {
        if ((runtime & WamrExt.WAMR_EXT_FEATURE_AOT) == 0)
        {
            return "the loaded libiwasm was built without WAMR's AOT loader.";
        }

        PrecompiledFeatures missing = RequiredFeatures(runtime) & ~features;
        if ((missing & PrecompiledFeatures.BoundsChecks) != 0)
        {
            return "the module was compiled without software bounds checks, and this runtime has no guard pages (WAMR_DISABLE_HW_BOUND_CHECK): "
                + "its memory accesses would go unchecked. Compile with bounds checks on (the compiler's default for this runtime).";
        }

        if (missing != PrecompiledFeatures.None)
        {
            return $"the module was compiled without {missing}, which this runtime requires.";
        }

        PrecompiledFeatures extra = features & ~AllowedFeatures(runtime);
        return extra != PrecompiledFeatures.None ? $"the module was compiled with {extra}, which this runtime was built without." : null;
    }

    /// <summary>Checks a verified envelope against this process.</summary>
    /// <exception cref="PrecompiledModuleException">The module was made for another runtime or machine.</exception>
    public static void Check(PrecompiledEnvelope envelope, ReadOnlySpan<byte> bytes)
    {
        uint wamr = RuntimeWamrVersion;
        if (envelope.WamrVersion != wamr)
        {
            throw PrecompiledEnvelope.Problem(
                PrecompiledModuleProblem.WamrVersionMismatch,
                $"it was compiled by WAMR {FormatVersion(envelope.WamrVersion)}, and this runtime is WAMR {FormatVersion(wamr)}: compile it again.");
        }

        if (envelope.Target != PrecompiledTarget.Host)
        {
            throw PrecompiledEnvelope.Problem(
                PrecompiledModuleProblem.TargetMismatch,
                $"it was compiled for {envelope.Target}, and this process runs on {PrecompiledTarget.Host}.");
        }

        IsaExtensions missing = envelope.Isa & ~IsaExtensionSet.Host;
        if (missing != IsaExtensions.None)
        {
            throw PrecompiledEnvelope.Problem(
                PrecompiledModuleProblem.CpuMismatch,
                $"it was compiled for CPU '{envelope.Cpu}', whose code uses {missing}, which this machine lacks. Compile for the portable CPU to run on any {envelope.Target.Architecture} machine.");
        }

        if (FeatureProblem(envelope.Features, RuntimeFeatures) is string problem)
        {
            throw PrecompiledEnvelope.Problem(PrecompiledModuleProblem.FeatureMismatch, problem);
        }

        CheckImage(envelope.Image(bytes), inEnvelope: true);
    }

    /// <summary>Checks a WAMR AOT image's header (magic, format version, target) against this process.</summary>
    /// <exception cref="PrecompiledModuleException">It is malformed or made for another machine.</exception>
    public static void CheckImage(ReadOnlySpan<byte> image, bool inEnvelope)
    {
        PrecompiledModuleProblem malformed = inEnvelope ? PrecompiledModuleProblem.Corrupted : PrecompiledModuleProblem.Truncated;
        if (!image.StartsWith(BinaryKinds.WamrAotMagic))
        {
            throw PrecompiledEnvelope.Problem(PrecompiledModuleProblem.Corrupted, "the AOT image does not start with WAMR's magic number \"\\0aot\".");
        }

        if (image.Length < MinimumImageSize)
        {
            throw PrecompiledEnvelope.Problem(malformed, $"the AOT image is only {image.Length} bytes, shorter than its headers.");
        }

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(image[4..]);
        if (version != AotFormatVersion)
        {
            throw PrecompiledEnvelope.Problem(
                PrecompiledModuleProblem.WamrVersionMismatch,
                $"the AOT image has WAMR AOT format version {version}, and this runtime loads version {AotFormatVersion} (WAMR 1.1.2).");
        }

        uint sectionType = BinaryPrimitives.ReadUInt32LittleEndian(image[8..]);
        uint sectionSize = BinaryPrimitives.ReadUInt32LittleEndian(image[12..]);
        if (sectionType != 0 || sectionSize != TargetInfoSize)
        {
            throw PrecompiledEnvelope.Problem(PrecompiledModuleProblem.Corrupted, "the AOT image does not start with a well-formed target-info section.");
        }

        ReadOnlySpan<byte> info = image.Slice(16, TargetInfoSize);
        ushort binType = BinaryPrimitives.ReadUInt16LittleEndian(info);
        ushort machine = BinaryPrimitives.ReadUInt16LittleEndian(info[6..]);
        ReadOnlySpan<byte> archField = info.Slice(20, 16);
        int end = archField.IndexOf((byte)0);
        string arch = Encoding.ASCII.GetString(end < 0 ? archField : archField[..end]);
        bool bigEndian = (binType & 1) != 0;
        bool is64 = (binType & 2) != 0;
        PrecompiledTarget host = PrecompiledTarget.Host;
        if (bigEndian != !BitConverter.IsLittleEndian || is64 != Environment.Is64BitProcess || machine != host.ElfMachine
            || !arch.StartsWith(host.Architecture, StringComparison.Ordinal))
        {
            throw PrecompiledEnvelope.Problem(
                PrecompiledModuleProblem.TargetMismatch,
                $"the AOT image targets '{arch}' (ELF machine {machine}, {(is64 ? 64 : 32)}-bit {(bigEndian ? "big" : "little")}-endian), and this process runs on {host.Architecture}.");
        }
    }

    private static string FormatVersion(uint version) => $"{version / 10000}.{version / 100 % 100}.{version % 100}";
}
