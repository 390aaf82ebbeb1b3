using System;
using System.IO;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Wasi;

/// <summary>Preopened directories: guest paths that differ from host paths, and everything outside them refused.</summary>
[TestClass]
public sealed class WasiFileSystemTests : WasiTest
{
    private string _data = null!;

    [TestInitialize]
    public void CreateFiles()
    {
        // Scratch/secret.txt is outside; Scratch/data is preopened.
        _data = Path.Combine(Scratch, "data");
        Directory.CreateDirectory(Path.Combine(_data, "sub"));
        File.WriteAllText(Path.Combine(_data, "greeting.txt"), "hello from the host\n");
        File.WriteAllText(Path.Combine(_data, "sub", "nested.txt"), "nested\n");
        File.WriteAllText(Path.Combine(Scratch, "secret.txt"), "secret\n");
    }

    [TestMethod]
    public void AFileIsReadUnderTheGuestPath()
    {
        (int code, string output, _) = RunProbe(Probe("cat", "/data/greeting.txt", "/data/sub/nested.txt", "/data/sub/../greeting.txt")
            .WithPreopenedDirectory(_data, "/data"));
        Assert.AreEqual(0, code, output);
        Assert.AreEqual("hello from the host\nnested\nhello from the host\n", output);
    }

    [TestMethod]
    public void TheHostPathMeansNothingToTheGuest()
    {
        (int code, string output, _) = RunProbe(Probe("cat", Path.Combine(_data, "greeting.txt")).WithPreopenedDirectory(_data, "/data"));
        Assert.AreEqual(1, code);
        StringAssert.StartsWith(output, Path.Combine(_data, "greeting.txt") + ": error ");
    }

    [TestMethod]
    public void ARelativeGuestPathAndTheCurrentDirectoryWork()
    {
        (int code, string output, _) = RunProbe(Probe("cat", "box/greeting.txt", "sub/nested.txt")
            .WithPreopenedDirectory(_data, "box")
            .WithPreopenedDirectory(_data, "."));
        Assert.AreEqual(0, code, output);
        Assert.AreEqual("hello from the host\nnested\n", output);
    }

    [TestMethod]
    public void EscapesWithDotDotAreRefused()
    {
        (int code, string output, _) = RunProbe(Probe("cat", "/data/../secret.txt", "/data/sub/../../secret.txt", "../secret.txt")
            .WithPreopenedDirectory(_data, "/data"));
        Assert.AreEqual(3, code, output);
        Assert.DoesNotContain("secret\n", output);
        foreach (string line in output.TrimEnd('\n').Split('\n'))
        {
            StringAssert.EndsWith(line, ": error ENOTCAPABLE");
        }
    }

    [TestMethod]
    public void AbsolutePathsOutsideArePreopenedNowhere()
    {
        (int code, string output, _) = RunProbe(Probe("cat", Path.Combine(Scratch, "secret.txt"), "/etc/hostname", "/secret.txt")
            .WithPreopenedDirectory(_data, "/data"));
        Assert.AreEqual(3, code, output);
        Assert.DoesNotContain("secret\n", output);
        Assert.AreEqual(3, output.Split(": error ENOTCAPABLE\n").Length - 1, output);
    }

    [TestMethod]
    public void ASymbolicLinkPointingOutsideIsRefused()
    {
        File.CreateSymbolicLink(Path.Combine(_data, "link.txt"), Path.Combine(Scratch, "secret.txt"));
        (int code, string output, _) = RunProbe(Probe("cat", "/data/link.txt").WithPreopenedDirectory(_data, "/data"));
        Assert.AreEqual(1, code, output);
        Assert.AreEqual("/data/link.txt: error ENOTCAPABLE\n", output);
    }

    [TestMethod]
    public void WithoutPreopenedDirectoriesNothingIsVisible()
    {
        (int code, string output, _) = RunProbe(Probe("cat", "/data/greeting.txt", "greeting.txt", "/etc/hostname"));
        Assert.AreEqual(3, code, output);
        Instance instance = Instantiate("wasi_stdio", new WasiConfiguration());
        Assert.AreEqual(8, instance.GetFunction<int, int>("prestat")!(3), "fd_prestat_get(3) is EBADF (8): no preopened directory");
    }

