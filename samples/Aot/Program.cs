using System;
using System.Diagnostics;
using System.IO;

using Wamr;
using Wamr.Compiler;

// Aot: runs the same memory loop interpreted and precompiled, and prints the speed-up.
// loop.wamraot was compiled at build time (Aot.csproj, <WamrAotCompile>); loading it is the explicit
// Module.FromPrecompiledFile, which verifies the file before WAMR sees it.
const int Iterations = 20_000_000;
string folder = AppContext.BaseDirectory;

if (!File.Exists(Path.Combine(folder, "loop.wamraot")))
{
    Console.Error.WriteLine("loop.wamraot was not made at build time: " + (AotCompiler.UnavailableReason ?? "build the sample again."));
    return 1;
}

using var engine = new Engine();
using var store = new Store(engine);

Module interpreted = Module.FromFile(store, Path.Combine(folder, "loop.wasm"));
Module precompiled = Module.FromPrecompiledFile(store, Path.Combine(folder, "loop.wamraot"));
Console.WriteLine($"Loaded loop.wasm ({new FileInfo(Path.Combine(folder, "loop.wasm")).Length} bytes) and loop.wamraot ({new FileInfo(Path.Combine(folder, "loop.wamraot")).Length} bytes, precompiled at build time).");

// The same compilation in-process, for its cost.
var compileWatch = Stopwatch.StartNew();
byte[] compiledNow = AotCompiler.Compile(File.ReadAllBytes(Path.Combine(folder, "loop.wasm")));
compileWatch.Stop();
Console.WriteLine($"Compiling it in-process takes {compileWatch.Elapsed.TotalMilliseconds:F0} ms ({compiledNow.Length} bytes).");

(int Sum, double Ns) Measure(Module module)
{
    Func<int, int> run = new Instance(store, module).GetFunction<int, int>("run")!;
    run(1000); // warm up
    var watch = Stopwatch.StartNew();
    int sum = run(Iterations);
    watch.Stop();
    return (sum, watch.Elapsed.TotalMilliseconds * 1e6 / Iterations);
}

(int interpretedSum, double interpretedNs) = Measure(interpreted);
Console.WriteLine($"interpreted: sum = {interpretedSum}, {interpretedNs:F2} ns per iteration");
(int precompiledSum, double precompiledNs) = Measure(precompiled);
Console.WriteLine($"precompiled: sum = {precompiledSum}, {precompiledNs:F2} ns per iteration");
if (interpretedSum != precompiledSum)
{
    Console.WriteLine("The results differ!");
    return 1;
}

Console.WriteLine($"speed-up: {interpretedNs / precompiledNs:F1}x");
return 0;
