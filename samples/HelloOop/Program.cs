using System;
using System.IO;

using Wamr;

// HelloOop: the Hello sample with the object-oriented façade. A wasm export calls a C# lambda.
Console.WriteLine("Initializing...");
using var engine = new Engine();
using var store = new Store(engine);

Console.WriteLine("Loading binary...");
Module module = Module.FromFile(store, Path.Combine(AppContext.BaseDirectory, "hello.wasm"));

Console.WriteLine("Creating callback...");
Func hello = Func.FromCallback(store, () =>
{
    Console.WriteLine("Calling back...");
    Console.WriteLine("> Hello World!");
});

Console.WriteLine("Instantiating module...");
var instance = new Instance(store, module, hello);

Console.WriteLine("Extracting export...");
Action run = instance.GetAction("run") ?? throw new InvalidOperationException("the module exports no function \"run\"");

Console.WriteLine("Calling export...");
run();

Console.WriteLine("Shutting down...");
Console.WriteLine("Done.");
return 0;
