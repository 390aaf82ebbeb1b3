using System;
using System.Diagnostics;
using System.IO;

using Wamr.Compiler;

// wamr-aot <input.wasm> [-o <output>] [--cpu portable|native] [--opt 0-3] [--size 0-3] [--no-frames] [--not-interruptible]
// Exit codes: 0 compiled, 1 the module could not be compiled, 2 wrong usage.
const string Usage = "usage: wamr-aot <input.wasm> [-o <output>] [--cpu portable|native] [--opt 0-3] [--size 0-3] [--no-frames] [--not-interruptible]";

string? input = null;
string? output = null;
var options = new AotCompilerOptions();
for (int i = 0; i < args.Length; i++)
{
    string arg = args[i];
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
    try
    {
        switch (arg)
        {
            case "-h" or "--help":
                Console.WriteLine(Usage);
                return 0;
            case "-o" or "--output":
                output = Next();
                break;
            case "--cpu":
                options = options with
                {
                    TargetCpu = Next() switch
                    {
                        "portable" => AotTargetCpu.Portable,
                        "native" => AotTargetCpu.Native,
                        string other => throw new ArgumentException($"--cpu is portable or native, not '{other}'"),
                    },
                };
                break;
            case "--opt":
                options = options with { OptimizationLevel = Level(Next(), arg) };
                break;
            case "--size":
                options = options with { SizeLevel = Level(Next(), arg) };
                break;
            case "--no-frames":
                options = options with { CallStackFrames = false };
                break;
            case "--not-interruptible":
                options = options with { Interruptible = false };
                break;
            default:
                if (arg.StartsWith('-') || input is not null)
                {
                    throw new ArgumentException($"unexpected argument '{arg}'");
                }

                input = arg;
                break;
        }
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine($"wamr-aot: {e.Message}\n{Usage}");
        return 2;
    }
}

if (input is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

output ??= Path.ChangeExtension(input, ".wamraot");
try
{
    var watch = Stopwatch.StartNew();
    AotCompiler.CompileFile(input, output, options);
    Console.WriteLine($"wamr-aot: {input} -> {output} ({new FileInfo(output).Length} bytes, {options.TargetCpu.ToString().ToLowerInvariant()} CPU, {watch.ElapsedMilliseconds} ms)");
    return 0;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or Wamr.WasmException or ArgumentException or InvalidOperationException)
{
    Console.Error.WriteLine($"wamr-aot: {input}: {e.Message}");
    return 1;
}

static int Level(string text, string option) =>
    int.TryParse(text, out int level) && level is >= 0 and <= 3 ? level : throw new ArgumentException($"{option} is 0 to 3, not '{text}'");
