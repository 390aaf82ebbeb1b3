using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Tests.SourceGen;

namespace Wamr.Tests.Samples;

/// <summary>
/// Runs every sample under samples/ as a child process and checks what it printed: each must exit with 0 and show
/// what it demonstrates, WAMR 1.1.2's limitations included.
/// </summary>
[TestClass]
public sealed class SampleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [TestMethod]
    public void Hello()
    {
        SampleProcess run = Run("Hello");
        AssertLines(run, "Calling back...", "> Hello World!");
    }

    [TestMethod]
    public void Callback()
    {
        SampleProcess run = Run("Callback");
        AssertLines(run, "Calling back...", "> 7", "Calling back closure...", "> 42", "Printing result...", "> 49", "> Closure state released.");
    }

    [TestMethod]
    public void CallbackChain()
    {
        SampleProcess run = Run("CallbackChain");
        AssertLines(
            run,
            "[NATIVE -> WASM] calling func on_start...",
            "[WASM -> NATIVE] calling back get_pairs",
            "[NATIVE -> WASM] calling func malloc...",
            "[NATIVE -> WASM] writing pairs (1, 2) (3, 4) (5, 6) at 1024",
            "[WASM -> NATIVE] calling back log",
            "[WASM_LOG] on_start: pairs multiplied and summed",
            "> total of the pairs' products: 44",
            "[NATIVE -> WASM] calling func on_stop...",
            "[WASM_LOG] on_stop: pairs released");
    }

    [TestMethod]
    public void EmptyImports()
    {
        SampleProcess run = Run("EmptyImports");
        AssertLines(run, "Instantiating module...", "> 3 + 4 = 7");
    }

    [TestMethod]
    public void Global()
    {
        SampleProcess run = Run("Global");
        AssertLines(
            run,
            "> initial values: imports 1 2 3 4, exports 5 6 7 8",
            "> set through the API: 33 34 37 38",
            "> set through wasm: 73 74 77 78",
            "> wasm_global_set on the const global \"const f32\": the API reads 55, wasm reads 55 (not refused)",
            "> a var f32 global for the const f32 import: instantiated (mutability is not checked)");
    }

    [TestMethod]
    public void Hostref()
    {
        SampleProcess run = Run("Hostref");
        AssertLines(
            run,
            "> host object 1, host object 2",
            "> a copy of host object 1 is the same reference, and carries a reference without host info",
            "Accessing global...",
            "> the global holds host object 1",
            "Accessing table...",
            "> wasm copied the global to slot 0: host object 1",
            "Accessing function...",
            "Calling back...",
            "> host object 2",
            "> the host function returned host object 2 into slot 2",
            "Calling back...",
            "> null",
            "> after wasm_global_set with a NULL reference, wasm's ref.is_null on the global gives 0",
            "> Released the host info of host object 1.",
            "> Released the host info of host object 2.");
    }

    [TestMethod]
    public void Memory()
    {
        SampleProcess run = Run("Memory");
        AssertLines(
            run,
            "> 2 pages, 131072 bytes; a load at 0x20000 traps",
            "> wasm_memory_grow(memory, 1) from the host: false (WAMR 1.1.2 grows memory only from wasm)",
            "> memory.grow(1) from wasm: 3 pages, 196608 bytes; past the maximum of 3 it returns -1",
            "> stand-alone memory of 5 pages: size 0 pages, data NULL",
            "> with wasm_instance_new: 3 pages, and a load at 0x20000 does not trap");
    }

    [TestMethod]
    public void Multi()
    {
        SampleProcess run = Run("Multi");
        AssertLines(
            run,
            "Calling export \"reverse\" (wasm only)...",
            "> 4 3 2 1",
            "> the wasm function's four results reached the host",
            "Calling export \"run swap\"...",
            "> 10 20",
            "> 20 10: the host function's two results reached wasm",
            "Calling export \"run\"...",
            "> 1 2 3 4",
            "> returning 4 3 2 1",
            "> the host function's four results did not reach wasm (WAMR 1.1.2, issue 3679: only results that fit in 64 bits do)");
    }

    [TestMethod]
    public void Reflect()
    {
        SampleProcess run = Run("Reflect");
        AssertLines(
            run,
            "> export 0 \"func\"",
            ">> initial: func i32 f64 f32 -> i32",
            ">> current: func i32 f64 f32 -> i32",
            ">> in-arity: 3, out-arity: 1",
            "> export 1 \"func multi\"",
            ">> initial: func i64 -> i32 i64",
            ">> current: func i64 -> i32 i64",
            ">> in-arity: 1, out-arity: 2",
            "> export 2 \"global\"",
            ">> initial: global const f64",
            ">> current: global const f64",
            "> export 3 \"global mut\"",
            ">> initial: global var i64",
            ">> current: global var i64",
            "> export 4 \"table\"",
            ">> initial: table 0 50 funcref",
            ">> current: table 0 50 funcref",
            "> export 5 \"memory\"",
            ">> initial: memory 1 1",
            ">> current: memory 1 1");
    }

    [TestMethod]
    public void Serialize()
    {
        SampleProcess run = Run("Serialize");
        AssertLines(
            run,
            "Serializing module...",
            "> serialized 0 bytes",
            "Deserializing module...",
            "> wasm_module_deserialize(serialized) returned NULL",
            "> wasm_module_deserialize(the .wasm bytes) returned NULL",
            "> this libiwasm (fast interpreter, no JIT or AOT) cannot serialize modules",
            "Instantiating the obtained module in a second store...",
            "Calling back...",
            "> Hello World!");
        // WAMR's own log line, written by libiwasm to the same stdout.
        StringAssert.Contains(run.Output, "only supported serialization in JIT with eager compilation", run.Transcript);
    }

    [TestMethod]
    public void Table()
    {
        SampleProcess run = Run("Table");
        AssertLines(
            run,
            "> slot 0 empty, slot 1 holds f: call_indirect(7, 1) = 7",
            "> slot 0 holds g: call_indirect(7, 0) = 666; slot 1 cleared; slot 2 is out of range",
            "> wasm_table_set with a host function: refused (WAMR 1.1.2 tables hold the module's functions only)",
            "> wasm_table_grow(table, 3) from the host: false (WAMR 1.1.2 grows tables only from wasm)",
            "> table.grow(3) from wasm: 5 slots, slot 4 set to f: call_indirect(9, 4) = 9; past the maximum of 10 it returns -1",
            "> stand-alone table of 5 slots: size 0");
    }

    [TestMethod]
    public void Threads()
    {
        SampleProcess run = Run("Threads");
        for (int id = 0; id < 10; id++)
        {
            Assert.AreEqual(3, run.Lines.Count(l => l == $"> Thread {id} running"), run.Transcript);
        }

        Assert.IsFalse(run.Lines.Any(l => l.StartsWith("> Error", StringComparison.Ordinal)), run.Transcript);
        AssertLines(run, "> 10 threads ran their own instances 3 times each, every one with its own id");
    }

    [TestMethod]
    public void Clone()
    {
        SampleProcess run = Run("Clone");
        AssertLines(run, "[Execution Thread] Pass CHK POINT #2", "[Execution Thread] All Passed ...", "> not cloned: WAMR 1.1.2 clones compiled modules only");
        for (int i = 0; i < 10; i++)
        {
            AssertLines(run, $"Running warm start at Worker#{i}...", $"Running test at Worker#{i}...", $"[Worker#{i}] Pass CHK POINT #1", $"[Worker#{i}] All Passed ...");
        }
    }

    [TestMethod]
    public void Trap()
    {
        SampleProcess run = Run("Trap");
        string frame = @"> instance \(this instance\), func index {0}, func offset 0x[0-9a-f]+, module offset 0x0";
        string[] expected =
        {
            "> Exception: callback abort",
            string.Format(frame, 0), string.Format(frame, 0), string.Format(frame, 2),
            "> Exception: InvalidOperationException: thrown by .NET code",
            string.Format(frame, 1), string.Format(frame, 1), string.Format(frame, 3),
            "> Exception: unreachable",
            string.Format(frame, 4), string.Format(frame, 4), string.Format(frame, 5), string.Format(frame, 6),
            "> made by the host: origin none, 0 frames",
        };

        // The sample's own "> " lines, in order (WAMR's frame dumps go through C's stdio and may land anywhere).
        string[] actual = run.Lines.Where(l => l.StartsWith("> ", StringComparison.Ordinal)).ToArray();
        Assert.AreEqual(expected.Length, actual.Length, run.Transcript);
        for (int i = 0; i < expected.Length; i++)
        {
            string pattern = expected[i].StartsWith("> instance", StringComparison.Ordinal) ? expected[i] : Regex.Escape(expected[i]);
            StringAssert.Matches(actual[i], new Regex("^" + pattern + "$"), run.Transcript);
        }

        // WAMR_BUILD_DUMP_CALL_STACK: libiwasm prints the frames of each trap itself, with names from the name section.
        StringAssert.Contains(run.Output, "#00 inner", run.Transcript);
    }

    [TestMethod]
    public void EverySampleIsBuiltAndTested()
    {
        string[] samples = Directory.GetDirectories(Path.Combine(RepoPaths.Root, "samples"))
            .Select(d => Path.GetFileName(d))
            .Where(n => File.Exists(Path.Combine(RepoPaths.Root, "samples", n, n + ".csproj")))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
        // 14 ports of WAMR's C samples, 4 of them again with the façade (samples/*Oop, tested by OopSampleTests), and
        // the ahead-of-time sample (samples/Aot, tested by AotSampleTests).
        Assert.AreEqual(19, samples.Length, string.Join(", ", samples));
        foreach (string sample in samples)
        {
            Assert.IsTrue(File.Exists(SampleProcess.AssemblyPath(sample)), sample);
            Type tests = sample.EndsWith("Oop", StringComparison.Ordinal) ? typeof(OopSampleTests) : sample == "Aot" ? typeof(AotSampleTests) : typeof(SampleTests);
            Assert.IsNotNull(tests.GetMethod(sample), $"{tests.Name} has no test for samples/{sample}.");
        }
    }

    private static SampleProcess Run(string name)
    {
        SampleProcess run = SampleProcess.Run(name, Timeout);
        Assert.AreEqual(0, run.ExitCode, run.Transcript);
        Assert.AreEqual("Done.", run.Lines.LastOrDefault(l => l.Length > 0 && !IsFromLibiwasm(l)), run.Transcript);
        return run;
    }

    // libiwasm writes its trap frame dumps ("#00 inner") and log lines ("[01:02:03:456 - 7F...]: ...") with C's
    // stdio, which buffers them when stdout is a pipe: they can come after the sample's own last line.
    private static bool IsFromLibiwasm(string line) =>
        line.StartsWith('#') || Regex.IsMatch(line, @"^\[\d\d:\d\d:\d\d:\d\d\d - [0-9A-F]+\]");

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
