using System;
using System.IO;
using System.Runtime.InteropServices;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Foundation;

/// <summary>
/// Proves the native build is real: the library Wamr.Runtime ships is in this test's output under
/// runtimes/&lt;rid&gt;/native/, exports the core of the C API, and creates and deletes an engine and a store.
/// These tests go through raw function pointers only, independent of the generated bindings.
/// </summary>
[TestClass]
public sealed unsafe class NativeLibraryTests
{
    private static string LibraryPath =>
        Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native",
            OperatingSystem.IsWindows() ? "iwasm.dll" : OperatingSystem.IsMacOS() ? "libiwasm.dylib" : "libiwasm.so");

    [TestMethod]
    public void LibraryIsShippedUnderRuntimesRidNative()
    {
        Assert.IsTrue(File.Exists(LibraryPath), $"missing {LibraryPath}");
        Assert.IsGreaterThan(100_000L, new FileInfo(LibraryPath).Length, "libiwasm is implausibly small");
    }

    [TestMethod]
    [DataRow("wasm_engine_new")]
    [DataRow("wasm_store_new")]
    [DataRow("wasm_module_new")]
    [DataRow("wasm_func_call")]
    [DataRow("wasm_runtime_init_thread_env")]
    public void CoreFunctionsAreExported(string name)
    {
        nint lib = NativeLibrary.Load(LibraryPath);
        Assert.IsTrue(NativeLibrary.TryGetExport(lib, name, out nint address), $"{name} is not exported");
        Assert.AreNotEqual(0, address);
    }

    [TestMethod]
    public void FunctionThatIsNotBuiltInIsNotExported()
    {
        // The source debugger is not part of this build (README, native build flags): its entry points must be absent,
        // while WASI, which is built in, is present.
        nint lib = NativeLibrary.Load(LibraryPath);
        Assert.IsFalse(NativeLibrary.TryGetExport(lib, "wasm_runtime_start_debug_instance", out _));
        Assert.IsTrue(NativeLibrary.TryGetExport(lib, "wasm_runtime_set_wasi_args", out _));
    }

    [TestMethod]
    public void EngineAndStoreAreCreatedAndDeleted()
    {
        nint lib = NativeLibrary.Load(LibraryPath);
        var engineNew = (delegate* unmanaged[Cdecl]<nint>)NativeLibrary.GetExport(lib, "wasm_engine_new");
        var engineDelete = (delegate* unmanaged[Cdecl]<nint, void>)NativeLibrary.GetExport(lib, "wasm_engine_delete");
        var storeNew = (delegate* unmanaged[Cdecl]<nint, nint>)NativeLibrary.GetExport(lib, "wasm_store_new");
        var storeDelete = (delegate* unmanaged[Cdecl]<nint, void>)NativeLibrary.GetExport(lib, "wasm_store_delete");

        nint engine = engineNew();
        Assert.AreNotEqual(0, engine, "wasm_engine_new returned NULL");
        try
        {
            nint store = storeNew(engine);
            Assert.AreNotEqual(0, store, "wasm_store_new returned NULL");
            storeDelete(store);
        }
        finally
        {
            engineDelete(engine);
        }
    }

    [TestMethod]
    public void ExportListMatchesTheLibrary()
    {
        // The native build writes the list of exported symbols for the generator; it must describe this library.
        string list = Path.Combine(AppContext.BaseDirectory, "libiwasm.exports.txt");
        Assert.IsTrue(File.Exists(list), $"missing {list}");
        string[] names = File.ReadAllLines(list);
        Assert.IsGreaterThan(300, names.Length);
        nint lib = NativeLibrary.Load(LibraryPath);
        foreach (string name in names)
        {
            Assert.IsTrue(NativeLibrary.TryGetExport(lib, name, out _), $"{name} is listed but not exported");
        }
    }
}
