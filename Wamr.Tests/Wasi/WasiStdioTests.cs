using System;
using System.IO;
using System.Linq;
using System.Text;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Wasi;

/// <summary>Standard input, output and error: streams, files, discarded, inherited.</summary>
[TestClass]
public sealed class WasiStdioTests : WasiTest
{
    [TestMethod]
    public void OutputAndErrorAreCapturedSeparately()
    {
        (int code, string output, string error) = RunProbe(Probe("stderr", "to stderr"));
        Assert.AreEqual(0, code);
        Assert.AreEqual(string.Empty, output);
        Assert.AreEqual("to stderr", error);
    }

    [TestMethod]
    public void CapturedOutputIsCompleteWhenTheCallReturns()
    {
        var output = new MemoryStream();
        Instance instance = Instantiate("wasi_stdio", new WasiConfiguration().WithStandardOutput(WasiOutput.ToStream(output)));
        System.Func<int, int, int, int> write = instance.GetFunction<int, int, int, int>("write")!;
        for (int i = 1; i <= 50; i++)
        {
            Assert.AreEqual(0, write(1, 16, 6));
            Assert.AreEqual(6 * i, output.Length, "every write is in the stream when the call returns");
        }
    }

    [TestMethod]
    public void MegabytesOfOutputDoNotBlockTheProgram()
    {
        // More than a pipe holds (64 KiB): the background copy must keep up while the program writes.
        var output = new MemoryStream();
        Instance instance = Instantiate("wasi_stdio", new WasiConfiguration().WithStandardOutput(WasiOutput.ToStream(output)));
        Assert.AreEqual(0, instance.GetFunction<int, int, int>("spam")!(1, 40));
        Assert.AreEqual(40 * 65536, output.Length);
        byte[] page = new byte[65536];
        instance.GetMemory("memory")!.Read(0, page);
        byte[] captured = output.ToArray();
        Assert.IsTrue(captured.AsSpan(39 * 65536).SequenceEqual(page), "the bytes arrive in order and unchanged");
    }

    [TestMethod]
    public void TwoInstancesMayShareAnOutputStream()
    {
        var output = new MemoryStream();
        WasiConfiguration configuration = new WasiConfiguration().WithStandardOutput(WasiOutput.ToStream(output));
        Instance first = Instantiate("wasi_stdio", configuration);
        Instance second = Instantiate("wasi_stdio", configuration);
        first.RunWasiMain();
        second.RunWasiMain();
        Assert.AreEqual("hello\nhello\n", Text(output));
    }

    [TestMethod]
    public void OutputIsCompleteWhenTheInstanceIsDisposed()
    {
        var output = new MemoryStream();
        Instance instance = Instantiate("wasi_stdio", new WasiConfiguration().WithStandardOutput(WasiOutput.ToStream(output)));
        instance.RunWasiMain();
        instance.Dispose();
        instance.Dispose();
        Assert.AreEqual("hello\n", Text(output));
        Assert.IsTrue(instance.IsDisposed);
        Assert.ThrowsExactly<ObjectDisposedException>(() => instance.RunWasiMain());
    }

    [TestMethod]
    public void AFailingOutputStreamIsReportedOnce()
    {
        var broken = new BrokenStream();
        Instance instance = Instantiate("wasi_stdio", new WasiConfiguration().WithStandardOutput(WasiOutput.ToStream(broken)));
        IOException error = Assert.ThrowsExactly<IOException>(() => instance.RunWasiMain());
        Assert.IsInstanceOfType<NotSupportedException>(error.InnerException);
        StringAssert.Contains(error.Message, "standard output");
        Assert.AreEqual(0, instance.RunWasiMain(), "reported once; later output is discarded");
    }

    [TestMethod]
    public void StandardInputFromAStream()
    {
        var output = new MemoryStream();
        byte[] input = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        Instance instance = Instantiate("wasi_stdio", new WasiConfiguration()
            .WithStandardInput(WasiInput.FromStream(new MemoryStream(input)))
            .WithStandardOutput(WasiOutput.ToStream(output)));
        Assert.AreEqual(input.Length, instance.GetFunction<int>("echo")!());
        CollectionAssert.AreEqual(input, output.ToArray());
    }

    [TestMethod]
    public void StandardInputFromTextBytesAndAFile()
    {
        string file = Path.Combine(Scratch, "input.txt");
        File.WriteAllText(file, "from a file\n");
        foreach ((WasiInput input, string expected) in new[]
        {
            (WasiInput.FromText("from text\n"), "from text\n"),
            (WasiInput.FromBytes("from bytes\n"u8), "from bytes\n"),
            (WasiInput.FromFile(file), "from a file\n"),
        })
        {
            (int code, string output, string error) = RunProbe(Probe("stdin").WithStandardInput(input));
            Assert.AreEqual(0, code);
            Assert.AreEqual(expected, output, input.ToString());
            Assert.AreEqual($"{expected.Length} bytes\n", error);
        }
    }

    [TestMethod]
    public void TextInputIsReadFromTheStartByEachInstance()
    {
        WasiInput input = WasiInput.FromText("again\n");
        Assert.AreEqual("again\n", RunProbe(Probe("stdin").WithStandardInput(input)).Output);
        Assert.AreEqual("again\n", RunProbe(Probe("stdin").WithStandardInput(input)).Output);
    }

    [TestMethod]
    public void AStreamInputServesOneInstance()
    {
        WasiInput input = WasiInput.FromStream(new MemoryStream([1, 2, 3]));
        Instantiate("wasi_stdio", new WasiConfiguration().WithStandardInput(input));
        InvalidOperationException error = Assert.ThrowsExactly<InvalidOperationException>(
            () => Instantiate("wasi_stdio", new WasiConfiguration().WithStandardInput(input)));
        StringAssert.Contains(error.Message, "one instance");
    }

