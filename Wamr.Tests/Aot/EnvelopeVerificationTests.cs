using System;
using System.Buffers.Binary;
using System.Text;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Aot;

/// <summary>
/// "Corrupted, truncated or foreign files get a clear exception, never a crash": every variation of a real compiled
/// envelope is refused by <see cref="Module.FromPrecompiled(Store, ReadOnlySpan{byte}, PrecompiledTrust)"/> before
/// WAMR's AOT loader sees it, with the check that failed.
/// </summary>
[TestClass]
public sealed class EnvelopeVerificationTests : CompilerTest
{
    private static readonly Lazy<byte[]> Envelope = new(() => Compiled("trap"));

    [TestMethod]
    public void TheUntouchedEnvelopeLoads() =>
        Assert.IsTrue(Module.FromPrecompiled(Store, Envelope.Value).IsPrecompiled);

    [TestMethod]
    public void EveryTruncationIsRefused()
    {
        byte[] envelope = Envelope.Value;
        foreach (int length in new[] { 0, 1, 7, 8, 11, 12, 50, HeaderSize - 1, HeaderSize, HeaderSize + 10, envelope.Length / 2, envelope.Length - 33, envelope.Length - 32, envelope.Length - 1 })
        {
            PrecompiledModuleProblem problem = Refusal(envelope[..length]);
            Assert.IsTrue(problem is PrecompiledModuleProblem.Truncated or PrecompiledModuleProblem.NotPrecompiled, $"length {length}: {problem}");
        }
    }

