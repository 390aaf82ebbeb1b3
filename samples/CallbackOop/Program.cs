using System;
using System.IO;

using Wamr;

// CallbackOop: host functions from C# delegates, imported by name through a Linker.
//  - "print" is a typed delegate (int -> int): WAMR calls it with no allocation;
//  - "counter" is a closure: its state lives in the lambda, no env pointer or GCHandle to manage;
//  - "log" is untyped: it reads its arguments as Val and could serve any signature.
Console.WriteLine("Initializing...");
using var engine = new Engine();
using var store = new Store(engine);
Module module = Module.FromFile(store, Path.Combine(AppContext.BaseDirectory, "callback.wasm"));

Console.WriteLine("Creating callbacks...");
int calls = 0;
var linker = new Linker()
    .Define("host", "print", Func.FromCallback(store, (int value) =>
    {
        Console.WriteLine("Calling back...");
        Console.WriteLine($"> {value}");
        return value;
    }))
    .Define("host", "counter", Func.FromCallback(store, () =>
    {
        Console.WriteLine("Calling back closure...");
        calls++;
        return 42 * calls;
    }))
    .Define("host", "log", Func.FromCallback(store, FuncType.Of([ValKind.I64, ValKind.F64], []), (arguments, results) =>
        Console.WriteLine($"> log {arguments[0]} {arguments[1]}")));

Console.WriteLine("Instantiating module...");
Instance instance = linker.Instantiate(store, module);
Console.WriteLine($"> imports: {string.Join(", ", module.Imports)}");

Console.WriteLine("Calling export...");
Func<int, int, int> run = instance.GetFunction<int, int, int>("run")!;
Console.WriteLine("Printing result...");
Console.WriteLine($"> {run(3, 4)}");
Console.WriteLine($"> {run(3, 4)}");

Console.WriteLine("Calling export with Val arguments...");
instance.GetFunction("log")!.Call(Val.I64(7), Val.F64(0.5));

Console.WriteLine("Done.");
return 0;
