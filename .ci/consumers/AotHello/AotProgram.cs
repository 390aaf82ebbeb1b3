// The AOT consumer check: the same hello, precompiled twice (at build time by the wamr-aot tool, and in-process by
// AotCompiler) and loaded through the explicit Module.FromPrecompiled.
using Wamr;
using Wamr.Compiler;

internal static class AotProgram
{
    public static int Main()
    {
        using var engine = new Engine();
        using var store = new Store(engine);
        byte[] built = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "hello.wamraot"));
        byte[] compiled = AotCompiler.Compile(
            File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "hello.wasm")), new AotCompilerOptions { Interruptible = false });
        if (!built.AsSpan().SequenceEqual(compiled))
        {
            Console.Error.WriteLine("The build-time and in-process compilations differ.");
            return 1;
        }

        Module module = Module.FromPrecompiled(store, built);
        if (module.IsInterruptible)
        {
            Console.Error.WriteLine("The item's Interruptible=\"false\" did not reach the compiler.");
            return 1;
        }

        var instance = new Instance(store, module, Func.FromCallback(store, () => Console.WriteLine("Hello World")));
        instance.GetAction("run")!();
        Console.WriteLine("Done.");
        return 0;
    }
}
