using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Wasi;

[TestClass]
public sealed class WasiSmokeTests : WasiTest
{
    [TestMethod]
    public void Smoke()
    {
        (int code, string output, string error) = RunProbe(Probe("args", "a", "b c"));
        Assert.AreEqual("wasi_probe\nargs\na\nb c\n", output);
        Assert.AreEqual(0, code);
        Assert.AreEqual(string.Empty, error);
    }
}
