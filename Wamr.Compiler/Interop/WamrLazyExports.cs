namespace Wamr.Compiler.Interop;

/// <summary>Functions the bindings resolve lazily load libwamrc the way every other binding does.</summary>
internal static partial class WamrLazyExports
{
    static partial void LoadLibrary(ref nint library) => library = CompilerNativeLibrary.Load();
}
