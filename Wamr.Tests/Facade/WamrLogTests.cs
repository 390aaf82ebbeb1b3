using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>
/// <see cref="WamrLog"/>: WAMR's console output (log lines, trap frames) is off the process's stdout by default, can
/// be sent to a writer, and WAMR's log level applies. The stdout tests redirect file descriptor 1 for a moment,
/// because WAMR writes to it with C's vprintf, beneath .NET's Console.
/// </summary>
[TestClass]
public sealed class WamrLogTests : FacadeTest
{
    [TestCleanup]
    public void RestoreDefaults()
    {
        WamrLog.Writer = null;
        WamrLog.Level = WamrLogLevel.Warning;
    }

    [TestMethod]
    public void ByDefaultTrapsAndLoadErrorsPrintNothingOnStdout()
    {
        Instance instance = Instantiate("trap");
        string stdout = CaptureStdout(() =>
        {
            Assert.ThrowsExactly<TrapException>(() => instance.GetFunction("outer")!.Call());
            Assert.ThrowsExactly<WasmException>(() => Module.FromBytes(Store, [1, 2, 3, 4, 5, 6, 7, 8]));
        });
        Assert.AreEqual(string.Empty, stdout);
    }

    [TestMethod]
    public void AWriterReceivesWhatWamrPrints()
    {
        var writer = new StringWriter();
        WamrLog.Writer = writer;
        Assert.AreSame(writer, WamrLog.Writer);
        Instance instance = Instantiate("trap");
        Assert.ThrowsExactly<TrapException>(() => instance.GetFunction("outer")!.Call());
        Assert.ThrowsExactly<WasmException>(() => Module.FromBytes(Store, [1, 2, 3, 4, 5, 6, 7, 8]));
        string text = writer.ToString();
        StringAssert.Contains(text, "#00 inner");
        StringAssert.Contains(text, "#02 outer");
        StringAssert.Contains(text, "wasm_module_new failed");
    }

    [TestMethod]
    public void AWriterOnTheProcessStdoutShowsWamrsOutputThere()
    {
        // Also the control for the capture above: text written to file descriptor 1 is seen. (The test host replaces
        // Console.Out, so the writer goes to the process's standard output stream directly.)
        Instance instance = Instantiate("trap");
        string stdout = CaptureStdout(() =>
        {
            using var stdoutWriter = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
            WamrLog.Writer = stdoutWriter;
            Assert.ThrowsExactly<TrapException>(() => instance.GetFunction("outer")!.Call());
            WamrLog.Writer = null;
        });
        StringAssert.Contains(stdout, "#01 middle");
    }

    [TestMethod]
    public void TheLogLevelFiltersWamrsLogLinesButNotTrapFrames()
    {
        var writer = new StringWriter();
        WamrLog.Writer = writer;
        WamrLog.Level = WamrLogLevel.Fatal;
        Assert.AreEqual(WamrLogLevel.Fatal, WamrLog.Level);
        Assert.ThrowsExactly<WasmException>(() => Module.FromBytes(Store, [1, 2, 3, 4, 5, 6, 7, 8]));
        Assert.AreEqual(string.Empty, writer.ToString(), "an error line is above the Fatal level");
        WamrLog.Level = WamrLogLevel.Error;
        Assert.ThrowsExactly<WasmException>(() => Module.FromBytes(Store, [1, 2, 3, 4, 5, 6, 7, 8]));
        StringAssert.Contains(writer.ToString(), "wasm_module_new failed");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => WamrLog.Level = (WamrLogLevel)9);
    }

    [TestMethod]
    public void AFailingWriterDoesNotBreakTheCall()
    {
        WamrLog.Writer = new FailingWriter();
        Instance instance = Instantiate("trap");
        TrapException trap = Assert.ThrowsExactly<TrapException>(() => instance.GetFunction("outer")!.Call());
        Assert.AreEqual("unreachable", trap.TrapMessage);
    }

    private sealed class FailingWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(string? value) => throw new IOException("disk full");
    }

    /// <summary>Runs <paramref name="action"/> with file descriptor 1 pointing at a temporary file; returns what was written.</summary>
    private static string CaptureStdout(Action action)
    {
        string path = Path.GetTempFileName();
        try
        {
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
            {
                int target = (int)file.SafeFileHandle.DangerousGetHandle();
                LibC.Flush();
                int saved = LibC.Dup(1);
                Assert.IsTrue(saved >= 0, "dup(1) failed");
                Assert.IsTrue(LibC.Dup2(target, 1) >= 0, "dup2 failed");
                try
                {
                    action();
                }
                finally
                {
                    LibC.Flush();
                    LibC.Dup2(saved, 1);
                    LibC.Close(saved);
                }
            }

            return File.ReadAllText(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>C's file-descriptor functions, from the C library of this Unix-like OS.</summary>
    private static unsafe class LibC
    {
        private static readonly nint Library = NativeLibrary.Load(OperatingSystem.IsMacOS() ? "libSystem.dylib" : "libc.so.6");
        private static readonly delegate* unmanaged<int, int> DupFn = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(Library, "dup");
        private static readonly delegate* unmanaged<int, int, int> Dup2Fn = (delegate* unmanaged<int, int, int>)NativeLibrary.GetExport(Library, "dup2");
        private static readonly delegate* unmanaged<int, int> CloseFn = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(Library, "close");
        private static readonly delegate* unmanaged<nint, int> FlushFn = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(Library, "fflush");

        public static int Dup(int fd) => DupFn(fd);

        public static int Dup2(int from, int to) => Dup2Fn(from, to);

        public static int Close(int fd) => CloseFn(fd);

        public static void Flush() => FlushFn(0);
    }
}
