using System;
using System.Runtime.InteropServices;
using System.Text;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Compiler;
using Wamr.Compiler.Interop;

using static Wamr.Compiler.Interop.WamrcExt;

namespace Wamr.Tests.Aot;

/// <summary>
/// libwamrc itself: its extension functions (<c>native/compiler/wamrc_ext.h</c>), positive and negative, and the
/// symbol hygiene that lets it share a process with libiwasm (both carry WAMR's runtime).
/// </summary>
[TestClass]
public sealed unsafe class CompilerLibraryTests : CompilerTest
{
    [TestMethod]
    public void ItExportsOnlyTheCompilerApi()
    {
        nint library = CompilerNativeLibrary.Load();
        foreach (string name in new[] { "aot_compile_wasm", "aot_create_comp_context", "aot_get_last_error", "wamrc_ext_load", "wamrc_ext_emit_aot" })
        {
            Assert.IsTrue(NativeLibrary.TryGetExport(library, name, out _), name + " is not exported");
        }

        // Its private copy of WAMR's runtime stays private: none of libiwasm's names resolve in it.
        foreach (string name in new[] { "wasm_runtime_load", "wasm_runtime_init", "wasm_module_new", "wasm_engine_new", "aot_load_from_aot_file", "bh_vprintf", "os_malloc", "wasm_runtime_malloc" })
        {
            Assert.IsFalse(NativeLibrary.TryGetExport(library, name, out _), name + " is exported");
        }

        StringAssert.EndsWith(CompilerNativeLibrary.LoadedFrom, CompilerNativeLibrary.FileName);
    }

    [TestMethod]
    public void IdentityAndFeaturesMatchTheRuntime()
    {
        Assert.AreEqual((uint)WAMRC_EXT_ABI_VERSION, wamrc_ext_abi_version());
        Assert.AreEqual(10102u, wamrc_ext_wamr_version());
        Assert.AreEqual(Wamr.Interop.WamrExt.wamr_ext_wamr_version(), wamrc_ext_wamr_version());
        // The flags that shape the emitted code are the runtime's (both builds read native/wamr-flags.cmake).
        const uint Shared = 127;
        Assert.AreEqual(Wamr.Interop.WamrExt.wamr_ext_build_features() & Shared, wamrc_ext_build_features());
        Assert.IsTrue(AotCompiler.IsAvailable);
        Assert.IsNull(AotCompiler.UnavailableReason);
    }

    [TestMethod]
    public void LoadTakesAWasmBinary()
    {
        byte[] wasm = ModuleBytes("arith");
        fixed (byte* p = wasm)
        {
            wamrc_ext_module* module = wamrc_ext_load(p, (uint)wasm.Length, null, 0);
            Assert.IsTrue(module != null);
            Assert.IsTrue(wamrc_ext_module_handle(module) != null);
            wamrc_ext_unload(module);
        }
    }

    [TestMethod]
    public void LoadRefusesWhatIsNotWasmAndSaysWhy()
    {
        Assert.AreEqual("the binary is empty", Load([]));
        StringAssert.Contains(Load([1, 2, 3, 4, 5, 6, 7, 8]), "magic header not detected");
        StringAssert.Contains(Load(ImageOf(Compiled("arith"))), "magic header not detected");
        StringAssert.Contains(Load(ModuleBytes("arith")[..20]), "unexpected end");
        byte* error = stackalloc byte[64];
        Assert.IsTrue(wamrc_ext_load(null, 0, error, 64) == null);
        Assert.IsTrue(wamrc_ext_load(null, 0, null, 0) == null);
    }

    [TestMethod]
    public void NullsAreHarmless()
    {
        Assert.IsTrue(wamrc_ext_module_handle(null) == null);
        wamrc_ext_unload(null);
        wamrc_ext_free(null);
        uint size = 7;
        Assert.IsTrue(wamrc_ext_emit_aot(null, null, &size) == null);
        Assert.AreEqual(7u, size);
        Assert.IsTrue(wamrc_ext_emit_aot((void*)1, (void*)1, null) == null);
    }

    [TestMethod]
    public void HostQueriesReportFullLengthsAndTruncateSafely()
    {
        uint length = wamrc_ext_host_cpu_name(null, 0);
        Assert.IsTrue(length > 0);
        Assert.AreEqual(AotCompiler.HostCpuName.Length, (int)length);
        byte* small = stackalloc byte[3];
        Assert.AreEqual(length, wamrc_ext_host_cpu_name(small, 3));
        Assert.AreEqual(0, small[2]);
        Assert.AreEqual(AotCompiler.HostCpuName[..2], Encoding.ASCII.GetString(small, 2));
        Assert.IsTrue(wamrc_ext_host_cpu_features(null, 0) > length);
        byte* triple = stackalloc byte[128];
        uint tripleLength = wamrc_ext_host_triple(triple, 128);
        StringAssert.StartsWith(Encoding.ASCII.GetString(triple, (int)tripleLength), RuntimeInformation.ProcessArchitecture == Architecture.X64 ? "x86_64" : "aarch64");
    }

    private static string Load(byte[] bytes)
    {
        byte* error = stackalloc byte[128];
        fixed (byte* p = bytes)
        {
            wamrc_ext_module* module = wamrc_ext_load(bytes.Length == 0 ? null : p, (uint)bytes.Length, error, 128);
            Assert.IsTrue(module == null, "the binary was accepted");
        }

        return new string((sbyte*)error);
    }
}
