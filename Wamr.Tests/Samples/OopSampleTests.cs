using System;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Samples;

/// <summary>
/// Runs the samples of the object-oriented façade (samples/*Oop) as child processes and checks what they printed.
/// Unlike the procedural samples, nothing of WAMR's own output (trap frame dumps, log lines) may appear: the façade
/// keeps it off the console.
/// </summary>
[TestClass]
public sealed class OopSampleTests
{
    private static readonly TimeSpan SampleTimeout = TimeSpan.FromMinutes(2);

    [TestMethod]
    public void HelloOop()
    {
        SampleProcess run = Run("HelloOop");
        AssertLines(run, "Instantiating module...", "Calling export...", "Calling back...", "> Hello World!", "Shutting down...");
    }

    [TestMethod]
    public void CallbackOop()
    {
        SampleProcess run = Run("CallbackOop");
        AssertLines(
            run,
            "> imports: (import \"host\" \"print\" (func (param i32) (result i32))), (import \"host\" \"counter\" (func (result i32))), (import \"host\" \"log\" (func (param i64 f64)))",
            "Calling back...",
            "> 7",
            "Calling back closure...",
            "> 49",
            "> 91",
            "> log (i64.const 7) (f64.const 0.5)");
    }

    [TestMethod]
    public void MemoryOop()
    {
        SampleProcess run = Run("MemoryOop");
        AssertLines(
            run,
            "> (memory 2 3): 2 pages, 131072 bytes; wasm says 2 pages",
            "> bytes at 0x1000 from .NET: 1 2 3 4",
            "> byte at 0x1003 from wasm: 4",
            "> after writes: 05060201 (little-endian int)",
            "> hello from .NET",
            "> .NET: ArgumentOutOfRangeException",
            "> wasm: trap \"out of bounds memory access\"",
            "> grow(1) from wasm returned 2; now 3 pages",
            "> grow(1) past the maximum returned -1",
            "> Memory.Grow from the host: not supported by WAMR 1.1.2");
    }

    [TestMethod]
    public void TrapOop()
    {
        SampleProcess run = Run("TrapOop");
        AssertLines(
            run,
            "Calling back...",
            "> inner exception: FormatException",
            "> trap: unreachable",
            ">   inner (index 2)",
            ">   middle (index 3)",
            ">   ? (index 4, export \"unreachable\")",
            "> trap: integer divide by zero");
        Assert.IsTrue(run.Lines.Any(l => l.StartsWith("> refused before WAMR: Argument 0 of \"divide\"", StringComparison.Ordinal)), run.Transcript);
    }

    [TestMethod]
    public void Timeout()
    {
        SampleProcess run = Run("Timeout");
        AssertLines(
            run,
            "Calling a loop that never ends, with a timeout of 200 ms...",
            "> Timeout: interrupted: the call's timeout of 200 ms elapsed",
            "> add(2, 3) = 5",
            "> Timeout: interrupted: the time limit of Store.InterruptAfter of 100 ms elapsed",
            "> OperationCanceledException: interrupted: the call's CancellationToken was canceled",
            "> Interrupt: interrupted: Store.Interrupt() stopped the call",
            "> add(20, 22) = 42");
        string stopped = run.Lines.Single(l => l.StartsWith("> stopped after ", StringComparison.Ordinal));
        int milliseconds = int.Parse(stopped.Split(' ')[3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsGreaterThanOrEqualTo(195, milliseconds, run.Transcript);
    }

    [TestMethod]
    public void Wasi()
    {
        SampleProcess run = Run("Wasi");
        AssertLines(
            run,
            "The WASI program wrote:",
            "> I am wasi_program, with 2 argument(s):",
            ">   argv[1] = --greet",
            ">   argv[2] = two words",
            "> Hello, .NET!",
            "> /data/message.txt: Greetings from a file on the host.",
            "> /data/message.txt: It has two lines.",
            "> /data/../Wasi.dll: Capabilities insufficient",
            "It exited with code 0.");
    }

    private static SampleProcess Run(string name)
    {
        SampleProcess run = SampleProcess.Run(name, SampleTimeout);
        Assert.AreEqual(0, run.ExitCode, run.Transcript);
        Assert.AreEqual("Done.", run.Lines.LastOrDefault(l => l.Length > 0), run.Transcript);
        // WAMR prints trap frames as "#00 name" and log lines as "[hh:mm:ss:mmm - thread]: ..." when left alone.
        Assert.IsFalse(run.Lines.Any(l => l.StartsWith('#') || l.StartsWith("[", StringComparison.Ordinal)), "WAMR's own output reached stdout." + Environment.NewLine + run.Transcript);
        return run;
    }

    // Each line appears in the output, in this order (other lines may come between).
    private static void AssertLines(SampleProcess run, params string[] lines)
    {
        string[] output = run.Lines;
        int at = 0;
        foreach (string line in lines)
        {
            int found = Array.IndexOf(output, line, at);
            Assert.IsTrue(found >= 0, $"\"{line}\" missing (in order).{Environment.NewLine}{run.Transcript}");
            at = found + 1;
        }
    }
}
