using System;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade.Precompiled;

/// <summary>
/// The libiwasm has WAMR's AOT loader, so WAMR's <c>wasm_module_new</c> would load native code: the façade's
/// WebAssembly entry points (<see cref="Module.FromBytes(Store, ReadOnlySpan{byte})"/>, <see cref="Module.Validate(Store, ReadOnlySpan{byte})"/>
/// and the file/stream variants) refuse AOT images and envelopes before WAMR sees a byte.
/// </summary>
[TestClass]
public sealed class WasmApiRefusesAotTests : FacadeTest
{
    /// <summary>A WAMR AOT header (magic, format version 3) followed by garbage: WAMR's AOT loader must never parse it.</summary>
    private static byte[] AotHeaderAndGarbage() => [.. "\0aot"u8.ToArray(), 3, 0, 0, 0, .. Enumerable.Range(0, 64).Select(i => (byte)(i * 37))];

    [TestMethod]
    public void FromBytesRefusesAnAotImage()
    {
        PrecompiledModuleException refused = Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.FromBytes(Store, AotHeaderAndGarbage()));
        Assert.AreEqual(PrecompiledModuleProblem.PrecompiledGivenAsWasm, refused.Problem);
        StringAssert.Contains(refused.Message, "WAMR AOT image");
        StringAssert.Contains(refused.Message, "Module.FromPrecompiled");
        Assert.IsInstanceOfType<WasmException>(refused);
    }

    [TestMethod]
    public void FileAndStreamVariantsRefuseItToo()
    {
        string path = System.IO.Path.GetTempFileName();
        try
        {
            System.IO.File.WriteAllBytes(path, AotHeaderAndGarbage());
            Assert.AreEqual(PrecompiledModuleProblem.PrecompiledGivenAsWasm, Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.FromFile(Store, path)).Problem);
            using var stream = new System.IO.MemoryStream(AotHeaderAndGarbage());
            Assert.AreEqual(PrecompiledModuleProblem.PrecompiledGivenAsWasm, Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.FromStream(Store, stream)).Problem);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [TestMethod]
    public void FromBytesRefusesAnEnvelope()
    {
        byte[] envelope = [0x89, (byte)'W', (byte)'A', (byte)'O', (byte)'T', 0x0D, 0x0A, 0x1A, 1, 0, 112, 0];
        PrecompiledModuleException refused = Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.FromBytes(Store, envelope));
        Assert.AreEqual(PrecompiledModuleProblem.PrecompiledGivenAsWasm, refused.Problem);
        StringAssert.Contains(refused.Message, "Module.FromPrecompiled");
    }

    [TestMethod]
    public void ValidateSaysAnAotImageIsNotValidWasm()
    {
        Assert.IsFalse(Module.Validate(Store, AotHeaderAndGarbage(), out string? error));
        StringAssert.Contains(error, "WAMR AOT image");
        Assert.IsFalse(Module.Validate(Store, AotHeaderAndGarbage()));
    }

    [TestMethod]
    public void WasmStillLoads()
    {
        Assert.AreEqual(5, new Instance(Store, Module.FromBytes(Store, ModuleBytes("arith"))).GetFunction<int, int, int>("add")!(2, 3));
        Assert.IsFalse(Module.FromBytes(Store, ModuleBytes("arith")).IsPrecompiled);
    }
}
