using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;

namespace Wamr.Tests.Interop;

/// <summary>
/// How <see cref="WamrNativeLibrary"/> finds libiwasm. The resolver's state is per assembly instance, so each
/// test loads a fresh copy of Wamr.Runtime into its own load context and drives it by reflection, as a new
/// process would see it; the library file itself is the one the build shipped (dlopen shares it).
/// </summary>
[TestClass]
[DoNotParallelize] // one test sets WAMR_LIBRARY_PATH, which every load context of the process reads
public sealed class NativeLoadingTests
{
    private static string ShippedLibrary => Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", WamrNativeLibrary.FileName);

    [TestMethod]
    public void DefaultSearchFindsTheAppsRuntimesRidNativeFolder()
    {
        using var runtime = new FreshRuntime();
        Assert.IsFalse(runtime.IsLoaded);
        runtime.CallEngineNewAndDelete();
        Assert.IsTrue(runtime.IsLoaded);
        Assert.AreEqual(ShippedLibrary, runtime.LoadedFrom);
    }

    [TestMethod]
    public void SetLibraryPathWithAFileIsUsedFirst()
    {
        using var runtime = new FreshRuntime();
        runtime.SetLibraryPath(ShippedLibrary);
        Assert.AreNotEqual(0, runtime.Load());
        Assert.AreEqual(ShippedLibrary, runtime.LoadedFrom);
    }

    [TestMethod]
    public void SetLibraryPathWithAFolderLooksForTheFileInIt()
    {
        using var runtime = new FreshRuntime();
        runtime.SetLibraryPath(Path.GetDirectoryName(ShippedLibrary)!);
        runtime.CallEngineNewAndDelete();
        Assert.AreEqual(ShippedLibrary, runtime.LoadedFrom);
    }

    [TestMethod]
    public void MissingExplicitPathGivesDllNotFoundListingWhereItLookedAndHowToFix()
    {
        string missing = Path.Combine(Path.GetTempPath(), "wamr-no-such-folder-" + Guid.NewGuid().ToString("N"));
        using var runtime = new FreshRuntime();
        runtime.SetLibraryPath(missing);

        DllNotFoundException e = Assert.ThrowsExactly<DllNotFoundException>(runtime.CallEngineNewAndDelete);

        StringAssert.Contains(e.Message, "libiwasm (WAMR) was not found");
        StringAssert.Contains(e.Message, missing + " (no such file)");
        StringAssert.Contains(e.Message, WamrNativeLibrary.EnvironmentVariable);
        StringAssert.Contains(e.Message, "SetLibraryPath");
        Assert.IsFalse(runtime.IsLoaded);
    }

    [TestMethod]
    public void AFileThatIsNotALibraryIsReportedAsUnloadable()
    {
        string folder = Directory.CreateTempSubdirectory("wamr-bad-lib-").FullName;
        try
        {
            string bogus = Path.Combine(folder, WamrNativeLibrary.FileName);
            File.WriteAllText(bogus, "not a shared library");
            using var runtime = new FreshRuntime();
            runtime.SetLibraryPath(folder);

            DllNotFoundException e = Assert.ThrowsExactly<DllNotFoundException>(() => runtime.Load());

            StringAssert.Contains(e.Message, bogus + " (exists but could not be loaded");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void EnvironmentVariableOverridesTheDefaultSearch()
    {
        string? before = Environment.GetEnvironmentVariable(WamrNativeLibrary.EnvironmentVariable);
        try
        {
            string missing = Path.Combine(Path.GetTempPath(), "wamr-env-" + Guid.NewGuid().ToString("N"), WamrNativeLibrary.FileName);
            Environment.SetEnvironmentVariable(WamrNativeLibrary.EnvironmentVariable, missing);
            using (var runtime = new FreshRuntime())
            {
                DllNotFoundException e = Assert.ThrowsExactly<DllNotFoundException>(() => runtime.Load());
                StringAssert.Contains(e.Message, missing + " (no such file)");
                Assert.IsFalse(e.Message.Contains(ShippedLibrary, StringComparison.Ordinal), "the override replaces the default search");
            }

            Environment.SetEnvironmentVariable(WamrNativeLibrary.EnvironmentVariable, Path.GetDirectoryName(ShippedLibrary));
            using (var runtime = new FreshRuntime())
            {
                runtime.CallEngineNewAndDelete();
                Assert.AreEqual(ShippedLibrary, runtime.LoadedFrom);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(WamrNativeLibrary.EnvironmentVariable, before);
        }
    }

    [TestMethod]
    public void SetLibraryPathAfterLoadingElsewhereIsRefused()
    {
        using var runtime = new FreshRuntime();
        runtime.Load();

        InvalidOperationException e = Assert.ThrowsExactly<InvalidOperationException>(() => runtime.SetLibraryPath("/somewhere/else/libiwasm.so"));
        StringAssert.Contains(e.Message, "already loaded");

        runtime.SetLibraryPath(ShippedLibrary); // the same file again is accepted
    }

    [TestMethod]
    public void SetLibraryPathRejectsEmptyAndNull()
    {
        Assert.ThrowsExactly<ArgumentException>(() => WamrNativeLibrary.SetLibraryPath(" "));
        Assert.ThrowsExactly<ArgumentNullException>(() => WamrNativeLibrary.SetLibraryPath(null!));
    }

    /// <summary>A private copy of Wamr.Runtime in a collectible load context.</summary>
    private sealed class FreshRuntime : IDisposable
    {
        private readonly AssemblyLoadContext _context = new("wamr-runtime-under-test", isCollectible: true);
        private readonly Type _library;
        private readonly Type _api;

        public FreshRuntime()
        {
            Assembly runtime = _context.LoadFromAssemblyPath(typeof(WamrNativeLibrary).Assembly.Location);
            Assert.AreNotSame(typeof(WamrNativeLibrary).Assembly, runtime);
            _library = runtime.GetType(typeof(WamrNativeLibrary).FullName!, throwOnError: true)!;
            _api = runtime.GetType(typeof(WasmCApi).FullName!, throwOnError: true)!;
        }

        public bool IsLoaded => (bool)_library.GetProperty(nameof(WamrNativeLibrary.IsLoaded))!.GetValue(null)!;

        public string? LoadedFrom => (string?)_library.GetProperty(nameof(WamrNativeLibrary.LoadedFrom))!.GetValue(null);

        public void SetLibraryPath(string path) => Invoke(_library, nameof(WamrNativeLibrary.SetLibraryPath), path);

        public nint Load() => (nint)Invoke(_library, nameof(WamrNativeLibrary.Load))!;

        /// <summary>Binds and calls two P/Invokes, which is what makes the runtime resolve the library.</summary>
        public void CallEngineNewAndDelete()
        {
            object engine = Invoke(_api, nameof(WasmCApi.wasm_engine_new))!;
            Invoke(_api, nameof(WasmCApi.wasm_engine_delete), engine);
        }

        public void Dispose() => _context.Unload();

        private static object? Invoke(Type type, string name, params object?[] args)
        {
            try
            {
                return type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }
    }
}
