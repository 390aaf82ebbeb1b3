using System;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;

using Wamr.Interop;

namespace Wamr.Tests.Facade.NoExtension;

/// <summary>
/// Runs code against a libiwasm built without the engine extension (<c>native-noext/</c> in the test output, built by the
/// <c>WamrBuildNativeNoExt</c> target of Wamr.Tests.csproj with <c>-DWAMR_DOTNET_EXT=OFF</c>): what a user who brings their
/// own WAMR library sees. A separate load context holds a private copy of Wamr.Runtime, pointed at that library before its
/// first call into WAMR (so it detects the extension as missing), and a copy of this test assembly bound to it, in which
/// the methods of <see cref="NoExtensionScenarios"/> run by name.
/// </summary>
internal static class NoExtensionRuntime
{
    private static readonly Lazy<Context> Shared = new(() => new Context());

    /// <summary>The library without the extension.</summary>
    internal static string LibraryPath => Path.Combine(AppContext.BaseDirectory, "native-noext", WamrNativeLibrary.FileName);

    /// <summary>Runs the public static method <paramref name="scenario"/> of <see cref="NoExtensionScenarios"/> in the
    /// load context; its exceptions (assertion failures included) propagate unchanged.</summary>
    internal static void Run(string scenario) => Shared.Value.Run(scenario);

    private sealed class Context : AssemblyLoadContext
    {
        private readonly Assembly _runtime;
        private readonly Assembly _tests;

        internal Context()
            : base("wamr-without-extension")
        {
            if (!File.Exists(LibraryPath))
            {
                throw new InvalidOperationException(
                    $"{LibraryPath} is missing: building Wamr.Tests makes it (target WamrBuildNativeNoExt in Wamr.Tests.csproj).");
            }

            _runtime = LoadFromAssemblyPath(typeof(Engine).Assembly.Location);
            _tests = LoadFromAssemblyPath(typeof(NoExtensionRuntime).Assembly.Location);
            Type library = _runtime.GetType(typeof(WamrNativeLibrary).FullName!, throwOnError: true)!;
            Invoke(library.GetMethod(nameof(WamrNativeLibrary.SetLibraryPath))!, [LibraryPath]);
        }

        internal void Run(string scenario)
        {
            Type scenarios = _tests.GetType(typeof(NoExtensionScenarios).FullName!, throwOnError: true)!;
            MethodInfo method = scenarios.GetMethod(scenario, BindingFlags.Public | BindingFlags.Static)
                ?? throw new ArgumentException($"{nameof(NoExtensionScenarios)} has no scenario {scenario}.", nameof(scenario));
            Invoke(method, []);
        }

        /// <summary>This context's own copies of Wamr.Runtime and the tests; everything else (MSTest, the BCL) is shared.</summary>
        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == typeof(Engine).Assembly.GetName().Name ? _runtime
            : assemblyName.Name == typeof(NoExtensionRuntime).Assembly.GetName().Name ? _tests
            : null;

        private static void Invoke(MethodInfo method, object?[] arguments)
        {
            try
            {
                method.Invoke(null, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
        }
    }
}