    [TestMethod]
    public void ByDefaultInputIsEmptyAndOutputDiscarded()
    {
        Instance instance = Instantiate("wasi_stdio", new WasiConfiguration());
        Assert.AreEqual(0, instance.GetFunction<int>("echo")!(), "standard input is at its end at once");
        System.Func<int, int, int, int> write = instance.GetFunction<int, int, int, int>("write")!;
        Assert.AreEqual(0, write(1, 16, 6), "writing to standard output succeeds");
        Assert.AreEqual(6, instance.GetFunction<int>("written")!());
        Assert.AreEqual(0, write(2, 16, 6), "so does standard error");
        Assert.AreEqual(8, write(5, 16, 6), "there is no descriptor 5 (EBADF)");
    }

    [TestMethod]
    public void OutputIntoFiles()
    {
        string output = Path.Combine(Scratch, "out.txt");
        string error = Path.Combine(Scratch, "err.txt");
        File.WriteAllText(error, "before\n");
        WasiConfiguration configuration = Probe("stderr", "after\n")
            .WithStandardOutput(WasiOutput.ToFile(output))
            .WithStandardError(WasiOutput.ToFile(error, append: true));
        Assert.AreEqual(0, Instantiate("wasi_probe", configuration).RunWasiMain());
        Assert.AreEqual(string.Empty, File.ReadAllText(output));
        Assert.AreEqual("before\nafter\n", File.ReadAllText(error));
        Assert.AreEqual(0, Instantiate("wasi_probe", Probe("args", "x").WithStandardOutput(WasiOutput.ToFile(output))).RunWasiMain());
        Assert.AreEqual("wasi_probe\nargs\nx\n", File.ReadAllText(output), "ToFile without append truncates");
    }

    [TestMethod]
    public void AMissingInputFileIsRefusedAtInstantiation()
    {
        WasiInput input = WasiInput.FromFile(Path.Combine(Scratch, "missing.txt"));
        StringAssert.Contains(input.ToString(), "missing.txt");
        Assert.ThrowsExactly<FileNotFoundException>(() => Instantiate("wasi_stdio", new WasiConfiguration().WithStandardInput(input)));
        Assert.ThrowsExactly<DirectoryNotFoundException>(() => Instantiate("wasi_stdio", new WasiConfiguration()
            .WithStandardOutput(WasiOutput.ToFile(Path.Combine(Scratch, "no", "such", "dir.txt")))));
    }

    [TestMethod]
    public void InheritedStreamsAreTheHostsDescriptors()
    {
        WasiConfiguration configuration = new WasiConfiguration().WithInheritedStandardStreams();
        Assert.AreSame(WasiInput.Inherit, configuration.StandardInput);
        Assert.AreSame(WasiOutput.Inherit, configuration.StandardOutput);
        Assert.AreSame(WasiOutput.Inherit, configuration.StandardError);
        Instance instance = Instantiate("wasi_stdio", configuration);
        // A zero-length write reaches the host's descriptor without printing anything.
        Assert.AreEqual(0, instance.GetFunction<int, int, int, int>("write")!(2, 16, 0));
        Assert.AreEqual(0, instance.GetFunction<int, int, int, int>("write")!(1, 16, 0));
    }

    [TestMethod]
    public void StreamsAreCheckedWhenGiven()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => WasiOutput.ToStream(null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => WasiInput.FromStream(null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => WasiInput.FromText(null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => WasiInput.FromFile(null!));
        Assert.ThrowsExactly<ArgumentException>(() => WasiInput.FromFile(string.Empty));
        Assert.ThrowsExactly<ArgumentNullException>(() => WasiOutput.ToFile(null!));
        Assert.ThrowsExactly<ArgumentException>(() => WasiOutput.ToFile(string.Empty));
        Assert.ThrowsExactly<ArgumentException>(() => WasiOutput.ToStream(new MemoryStream([], writable: false)));
        Assert.ThrowsExactly<ArgumentException>(() => WasiInput.FromStream(new BrokenStream()));
        var configuration = new WasiConfiguration();
        Assert.ThrowsExactly<ArgumentNullException>(() => configuration.WithStandardInput(null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => configuration.WithStandardOutput(null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => configuration.WithStandardError(null!));
    }

    [TestMethod]
    public void StreamsDescribeThemselves()
    {
        Assert.AreEqual("empty", WasiInput.Empty.ToString());
        Assert.AreEqual("inherit", WasiInput.Inherit.ToString());
        Assert.AreEqual("3 bytes", WasiInput.FromBytes([1, 2, 3]).ToString());
        Assert.AreEqual("stream", WasiInput.FromStream(new MemoryStream()).ToString());
        Assert.AreEqual("discard", WasiOutput.Discard.ToString());
        Assert.AreEqual("inherit", WasiOutput.Inherit.ToString());
        Assert.AreEqual("stream", WasiOutput.ToStream(new MemoryStream()).ToString());
        StringAssert.EndsWith(WasiOutput.ToFile("x.txt", append: true).ToString(), "x.txt (append)");
        Assert.AreEqual(
            "WASI: 1 argument(s), 0 variable(s), 0 directory(ies), stdin empty, stdout discard, stderr discard",
            new WasiConfiguration().WithArguments("p").ToString());
    }

    /// <summary>A stream that can be neither read nor written: writes throw.</summary>
    private sealed class BrokenStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("broken on purpose");
    }
}
