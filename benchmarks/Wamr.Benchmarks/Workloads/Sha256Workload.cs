using System;
using System.Security.Cryptography;

namespace Wamr.Benchmarks.Workloads;

/// <summary>
/// The compute workload: SHA-256 of <see cref="InputBytes"/> bytes by <c>Workloads/sha256.c</c>, compiled to
/// <c>sha256.wasm</c> (<c>build.sh</c>) for the engines and natively into the C baseline. Every engine hashes the same
/// input (<see cref="Input"/>, the pattern baseline.c writes) and its digest is checked against .NET's own SHA-256.
/// </summary>
public static class Sha256Workload
{
    /// <summary>The report's operation name.</summary>
    public const string Operation = "sha256";

    /// <summary>How many bytes each operation hashes.</summary>
    public const int InputBytes = 256 * 1024;

    /// <summary>The module file (beside the benchmarks, in <c>Workloads/</c>).</summary>
    public const string ModuleFile = "sha256.wasm";

    /// <summary>The module's path in the output folder.</summary>
    public static string ModulePath => System.IO.Path.Combine(AppContext.BaseDirectory, "Workloads", ModuleFile);

    /// <summary>The input: byte i is <c>(i * 167 + 13) &gt;&gt; 3</c> truncated, as baseline.c writes it.</summary>
    /// <returns>The bytes.</returns>
    public static byte[] Input()
    {
        byte[] input = new byte[InputBytes];
        for (uint i = 0; i < input.Length; i++)
        {
            input[i] = (byte)(((i * 167u) + 13u) >> 3);
        }

        return input;
    }

    /// <summary>The digest every engine must produce.</summary>
    /// <returns>32 bytes.</returns>
    public static byte[] ExpectedDigest() => SHA256.HashData(Input());

    /// <summary>Throws unless <paramref name="digest"/> is the expected one.</summary>
    /// <param name="engine">Who produced it, for the message.</param>
    /// <param name="digest">The 32 bytes it produced.</param>
    public static void Check(string engine, ReadOnlySpan<byte> digest)
    {
        if (!digest.SequenceEqual(ExpectedDigest()))
        {
            throw new InvalidOperationException($"{engine}: wrong SHA-256 {Convert.ToHexString(digest)}, expected {Convert.ToHexString(ExpectedDigest())}");
        }
    }
}