    [TestMethod]
    public void OneFlippedByteAnywhereIsRefused()
    {
        byte[] envelope = Envelope.Value;
        int metadata = (int)BinaryPrimitives.ReadUInt32LittleEndian(envelope.AsSpan(96));
        int imageStart = HeaderSize + metadata;
        int[] positions =
        [
            0, 7, 8, 10, 12, 16, 20, 24, 32, 48, 64, 96, 100, 104, 111, // header fields
            HeaderSize, HeaderSize + (metadata / 2), // metadata
            imageStart, imageStart + 4, imageStart + 20, imageStart + 100, imageStart + ((envelope.Length - 32 - imageStart) / 2), envelope.Length - 33, // image
            envelope.Length - 32, envelope.Length - 1, // hash
        ];
        foreach (int position in positions)
        {
            foreach (byte mask in new byte[] { 0x01, 0x80 })
            {
                byte[] copy = (byte[])envelope.Clone();
                copy[position] ^= mask;
                PrecompiledModuleException e = Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.FromPrecompiled(Store, copy), $"byte {position} ^ {mask:x2}");
                Assert.AreNotEqual(PrecompiledModuleProblem.Rejected, e.Problem, $"byte {position}: WAMR's loader saw it");
                StringAssert.StartsWith(e.Message, "Refused to load the precompiled module:");
            }
        }
    }

    [TestMethod]
    public void TrailingBytesAreRefused() =>
        Assert.AreEqual(PrecompiledModuleProblem.Corrupted, Refusal([.. Envelope.Value, 0]));

    [TestMethod]
    public void AnotherWamrVersionIsRefused()
    {
        byte[] newer = Resealed(Envelope.Value, b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(12), 10300));
        PrecompiledModuleException e = Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.FromPrecompiled(Store, newer));
        Assert.AreEqual(PrecompiledModuleProblem.WamrVersionMismatch, e.Problem);
        StringAssert.Contains(e.Message, "WAMR 1.3.0");
        StringAssert.Contains(e.Message, "WAMR 1.1.2");
    }

    [TestMethod]
    public void AnotherFormatVersionIsRefusedFirst()
    {
        byte[] future = Resealed(Envelope.Value, b => b[8] = 2);
        Assert.AreEqual(PrecompiledModuleProblem.UnsupportedFormatVersion, Refusal(future));
    }

    [TestMethod]
    public void AnotherArchitectureOrSystemIsRefused()
    {
        byte[] arm = Resealed(Envelope.Value, b => WriteField(b, 32, 16, "aarch64"));
        PrecompiledModuleException e = Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.FromPrecompiled(Store, arm));
        Assert.AreEqual(PrecompiledModuleProblem.TargetMismatch, e.Problem);
        StringAssert.Contains(e.Message, "aarch64-linux");
        byte[] windows = Resealed(Envelope.Value, b => WriteField(b, 48, 16, "windows"));
        Assert.AreEqual(PrecompiledModuleProblem.TargetMismatch, Refusal(windows));
        byte[] malformed = Resealed(Envelope.Value, b => b[33] = 0x07);
        Assert.AreEqual(PrecompiledModuleProblem.Corrupted, Refusal(malformed));
    }

    [TestMethod]
    public void CpuExtensionsThisMachineLacksAreRefused()
    {
        // Bit 63 names no extension this machine can report, so no machine has it.
        byte[] future = Resealed(Envelope.Value, b => b[31] |= 0x80);
        PrecompiledModuleException e = Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.FromPrecompiled(Store, future));
        Assert.AreEqual(PrecompiledModuleProblem.CpuMismatch, e.Problem);
        StringAssert.Contains(e.Message, "portable");
    }

    [TestMethod]
    public void FeaturesTheRuntimeCannotRunAreRefused()
    {
        // No bounds checks on a runtime without guard pages: memory accesses would go unchecked.
        byte[] unchecked_ = Resealed(Envelope.Value, b => b[16] &= 0xFE);
        PrecompiledModuleException e = Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.FromPrecompiled(Store, unchecked_));
        Assert.AreEqual(PrecompiledModuleProblem.FeatureMismatch, e.Problem);
        StringAssert.Contains(e.Message, "bounds checks");
        // SIMD (bit 5) and tail calls (bit 6): this runtime was built without them.
        Assert.AreEqual(PrecompiledModuleProblem.FeatureMismatch, Refusal(Resealed(Envelope.Value, b => b[16] |= 0x20)));
        Assert.AreEqual(PrecompiledModuleProblem.FeatureMismatch, Refusal(Resealed(Envelope.Value, b => b[16] |= 0x40)));
        // Without thread-manager checks (bit 3) the code runs but cannot be interrupted: accepted, and said so.
        Assert.IsFalse(Module.FromPrecompiled(Store, Resealed(Envelope.Value, b => b[16] &= 0xF7)).IsInterruptible);
    }

    [TestMethod]
    public void AnImageThatIsNotWamrsIsRefused()
    {
        byte[] envelope = Envelope.Value;
        int metadata = (int)BinaryPrimitives.ReadUInt32LittleEndian(envelope.AsSpan(96));
        byte[] wasmInside = Resealed(envelope, b => "\0asm"u8.CopyTo(b.AsSpan(HeaderSize + metadata)));
        Assert.AreEqual(PrecompiledModuleProblem.Corrupted, Refusal(wasmInside));
        byte[] otherAotVersion = Resealed(envelope, b => b[HeaderSize + metadata + 4] = 4);
        Assert.AreEqual(PrecompiledModuleProblem.WamrVersionMismatch, Refusal(otherAotVersion));
    }

    [TestMethod]
    public void ARealRawImageLoadsOnlyWithExplicitTrust()
    {
        byte[] raw = ImageOf(Compiled("arith"));
        Assert.AreEqual(PrecompiledModuleProblem.RawImageNotTrusted, Refusal(raw));
        Module module = Module.FromPrecompiled(Store, raw, PrecompiledTrust.TrustRawImage);
        Assert.IsTrue(module.IsPrecompiled);
        Assert.AreEqual(5, new Instance(Store, module).GetFunction<int, int, int>("add")!(2, 3));
        // A raw image carries no envelope to serialize, and the start-function guard assumes the worst.
        Assert.ThrowsExactly<NotSupportedException>(() => module.Serialize());
        Module withImports = Module.FromPrecompiled(Store, ImageOf(Compiled("host")), PrecompiledTrust.TrustRawImage);
        Extern[] imports =
        [
            Func.FromCallback(Store, (int a, int b) => a + b), Func.FromCallback(Store, (double x) => x), Func.FromCallback(Store, (long v) => { }),
            Func.FromCallback(Store, () => { }), Func.FromCallback(Store, (int x) => x),
        ];
        StringAssert.Contains(Assert.ThrowsExactly<NotSupportedException>(() => new Instance(Store, withImports, imports)).Message, "raw AOT image");
    }

    [TestMethod]
    public void ARealAotImageIsRefusedByTheWasmApi()
    {
        byte[] raw = ImageOf(Envelope.Value);
        Assert.AreEqual(PrecompiledModuleProblem.PrecompiledGivenAsWasm, Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.FromBytes(Store, raw)).Problem);
        Assert.AreEqual(PrecompiledModuleProblem.PrecompiledGivenAsWasm, Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.FromBytes(Store, Envelope.Value)).Problem);
        Assert.IsFalse(Module.Validate(Store, raw));
    }

    private static void WriteField(byte[] bytes, int offset, int size, string text)
    {
        bytes.AsSpan(offset, size).Clear();
        Encoding.ASCII.GetBytes(text, bytes.AsSpan(offset, size));
    }
}
