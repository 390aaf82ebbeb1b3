using System;
using System.IO;

using Wamr;

// TrapOop: traps as TrapException. A .NET exception thrown by a host function becomes a trap (it never unwinds
// through WAMR's native frames) and comes back as the TrapException's InnerException; a trap inside wasm carries
// its backtrace with function names (from the module's name section) and export names. WAMR's own dump of the
// frames to stdout is off: the façade keeps WAMR's output off the console unless WamrLog.Writer is set.
Console.WriteLine("Initializing...");
using var engine = new Engine();
using var store = new Store(engine);
Module module = Module.FromFile(store, Path.Combine(AppContext.BaseDirectory, "trap.wasm"));

Func thrower = Func.FromCallback(store, () =>
{
    Console.WriteLine("Calling back...");
    return int.Parse("not a number", System.Globalization.CultureInfo.InvariantCulture);
});
var instance = new Instance(store, module, thrower);

Console.WriteLine("Calling export that throws in .NET...");
try
{
    instance.GetFunction<int>("exception")!();
}
catch (TrapException e)
{
    Console.WriteLine($"> trap: {e.TrapMessage}");
    Console.WriteLine($"> inner exception: {e.InnerException?.GetType().Name}");
}

Console.WriteLine("Calling export that traps in wasm...");
try
{
    instance.GetFunction<int>("unreachable")!();
}
catch (TrapException e)
{
    Console.WriteLine($"> trap: {e.TrapMessage}");
    foreach (Frame frame in e.Frames)
    {
        Console.WriteLine($">   {frame.FunctionName ?? "?"} (index {frame.FunctionIndex}{(frame.ExportName is null ? string.Empty : $", export \"{frame.ExportName}\"")})");
    }
}

Console.WriteLine("Calling export that divides by zero...");
try
{
    instance.GetFunction("divide")!.Call(1, 0);
}
catch (TrapException e)
{
    Console.WriteLine($"> trap: {e.TrapMessage}");
}

Console.WriteLine("Calling with the wrong arguments...");
try
{
    instance.GetFunction("divide")!.Call(1L, 0);
}
catch (ArgumentException e)
{
    Console.WriteLine($"> refused before WAMR: {e.Message}");
}

Console.WriteLine("Done.");
return 0;
