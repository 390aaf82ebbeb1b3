using System;
using System.IO;

using Wamr;

// MemoryOop: linear memory through the façade. Reads and writes are bounds-checked (an ArgumentOutOfRangeException
// instead of a stray pointer), wasm traps on its own out-of-bounds accesses, and the memory grows from wasm.
Console.WriteLine("Initializing...");
using var engine = new Engine();
using var store = new Store(engine);
Module module = Module.FromFile(store, Path.Combine(AppContext.BaseDirectory, "memory.wasm"));

Console.WriteLine("Instantiating module...");
var instance = new Instance(store, module); // no app heap: memory.size is what the module declares
Memory memory = instance.GetMemory("memory")!;
Func<int> size = instance.GetFunction<int>("size")!;
Func<int, int> load = instance.GetFunction<int, int>("load")!;
Action<int, int> store8 = instance.GetAction<int, int>("store")!;
Func<int, int> grow = instance.GetFunction<int, int>("grow")!;

Console.WriteLine("Checking memory...");
Console.WriteLine($"> {memory.Type}: {memory.PageCount} pages, {memory.Length} bytes; wasm says {size()} pages");
Console.WriteLine($"> bytes at 0x1000 from .NET: {string.Join(" ", memory.GetSpan(0x1000, 4).ToArray())}");
Console.WriteLine($"> byte at 0x1003 from wasm: {load(0x1003)}");

Console.WriteLine("Mutating memory...");
memory.Write(0x1003, (byte)5);
store8(0x1002, 6);
Console.WriteLine($"> after writes: {memory.Read<int>(0x1000):x8} (little-endian int)");
memory.WriteString(0x2000, "hello from .NET");
Console.WriteLine($"> {memory.ReadString(0x2000, 15)}");

Console.WriteLine("Accessing out of bounds...");
try
{
    memory.Read<int>(memory.Length - 2);
}
catch (ArgumentOutOfRangeException e)
{
    Console.WriteLine($"> .NET: {e.GetType().Name}");
}

try
{
    load(0x20000);
}
catch (TrapException e)
{
    Console.WriteLine($"> wasm: trap \"{e.TrapMessage}\"");
}

Console.WriteLine("Growing memory...");
Console.WriteLine($"> grow(1) from wasm returned {grow(1)}; now {memory.PageCount} pages");
Console.WriteLine($"> grow(1) past the maximum returned {grow(1)}");
try
{
    memory.Grow(1);
}
catch (NotSupportedException)
{
    Console.WriteLine("> Memory.Grow from the host: not supported by WAMR 1.1.2");
}

Console.WriteLine("Done.");
return 0;
