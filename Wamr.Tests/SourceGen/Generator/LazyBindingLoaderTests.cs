using System;
using System.Reflection;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.SourceGen.Generator;

/// <summary>
/// Lazily bound functions load the library through a partial-method hook, because <c>NativeLibrary.Load(name,
/// assembly, …)</c> does not call the assembly's DllImport resolver: Wamr.Runtime implements the hook with its resolver.
/// </summary>
[TestClass]
public sealed class LazyBindingLoaderTests
{
    [TestMethod]
    public void SupportDeclaresTheLoaderHookAndCallsItFirst()
    {
        var (_, _, driver) = GeneratorHarness.Run(GeneratorHarness.Driver(GeneratorHarness.WamrInputs()), GeneratorHarness.Compilation());
        string support = GeneratorHarness.Generated(driver, "Wamr.Interop.Support.g.cs");
        StringAssert.Contains(support, "internal static unsafe partial class WamrLazyExports");
        StringAssert.Contains(support, "static partial void LoadLibrary(ref nint library);");
        int hook = support.IndexOf("LoadLibrary(ref library);", StringComparison.Ordinal);
        int fallback = support.IndexOf("NativeLibrary.Load(\"iwasm\"", StringComparison.Ordinal);
        Assert.IsTrue(hook > 0 && fallback > hook, "the hook runs before the default probing");
    }

    [TestMethod]
    public void WamrRuntimeImplementsTheHook()
    {
        Type lazy = typeof(Wamr.Interop.WasmCApi).Assembly.GetType("Wamr.Interop.WamrLazyExports", throwOnError: true)!;

        // An unimplemented partial method is removed by the compiler: its presence means Wamr.Runtime implements it.
        Assert.IsNotNull(lazy.GetMethod("LoadLibrary", BindingFlags.NonPublic | BindingFlags.Static));
    }
}
