using System;
using System.IO;
using System.Text;

using Wamr;

// Wasi: runs a WASI program written in C (wasi_program.c) with arguments, an environment variable and a host
// directory it sees as /data, captures what it writes to standard output, and prints it.
using var engine = new Engine();
using var store = new Store(engine);
Module module = Module.FromFile(store, Path.Combine(AppContext.BaseDirectory, "wasi_program.wasm"));

var output = new MemoryStream();
WasiConfiguration wasi = new WasiConfiguration()
    .WithArguments("wasi_program", "--greet", "two words")
    .WithEnvironmentVariable("USER_NAME", ".NET")
    .WithPreopenedDirectory(Path.Combine(AppContext.BaseDirectory, "data"), "/data")
    .WithStandardOutput(WasiOutput.ToStream(output))
    .WithStandardError(WasiOutput.ToStream(output));

var instance = new Instance(store, module, [], new InstanceOptions { Wasi = wasi });
int exitCode = instance.RunWasiMain();

Console.WriteLine("The WASI program wrote:");
foreach (string line in Encoding.UTF8.GetString(output.ToArray()).TrimEnd('\n').Split('\n'))
{
    Console.WriteLine("> " + line);
}

Console.WriteLine($"It exited with code {exitCode}.");
Console.WriteLine("Done.");
return exitCode;
