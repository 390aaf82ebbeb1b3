namespace Wamr.Interop;

/// <summary>
/// Loads libiwasm for the functions the generated bindings bind lazily (those the build did not export) exactly as
/// the DllImports are resolved: <c>NativeLibrary.Load</c> with a name does not call this assembly's resolver, so
/// without this hook a first call of such a function would miss the library instead of naming what is missing.
/// </summary>
internal static partial class WamrLazyExports
{
    static partial void LoadLibrary(ref nint library) => library = WamrNativeLibrary.Load();
}
