using System;
using System.Collections.Generic;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Wamr;

/// <summary>
/// Instruction-set extensions a precompiled module's code may use beyond its architecture's baseline, as far as .NET
/// can detect them on the loading machine. The compiler records those its target CPU enables; the loader refuses an
/// image that needs one this machine lacks (its code would die of an illegal instruction).
/// </summary>
[Flags]
internal enum IsaExtensions : ulong
{
    None = 0,
    Sse3 = 1UL << 0,
    Ssse3 = 1UL << 1,
    Sse41 = 1UL << 2,
    Sse42 = 1UL << 3,
    Popcnt = 1UL << 4,
    Avx = 1UL << 5,
    Avx2 = 1UL << 6,
    Fma = 1UL << 7,
    Bmi1 = 1UL << 8,
    Bmi2 = 1UL << 9,
    Lzcnt = 1UL << 10,
    Aes = 1UL << 11,
    Pclmulqdq = 1UL << 12,
    Avx512F = 1UL << 13,
    Avx512BW = 1UL << 14,
    Avx512CD = 1UL << 15,
    Avx512DQ = 1UL << 16,
    Avx512VL = 1UL << 17,
    ArmCrc32 = 1UL << 32,
    ArmAes = 1UL << 33,
    ArmSha1 = 1UL << 34,
    ArmSha256 = 1UL << 35,
    ArmDotProduct = 1UL << 36,
    ArmRdm = 1UL << 37,
}

/// <summary>The extensions of this machine, and LLVM's names for them.</summary>
internal static class IsaExtensionSet
{
    /// <summary>LLVM's feature names (as in <c>+avx2</c>) of the extensions .NET can detect.</summary>
    private static readonly Dictionary<string, IsaExtensions> LlvmNames = new(StringComparer.Ordinal)
    {
        ["sse3"] = IsaExtensions.Sse3,
        ["ssse3"] = IsaExtensions.Ssse3,
        ["sse4.1"] = IsaExtensions.Sse41,
        ["sse4.2"] = IsaExtensions.Sse42,
        ["popcnt"] = IsaExtensions.Popcnt,
        ["avx"] = IsaExtensions.Avx,
        ["avx2"] = IsaExtensions.Avx2,
        ["fma"] = IsaExtensions.Fma,
        ["bmi"] = IsaExtensions.Bmi1,
        ["bmi2"] = IsaExtensions.Bmi2,
        ["lzcnt"] = IsaExtensions.Lzcnt,
        ["aes"] = IsaExtensions.Aes,
        ["pclmul"] = IsaExtensions.Pclmulqdq,
        ["avx512f"] = IsaExtensions.Avx512F,
        ["avx512bw"] = IsaExtensions.Avx512BW,
        ["avx512cd"] = IsaExtensions.Avx512CD,
        ["avx512dq"] = IsaExtensions.Avx512DQ,
        ["avx512vl"] = IsaExtensions.Avx512VL,
        ["crc"] = IsaExtensions.ArmCrc32,
        ["crypto"] = IsaExtensions.ArmAes,
        ["sha2"] = IsaExtensions.ArmSha256,
        ["dotprod"] = IsaExtensions.ArmDotProduct,
        ["rdm"] = IsaExtensions.ArmRdm,
    };

    /// <summary>The extensions this machine has, as .NET detects them.</summary>
    public static IsaExtensions Host { get; } = DetectHost();

    /// <summary>The detectable extensions an LLVM feature string (<c>+sse2,+avx,-avx512f,…</c>) enables.</summary>
    public static IsaExtensions FromLlvmFeatures(string features)
    {
        ArgumentNullException.ThrowIfNull(features);
        IsaExtensions result = IsaExtensions.None;
        foreach (string item in features.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (item.Length > 1 && item[0] == '+' && LlvmNames.TryGetValue(item[1..], out IsaExtensions extension))
            {
                result |= extension;
            }
        }

        return result;
    }

    private static IsaExtensions DetectHost()
    {
        IsaExtensions result = IsaExtensions.None;
        void Add(bool supported, IsaExtensions extension)
        {
            if (supported)
            {
                result |= extension;
            }
        }

        Add(Sse3.IsSupported, IsaExtensions.Sse3);
        Add(Ssse3.IsSupported, IsaExtensions.Ssse3);
        Add(Sse41.IsSupported, IsaExtensions.Sse41);
        Add(Sse42.IsSupported, IsaExtensions.Sse42);
        Add(Popcnt.IsSupported, IsaExtensions.Popcnt);
        Add(Avx.IsSupported, IsaExtensions.Avx);
        Add(Avx2.IsSupported, IsaExtensions.Avx2);
        Add(Fma.IsSupported, IsaExtensions.Fma);
        Add(Bmi1.IsSupported, IsaExtensions.Bmi1);
        Add(Bmi2.IsSupported, IsaExtensions.Bmi2);
        Add(Lzcnt.IsSupported, IsaExtensions.Lzcnt);
        Add(System.Runtime.Intrinsics.X86.Aes.IsSupported, IsaExtensions.Aes);
        Add(Pclmulqdq.IsSupported, IsaExtensions.Pclmulqdq);
        Add(Avx512F.IsSupported, IsaExtensions.Avx512F);
        Add(Avx512BW.IsSupported, IsaExtensions.Avx512BW);
        Add(Avx512CD.IsSupported, IsaExtensions.Avx512CD);
        Add(Avx512DQ.IsSupported, IsaExtensions.Avx512DQ);
        Add(Avx512F.VL.IsSupported, IsaExtensions.Avx512VL);
        Add(Crc32.IsSupported, IsaExtensions.ArmCrc32);
        Add(System.Runtime.Intrinsics.Arm.Aes.IsSupported, IsaExtensions.ArmAes);
        Add(Sha1.IsSupported, IsaExtensions.ArmSha1);
        Add(Sha256.IsSupported, IsaExtensions.ArmSha256);
        Add(Dp.IsSupported, IsaExtensions.ArmDotProduct);
        Add(Rdm.IsSupported, IsaExtensions.ArmRdm);
        return result;
    }
}
