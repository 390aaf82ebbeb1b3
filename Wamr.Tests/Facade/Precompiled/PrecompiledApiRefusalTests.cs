using System;
using System.IO;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade.Precompiled;

/// <summary>
/// <see cref="Module.FromPrecompiled(Store, ReadOnlySpan{byte}, PrecompiledTrust)"/> on bytes that are not a verified
/// envelope: refused with the check that failed, before WAMR's AOT loader sees them. (Envelopes made by the compiler,
/// and their corruptions, are tested in Wamr.Tests/Compiler.)
/// </summary>
[TestClass]
public sealed class PrecompiledApiRefusalTests : FacadeTest
{
    private static PrecompiledModuleProblem Refusal(Func<Module> load) => Assert.ThrowsExactly<PrecompiledModuleException>(() => load()).Problem;

    [TestMethod]
    public void AWasmBinaryIsRefusedWithAPointerToTheWasmApi()
    {
        PrecompiledModuleException refused = Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.FromPrecompiled(Store, ModuleBytes("arith")));
        Assert.AreEqual(PrecompiledModuleProblem.WasmGivenAsPrecompiled, refused.Problem);
        StringAssert.Contains(refused.Message, "Module.FromBytes");
        Assert.AreEqual(PrecompiledModuleProblem.WasmGivenAsPrecompiled, Refusal(() => Module.FromPrecompiled(Store, ModuleBytes("arith"), PrecompiledTrust.TrustRawImage)));
    }

    [TestMethod]
    public void ARawAotImageNeedsTheExplicitTrustOption()
    {
        byte[] raw = [.. "\0aot"u8.ToArray(), 3, 0, 0, 0, .. new byte[64]];
        PrecompiledModuleException refused = Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.FromPrecompiled(Store, raw));
        Assert.AreEqual(PrecompiledModuleProblem.RawImageNotTrusted, refused.Problem);
        StringAssert.Contains(refused.Message, "TrustRawImage");
        Assert.AreEqual(PrecompiledModuleProblem.RawImageNotTrusted, Refusal(() => Module.Deserialize(Store, raw)));
    }

    [TestMethod]
    public void TrustedRawImagesStillHaveTheirHeaderChecked()
    {
        // Each of these fails a header check, so WAMR's loader never parses the (garbage) rest.
        byte[] wrongVersion = [.. "\0aot"u8.ToArray(), 9, 0, 0, 0, .. new byte[64]];
        Assert.AreEqual(PrecompiledModuleProblem.WamrVersionMismatch, Refusal(() => Module.FromPrecompiled(Store, wrongVersion, PrecompiledTrust.TrustRawImage)));
        byte[] noTargetSection = [.. "\0aot"u8.ToArray(), 3, 0, 0, 0, 1, 0, 0, 0, .. new byte[64]];
        Assert.AreEqual(PrecompiledModuleProblem.Corrupted, Refusal(() => Module.FromPrecompiled(Store, noTargetSection, PrecompiledTrust.TrustRawImage)));
        byte[] tooShort = [.. "\0aot"u8.ToArray(), 3, 0, 0, 0];
        Assert.AreEqual(PrecompiledModuleProblem.Truncated, Refusal(() => Module.FromPrecompiled(Store, tooShort, PrecompiledTrust.TrustRawImage)));

        // A well-formed target-info section for another machine (ELF machine 40, ARM, 32-bit).
        byte[] otherMachine = [.. "\0aot"u8.ToArray(), 3, 0, 0, 0, 0, 0, 0, 0, 36, 0, 0, 0, 0, 0, 0, 0, 1, 0, 40, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            .. "armv7\0\0\0\0\0\0\0\0\0\0\0"u8.ToArray(), .. new byte[64]];
        PrecompiledModuleException foreign = Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.FromPrecompiled(Store, otherMachine, PrecompiledTrust.TrustRawImage));
        Assert.AreEqual(PrecompiledModuleProblem.TargetMismatch, foreign.Problem);
        StringAssert.Contains(foreign.Message, "armv7");
    }

    [TestMethod]
    public void OtherBytesAreNotPrecompiled()
    {
        Assert.AreEqual(PrecompiledModuleProblem.NotPrecompiled, Refusal(() => Module.FromPrecompiled(Store, [1, 2, 3, 4, 5, 6, 7, 8, 9])));
        Assert.AreEqual(PrecompiledModuleProblem.NotPrecompiled, Refusal(() => Module.FromPrecompiled(Store, ReadOnlySpan<byte>.Empty)));
    }

    [TestMethod]
    public void EnvelopeHeadersAreCheckedBeforeAnythingElse()
    {
        byte[] magic = [0x89, (byte)'W', (byte)'A', (byte)'O', (byte)'T', 0x0D, 0x0A, 0x1A];
        Assert.AreEqual(PrecompiledModuleProblem.Truncated, Refusal(() => Module.FromPrecompiled(Store, magic)));
        Assert.AreEqual(PrecompiledModuleProblem.UnsupportedFormatVersion, Refusal(() => Module.FromPrecompiled(Store, [.. magic, 2, 0, 112, 0, .. new byte[200]])));
        Assert.AreEqual(PrecompiledModuleProblem.Truncated, Refusal(() => Module.FromPrecompiled(Store, [.. magic, 1, 0, 112, 0, .. new byte[50]])));
        // A complete header whose lengths and hash do not add up.
        Assert.AreEqual(PrecompiledModuleProblem.Corrupted, Refusal(() => Module.FromPrecompiled(Store, [.. magic, 1, 0, 112, 0, .. new byte[132]])));
    }

    [TestMethod]
    public void FileVariantReadsTheFile()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, ModuleBytes("arith"));
            Assert.AreEqual(PrecompiledModuleProblem.WasmGivenAsPrecompiled, Refusal(() => Module.FromPrecompiledFile(Store, path)));
            Assert.ThrowsExactly<FileNotFoundException>(() => Module.FromPrecompiledFile(Store, path + ".missing"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void ArgumentsAreChecked()
    {
        Assert.AreEqual("store", Assert.ThrowsExactly<ArgumentNullException>(() => Module.FromPrecompiled(null!, new byte[8])).ParamName);
        Assert.AreEqual("bytes", Assert.ThrowsExactly<ArgumentNullException>(() => Module.FromPrecompiled(Store, (byte[])null!)).ParamName);
        Assert.AreEqual("store", Assert.ThrowsExactly<ArgumentNullException>(() => Module.FromPrecompiled(null!, ReadOnlySpan<byte>.Empty)).ParamName);
        Assert.AreEqual("path", Assert.ThrowsExactly<ArgumentNullException>(() => Module.FromPrecompiledFile(Store, null!)).ParamName);
        Assert.AreEqual("store", Assert.ThrowsExactly<ArgumentNullException>(() => Module.FromPrecompiledFile(null!, "x")).ParamName);
        Assert.AreEqual("trust", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Module.FromPrecompiled(Store, new byte[8], (PrecompiledTrust)7)).ParamName);
        var store = new Store(Engine);
        store.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => Module.FromPrecompiled(store, new byte[8]));
    }

    [TestMethod]
    public void TheExceptionCarriesItsProblem()
    {
        Assert.AreEqual(PrecompiledModuleProblem.Rejected, new PrecompiledModuleException().Problem);
        Assert.AreEqual("m", new PrecompiledModuleException("m").Message);
        var inner = new InvalidOperationException();
        Assert.AreSame(inner, new PrecompiledModuleException("m", inner).InnerException);
        Assert.AreEqual(PrecompiledModuleProblem.CpuMismatch, new PrecompiledModuleException(PrecompiledModuleProblem.CpuMismatch, "m").Problem);
        Assert.IsTrue(Enum.GetValues<PrecompiledModuleProblem>().Distinct().Count() == 12);
    }
}
