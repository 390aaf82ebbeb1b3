using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>
/// <see cref="ModuleLimits"/> and the façade's pre-check of module binaries: hostile counts refused in milliseconds
/// before WAMR allocates for them, the size limit on every loader, memory and table minimums, the limits' own
/// validation, and modules within the limits loading as before. The hostile binaries are written out byte by byte.
/// </summary>
[TestClass]
public sealed class ModuleLimitsTests : FacadeTest
{
    /// <summary>How long refusing a hostile binary may take (WAMR takes seconds to allocate for it).</summary>
    private const double FastMs = 100;

    private static readonly byte[] Header = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];

    /// <summary>A type section with one type, () -> ().</summary>
    private static readonly byte[] OneVoidType = Section(1, [0x01, 0x60, 0x00, 0x00]);

    /// <summary>A function section with one function of type 0.</summary>
    private static readonly byte[] OneFunction = Section(3, [0x01, 0x00]);

    [TestMethod]
    public void AFunctionDeclaringBillionsOfLocalsIsRefusedInMilliseconds()
    {
        // 30 bytes: one function whose only local group declares 0xBFFFFFFF i32 locals (WAMR 1.1.2 fills about 3 GB
        // for it before it reports "local count too large").
        byte[] hostile = Module(OneVoidType, OneFunction, Section(10, [0x01, 0x08, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0B, 0x7F, 0x0B]));
        Assert.HasCount(30, hostile);

        var clock = Stopwatch.StartNew();
        ModuleLimitException refused = Assert.ThrowsExactly<ModuleLimitException>(() => Wamr.Module.FromBytes(Store, hostile));
        clock.Stop();

        Assert.IsLessThan(FastMs, clock.Elapsed.TotalMilliseconds);
        Assert.AreEqual(nameof(ModuleLimits.MaxFunctionLocalCells), refused.Limit);
        Assert.StartsWith("The module was refused before loading: code body 0 declares 3,221,225,471 cells of locals", refused.Message);
        Assert.IsInstanceOfType<WasmException>(refused);

        Assert.IsFalse(Wamr.Module.Validate(Store, hostile, out string? error));
        Assert.StartsWith("code body 0 declares 3,221,225,471 cells of locals", error);
    }

    [TestMethod]
    public void LocalCellsCountI64AndF64Twice()
    {
        // One i64 local and one i32: three cells.
        byte[] binary = Module(OneVoidType, OneFunction, Section(10, [0x01, 0x06, 0x02, 0x01, 0x7E, 0x01, 0x7F, 0x0B]));
        Store.ModuleLimits = ModuleLimits.Default with { MaxFunctionLocalCells = 3 };
        Assert.IsNotNull(Wamr.Module.FromBytes(Store, binary));
        Store.ModuleLimits = ModuleLimits.Default with { MaxFunctionLocalCells = 2 };
        ModuleLimitException refused = Assert.ThrowsExactly<ModuleLimitException>(() => Wamr.Module.FromBytes(Store, binary));
        Assert.Contains("declares 3 cells of locals, more than ModuleLimits.MaxFunctionLocalCells (2", refused.Message);
    }

    [TestMethod]
    public void AVectorLongerThanItsBytesIsRefused()
    {
        // A type section declaring 2^28 types in 4 bytes.
        byte[] types = Module(Section(1, [0x80, 0x80, 0x80, 0x80, 0x01, 0x60, 0x00, 0x00]));
        ModuleLimitException refused = Assert.ThrowsExactly<ModuleLimitException>(() => Wamr.Module.FromBytes(Store, types));
        Assert.AreEqual("declared count", refused.Limit);
        Assert.Contains("the type section declares 268,435,456 entries in 3 bytes", refused.Message);

        // A code body declaring more local groups than it has bytes.
        byte[] groups = Module(OneVoidType, OneFunction, Section(10, [0x01, 0x06, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x0B]));
        Assert.Contains("the local declarations of code body 0 declares", Assert.ThrowsExactly<ModuleLimitException>(() => Wamr.Module.FromBytes(Store, groups)).Message);

        // The other vector sections.
        foreach (byte id in new byte[] { 2, 3, 4, 5, 6, 7, 9, 10, 11 })
        {
            byte[] binary = Module(Section(id, [0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x00]));
            ModuleLimitException each = Assert.ThrowsExactly<ModuleLimitException>(() => Wamr.Module.FromBytes(Store, binary), $"section {id}");
            Assert.Contains("declares 2,147,483,647 entries in 1 bytes", each.Message);
        }
    }

    [TestMethod]
    public void AnElementSegmentListingMoreFunctionsThanItsBytesIsRefusedInMilliseconds()
    {
        // table 1 funcref; one active segment at offset 0 listing 2^29 functions (WAMR allocates 2 GiB for the list first).
        byte[] binary = Module(
            OneVoidType,
            OneFunction,
            Section(4, [0x01, 0x70, 0x00, 0x01]),
            Section(9, [0x01, 0x00, 0x41, 0x00, 0x0B, 0x80, 0x80, 0x80, 0x80, 0x02, 0x00]),
            Section(10, [0x01, 0x02, 0x00, 0x0B]));
        var clock = Stopwatch.StartNew();
        ModuleLimitException refused = Assert.ThrowsExactly<ModuleLimitException>(() => Wamr.Module.FromBytes(Store, binary));
        Assert.IsLessThan(FastMs, clock.Elapsed.TotalMilliseconds);
        Assert.Contains("element segment 0 declares 536,870,912 entries in 1 bytes", refused.Message);

        // The same module with a list of one function loads.
        byte[] valid = Module(
            OneVoidType,
            OneFunction,
            Section(4, [0x01, 0x70, 0x00, 0x01]),
            Section(9, [0x01, 0x00, 0x41, 0x00, 0x0B, 0x01, 0x00]),
            Section(10, [0x01, 0x02, 0x00, 0x0B]));
        Assert.IsNotNull(Wamr.Module.FromBytes(Store, valid));
    }

    [TestMethod]
    public void MemoryAndTableMinimumsBeyondTheLimitsAreRefused()
    {
        // (memory 20000): 1.2 GiB at instantiation, beyond the default 16,384 pages.
        byte[] memory = Module(Section(5, [0x01, 0x00, 0xA0, 0x9C, 0x01]));
        ModuleLimitException refused = Assert.ThrowsExactly<ModuleLimitException>(() => Wamr.Module.FromBytes(Store, memory));
        Assert.AreEqual(nameof(ModuleLimits.MaxMemoryPages), refused.Limit);
        Assert.Contains("memory 0 starts with 20,000 pages of 64 KiB, more than ModuleLimits.MaxMemoryPages (16,384)", refused.Message);
        Store.ModuleLimits = ModuleLimits.Default with { MaxMemoryPages = 20000 };
        Assert.IsNotNull(Wamr.Module.FromBytes(Store, memory));

        // (table 20000000 funcref) with a maximum.
        byte[] table = Module(Section(4, [0x01, 0x70, 0x01, 0x80, 0xDA, 0xC4, 0x09, 0x80, 0xDA, 0xC4, 0x09]));
        refused = Assert.ThrowsExactly<ModuleLimitException>(() => Wamr.Module.FromBytes(Store, table));
        Assert.AreEqual(nameof(ModuleLimits.MaxTableElements), refused.Limit);
        Assert.Contains("table 0 starts with 20,000,000 elements", refused.Message);

        // Imported ones too: (import "m" "mem" (memory 20001)) and (import "m" "t" (table 20000000 funcref)).
        byte[] importedMemory = Module(Section(2, [0x01, 0x01, (byte)'m', 0x03, (byte)'m', (byte)'e', (byte)'m', 0x02, 0x00, 0xA1, 0x9C, 0x01]));
        Assert.Contains("imported memory (import 0) starts with 20,001 pages", Assert.ThrowsExactly<ModuleLimitException>(() => Wamr.Module.FromBytes(Store, importedMemory)).Message);
        byte[] importedTable = Module(Section(2, [0x01, 0x01, (byte)'m', 0x01, (byte)'t', 0x01, 0x70, 0x00, 0x80, 0xDA, 0xC4, 0x09]));
        Assert.Contains("imported table (import 0) starts with 20,000,000 elements", Assert.ThrowsExactly<ModuleLimitException>(() => Wamr.Module.FromBytes(Store, importedTable)).Message);
    }

    [TestMethod]
    public void TheSizeLimitAppliesToEveryLoader()
    {
        byte[] arith = ModuleBytes("arith");
        Store.ModuleLimits = ModuleLimits.Default with { MaxBinarySize = arith.Length - 1 };
        string expected = $"the binary has {arith.Length:N0} bytes, more than ModuleLimits.MaxBinarySize ({arith.Length - 1:N0})";

        ModuleLimitException refused = Assert.ThrowsExactly<ModuleLimitException>(() => Wamr.Module.FromBytes(Store, arith));
        Assert.AreEqual(nameof(ModuleLimits.MaxBinarySize), refused.Limit);
        Assert.Contains(expected, refused.Message);
        Assert.Contains(expected, Assert.ThrowsExactly<ModuleLimitException>(() => Wamr.Module.FromFile(Store, ModulePath("arith"))).Message);
        using (var stream = new MemoryStream(arith))
        {
            Assert.ThrowsExactly<ModuleLimitException>(() => Wamr.Module.FromStream(Store, stream));
        }

        Assert.IsFalse(Wamr.Module.Validate(Store, arith, out string? error));
        Assert.StartsWith(expected, error);

        Store.ModuleLimits = ModuleLimits.Default with { MaxBinarySize = arith.Length };
        Assert.IsNotNull(Wamr.Module.FromBytes(Store, arith));
        Assert.IsNotNull(Wamr.Module.FromFile(Store, ModulePath("arith")));
        using (var stream = new MemoryStream(arith))
        {
            Assert.IsNotNull(Wamr.Module.FromStream(Store, stream));
        }

        Assert.IsTrue(Wamr.Module.Validate(Store, arith));
    }

    [TestMethod]
    public void EveryTestModuleLoadsWithTheDefaultLimits()
    {
        Assert.AreSame(ModuleLimits.Default, Store.ModuleLimits);
        string[] files = Directory.GetFiles(Path.GetDirectoryName(ModulePath("arith"))!, "*.wasm");
        Assert.IsGreaterThan(10, files.Length);
        foreach (string file in files)
        {
            Assert.IsNotNull(Wamr.Module.FromFile(Store, file), Path.GetFileName(file));
        }
    }

    [TestMethod]
    public void TheDefaultsAndTheirBounds()
    {
        ModuleLimits limits = ModuleLimits.Default;
        Assert.AreEqual(256L * 1024 * 1024, limits.MaxBinarySize);
        Assert.AreEqual(65535, limits.MaxFunctionLocalCells);
        Assert.AreEqual(ModuleLimits.WamrMaxLocalCells, limits.MaxFunctionLocalCells);
        Assert.AreEqual(16384u, limits.MaxMemoryPages);
        Assert.AreEqual(10_000_000u, limits.MaxTableElements);
        Assert.AreEqual(limits, new ModuleLimits());

        ModuleLimits custom = limits with { MaxBinarySize = 1, MaxFunctionLocalCells = 0, MaxMemoryPages = 65536, MaxTableElements = 0 };
        Assert.AreEqual(1, custom.MaxBinarySize);
        Assert.AreEqual(0, custom.MaxFunctionLocalCells);
        Assert.AreEqual(65536u, custom.MaxMemoryPages);
        Assert.AreEqual(0u, custom.MaxTableElements);
        Assert.AreNotEqual(limits, custom);

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => limits with { MaxBinarySize = 0 });
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => limits with { MaxFunctionLocalCells = -1 });
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => limits with { MaxFunctionLocalCells = 65536 });
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => limits with { MaxMemoryPages = 65537 });
        Assert.ThrowsExactly<ArgumentNullException>(() => Store.ModuleLimits = null!);
    }

    [TestMethod]
    public void LoweredLimitsRefuseOrdinaryModules()
    {
        Store.ModuleLimits = ModuleLimits.Default with { MaxFunctionLocalCells = 0 };
        Assert.ThrowsExactly<ModuleLimitException>(() => Load("loops"), "loops.wat's count has a local");
        Store.ModuleLimits = ModuleLimits.Default with { MaxMemoryPages = 0 };
        Assert.ThrowsExactly<ModuleLimitException>(() => Load("memory"));
        Store.ModuleLimits = ModuleLimits.Default;
        Assert.IsNotNull(Load("loops"));
        Assert.IsNotNull(Load("memory"));
    }

    [TestMethod]
    public void BinariesTheCheckCannotReadAreLeftToWamr()
    {
        // Too short for a header, a bad header, a section running past the end: WAMR reports them, not the check.
        foreach (byte[] binary in new[] { new byte[] { 0x00, 0x61 }, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, Module([0x01, 0x7F, 0x00]) })
        {
            WasmException rejected = Assert.ThrowsExactly<WasmException>(() => Wamr.Module.FromBytes(Store, binary));
            Assert.StartsWith("WAMR rejected the module: ", rejected.Message);
        }
    }

    private static byte[] Module(params byte[][] sections) => Header.Concat(sections.SelectMany(s => s)).ToArray();

    private static byte[] Section(byte id, byte[] content)
    {
        var bytes = new List<byte> { id };
        uint size = (uint)content.Length;
        do
        {
            byte b = (byte)(size & 0x7F);
            size >>= 7;
            bytes.Add(size == 0 ? b : (byte)(b | 0x80));
        }
        while (size != 0);
        bytes.AddRange(content);
        return bytes.ToArray();
    }
}