    [TestMethod]
    public void TheProgramWritesIntoThePreopenedDirectory()
    {
        (int code, string output, _) = RunProbe(Probe("write", "/out/result.txt", "written by wasm").WithPreopenedDirectory(_data, "/out"));
        Assert.AreEqual(0, code, output);
        Assert.AreEqual("ok\n", output);
        Assert.AreEqual("written by wasm", File.ReadAllText(Path.Combine(_data, "result.txt")));
    }

    [TestMethod]
    public void PreopenedDirectoriesAreDescriptorsFromThree()
    {
        Instance instance = Instantiate("wasi_stdio", new WasiConfiguration()
            .WithPreopenedDirectory(_data, "/a")
            .WithPreopenedDirectory(Scratch, "/b"));
        System.Func<int, int> prestat = instance.GetFunction<int, int>("prestat")!;
        Assert.AreEqual(0, prestat(3));
        Assert.AreEqual(0, prestat(4));
        Assert.AreEqual(8, prestat(5));
        Assert.AreEqual(8, prestat(1), "a standard stream is not a preopened directory");
    }

    [TestMethod]
    public void AMissingHostDirectoryIsRefusedWhenConfigured()
    {
        string missing = Path.Combine(Scratch, "missing");
        DirectoryNotFoundException error = Assert.ThrowsExactly<DirectoryNotFoundException>(
            () => new WasiConfiguration().WithPreopenedDirectory(missing, "/data"));
        StringAssert.Contains(error.Message, missing);
    }

    [TestMethod]
    public void AHostDirectoryRemovedBeforeInstantiationIsRefused()
    {
        string gone = Path.Combine(Scratch, "gone");
        Directory.CreateDirectory(gone);
        WasiConfiguration configuration = new WasiConfiguration().WithPreopenedDirectory(gone, "/gone");
        Directory.Delete(gone);
        DirectoryNotFoundException error = Assert.ThrowsExactly<DirectoryNotFoundException>(() => Instantiate("wasi_stdio", configuration));
        StringAssert.Contains(error.Message, gone);
        StringAssert.Contains(error.Message, "\"/gone\"");
    }

    [TestMethod]
    public void AFileIsNotADirectory()
    {
        Assert.ThrowsExactly<DirectoryNotFoundException>(
            () => new WasiConfiguration().WithPreopenedDirectory(Path.Combine(Scratch, "secret.txt"), "/secret"));
    }

    [TestMethod]
    public void BadPathsAreRefused()
    {
        var configuration = new WasiConfiguration();
        Assert.ThrowsExactly<ArgumentNullException>(() => configuration.WithPreopenedDirectory(null!, "/a"));
        Assert.ThrowsExactly<ArgumentNullException>(() => configuration.WithPreopenedDirectory(_data, null!));
        Assert.ThrowsExactly<ArgumentException>(() => configuration.WithPreopenedDirectory(string.Empty, "/a"));
        Assert.ThrowsExactly<ArgumentException>(() => configuration.WithPreopenedDirectory(_data, string.Empty));
        Assert.ThrowsExactly<ArgumentException>(() => configuration.WithPreopenedDirectory(_data, "/a\0b"));
        configuration.WithPreopenedDirectory(_data, "/a");
        ArgumentException twice = Assert.ThrowsExactly<ArgumentException>(() => configuration.WithPreopenedDirectory(Scratch, "/a"));
        StringAssert.Contains(twice.Message, "preopened already");
        WasiPreopenedDirectory directory = configuration.PreopenedDirectories[0];
        Assert.AreEqual(_data, directory.HostPath);
        Assert.AreEqual("/a", directory.GuestPath);
        Assert.AreEqual(directory, new WasiConfiguration().WithPreopenedDirectory(_data, "/a").PreopenedDirectories[0], "by value");
    }
}
