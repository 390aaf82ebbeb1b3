using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Compiler;
using Wamr.Tests.Facade;

namespace Wamr.Tests.Aot;

/// <summary>
/// A façade test that needs WAMR's AOT compiler (libwamrc, built where LLVM 14 is installed). Without it every such
/// test fails with the reason, never passes silently.
/// </summary>
public abstract class CompilerTest : FacadeTest
{
    /// <summary>Offset of the module metadata in an envelope (the header size).</summary>
    protected const int HeaderSize = 112;

    [TestInitialize]
    public void RequireCompiler() =>
        Assert.IsTrue(AotCompiler.IsAvailable, "The AOT compiler is not available: " + AotCompiler.UnavailableReason);

    /// <summary>A test module compiled with the default options.</summary>
    protected static byte[] Compiled(string name, AotCompilerOptions? options = null) => AotCompiler.Compile(ModuleBytes(name), options);

    /// <summary>The AOT image inside an envelope (the layout is documented in README.md).</summary>
    protected static byte[] ImageOf(byte[] envelope)
    {
        int metadata = (int)BinaryPrimitives.ReadUInt32LittleEndian(envelope.AsSpan(96));
        int image = (int)BinaryPrimitives.ReadUInt32LittleEndian(envelope.AsSpan(100));
        return envelope.AsSpan(HeaderSize + metadata, image).ToArray();
    }

    /// <summary>A copy of <paramref name="envelope"/> with <paramref name="edit"/> applied and the SHA-256 recomputed: a
    /// well-formed envelope that says something else.</summary>
    protected static byte[] Resealed(byte[] envelope, Action<byte[]> edit)
    {
        byte[] copy = (byte[])envelope.Clone();
        edit(copy);
        SHA256.HashData(copy.AsSpan(0, copy.Length - 32), copy.AsSpan(copy.Length - 32));
        return copy;
    }

    /// <summary>The problem <see cref="Module.FromPrecompiled(Store, ReadOnlySpan{byte}, PrecompiledTrust)"/> reports.</summary>
    protected PrecompiledModuleProblem Refusal(byte[] bytes, PrecompiledTrust trust = PrecompiledTrust.VerifiedEnvelopeOnly) =>
        Assert.ThrowsExactly<PrecompiledModuleException>(() => Module.FromPrecompiled(Store, bytes, trust)).Problem;
}
