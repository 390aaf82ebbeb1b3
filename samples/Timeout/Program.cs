using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

using Wamr;

// Timeout: a plugin's loop that never ends, stopped by a timeout, a cancellation token and an interrupt from another
// thread. Each stop is a CallInterruptedException (a TrapException) or, for a call given its own token, an
// OperationCanceledException; the instance stays usable.
Console.WriteLine("Initializing...");
using var engine = new Engine();
using var store = new Store(engine);
var instance = new Instance(store, Module.FromFile(store, Path.Combine(AppContext.BaseDirectory, "timeout.wasm")));
Func runForever = instance.GetFunction("run_forever") ?? throw new InvalidOperationException("no export \"run_forever\"");
Global iterations = instance.GetGlobal("iterations") ?? throw new InvalidOperationException("no export \"iterations\"");

Console.WriteLine("Calling a loop that never ends, with a timeout of 200 ms...");
var clock = Stopwatch.StartNew();
try
{
    runForever.Call(TimeSpan.FromMilliseconds(200));
    Console.WriteLine("> the loop returned (it should not)");
}
catch (CallInterruptedException e)
{
    Console.WriteLine($"> stopped after {clock.ElapsedMilliseconds} ms, {iterations.GetValue<long>():N0} iterations");
    Console.WriteLine($"> {e.Reason}: {e.TrapMessage}");
}

Console.WriteLine("The instance is still usable:");
Func<int, int, int> add = instance.GetFunction<int, int, int>("add")!;
Console.WriteLine($"> add(2, 3) = {add(2, 3)}");

Console.WriteLine("Typed delegates under a time limit of the store...");
Action runTyped = runForever.AsAction();
using (store.InterruptAfter(TimeSpan.FromMilliseconds(100)))
{
    try
    {
        runTyped();
    }
    catch (CallInterruptedException e)
    {
        Console.WriteLine($"> {e.Reason}: {e.TrapMessage}");
    }
}

Console.WriteLine("Canceling a CancellationToken...");
using (var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
{
    try
    {
        runForever.Call(cancellation.Token);
    }
    catch (OperationCanceledException e) when (e.CancellationToken == cancellation.Token)
    {
        Console.WriteLine($"> OperationCanceledException: {e.Message}");
    }
}

Console.WriteLine("Interrupting from another thread...");
var watchdog = new Thread(() =>
{
    Thread.Sleep(100);
    store.Interrupt();
});
watchdog.Start();
try
{
    runTyped();
}
catch (CallInterruptedException e)
{
    Console.WriteLine($"> {e.Reason}: {e.TrapMessage}");
}

watchdog.Join();
Console.WriteLine($"> add(20, 22) = {add(20, 22)}");
Console.WriteLine("Done.");
return 0;
