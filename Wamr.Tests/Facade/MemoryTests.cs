using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary><see cref="Memory"/>: bounds-checked access, sizes, growth from wasm, and the host grow WAMR refuses.</summary>
[TestClass]
public sealed class MemoryTests : FacadeTest
{
    [TestMethod]
    public void ReadsAndWritesAreSharedWithWasm()
    {
        Instance instance = Instantiate("memory");
        Memory memory = instance.GetMemory("mem")!;
        Assert.AreEqual("hello", memory.ReadString(16, 5));
        Assert.AreEqual("hello", memory.ReadNullTerminatedString(16));
        memory.Write(100, 0x12345678);
        Assert.AreEqual(0x12345678, instance.GetFunction<int, int>("load")!(100));
        instance.GetAction<int, int>("store")!(200, -7);
        Assert.AreEqual(-7, memory.Read<int>(200));
        Assert.AreEqual((byte)0xF9, memory.Read<byte>(200));
        memory.Write(300, 1.25);
        Assert.AreEqual(1.25, memory.Read<double>(300));
        Assert.AreEqual(5, memory.WriteString(400, "héll"));
        Assert.AreEqual("héll", memory.ReadString(400, 5));
        Span<byte> bytes = stackalloc byte[3];
        memory.Read(16, bytes);
        CollectionAssert.AreEqual("hel"u8.ToArray(), bytes.ToArray());
        memory.Write(500, "abc"u8);
        Assert.AreEqual("abc", memory.ReadString(500, 3));
        memory.GetSpan(600, 2)[1] = 9;
        Assert.AreEqual((byte)9, memory.GetSpan()[601]);
    }

    [TestMethod]
    public void SizesFollowGrowthFromWasm()
    {
        Instance instance = Instantiate("memory");
        Memory memory = instance.GetMemory("mem")!;
        Assert.AreEqual(1u, memory.PageCount);
        Assert.AreEqual((long)Memory.PageSize, memory.Length);
        Assert.AreEqual(new MemoryType(new Limits(1, 3)), memory.Type);
        Assert.AreEqual(ExternKind.Memory, memory.Kind);
        Assert.AreEqual(1, instance.GetFunction<int, int>("grow")!(2));
        Assert.AreEqual(3u, memory.PageCount);
        Assert.AreEqual(3L * Memory.PageSize, memory.GetSpan().Length);
        memory.Write(3L * Memory.PageSize - 4, 77);
        Assert.AreEqual(77, memory.Read<int>(3L * Memory.PageSize - 4));
        Assert.AreEqual(-1, instance.GetFunction<int, int>("grow")!(1), "the maximum is 3 pages");
    }

    [TestMethod]
    public void AccessOutsideTheMemoryIsRefused()
    {
        Memory memory = Instantiate("memory").GetMemory("mem")!;
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => memory.Read<int>(Memory.PageSize - 3));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => memory.Read<long>(-1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => memory.Write(Memory.PageSize, (byte)1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => memory.GetSpan(Memory.PageSize - 1, 2));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => memory.GetSpan(0, -1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => memory.ReadString(long.MaxValue, 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => memory.WriteString(Memory.PageSize - 1, "ab"));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => memory.ReadNullTerminatedString(Memory.PageSize + 1));
        Assert.ThrowsExactly<ArgumentNullException>(() => memory.WriteString(0, null!));
        Assert.AreEqual(string.Empty, memory.ReadNullTerminatedString(Memory.PageSize));
        memory.Write(Memory.PageSize - 4, 1);
    }

    [TestMethod]
    public void HostGrowIsRefusedAsWamrDoes()
    {
        Memory memory = Instantiate("memory").GetMemory("mem")!;
        NotSupportedException e = Assert.ThrowsExactly<NotSupportedException>(() => memory.Grow(1));
        StringAssert.Contains(e.Message, "memory.grow");
        Assert.AreEqual(1u, memory.PageCount);
    }

    [TestMethod]
    public void ByteCopiesAndStringsAreBoundsChecked()
    {
        Memory memory = Instantiate("memory").GetMemory("mem")!;
        byte[] buffer = new byte[8];
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => memory.Read(Memory.PageSize - 4, buffer));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => memory.Read(-1, buffer));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => memory.Write(Memory.PageSize - 7, buffer));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => memory.Write(long.MinValue, buffer));
        Assert.AreEqual("length", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => memory.ReadString(0, -1)).ParamName);
        Assert.AreEqual("offset", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => memory.ReadNullTerminatedString(-1)).ParamName);
        Assert.AreEqual("value", Assert.ThrowsExactly<ArgumentNullException>(() => memory.WriteString(0, null!)).ParamName);
        // Exactly at the end is inside.
        memory.Write(Memory.PageSize - 8, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
        memory.Read(Memory.PageSize - 8, buffer);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, buffer);
        memory.Read(Memory.PageSize, Span<byte>.Empty);
        Assert.AreEqual(string.Empty, memory.ReadString(Memory.PageSize, 0));
        Assert.AreEqual(0, memory.WriteString(Memory.PageSize, string.Empty));
        Assert.AreEqual(0, memory.GetSpan(Memory.PageSize, 0).Length);
    }

    [TestMethod]
    public void MemoryOfADisposedInstanceOrStoreThrowsObjectDisposedException()
    {
        var store = new Store(Engine);
        var instance = new Instance(store, Module.FromFile(store, ModulePath("memory")));
        Memory memory = instance.GetMemory("mem")!;
        instance.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => memory.PageCount);
        Assert.ThrowsExactly<ObjectDisposedException>(() => memory.Length);
        Assert.ThrowsExactly<ObjectDisposedException>(() => memory.GetSpan().Length);
        Assert.ThrowsExactly<ObjectDisposedException>(() => memory.GetSpan(0, 1).Length);
        Assert.ThrowsExactly<ObjectDisposedException>(() => memory.Read<int>(0));
        Assert.ThrowsExactly<ObjectDisposedException>(() => memory.Write(0, 1));
        Assert.ThrowsExactly<ObjectDisposedException>(() => memory.Read(0, new byte[1]));
        Assert.ThrowsExactly<ObjectDisposedException>(() => memory.Write(0, new byte[1]));
        Assert.ThrowsExactly<ObjectDisposedException>(() => memory.ReadString(0, 1));
        Assert.ThrowsExactly<ObjectDisposedException>(() => memory.ReadNullTerminatedString(0));
        Assert.ThrowsExactly<ObjectDisposedException>(() => memory.WriteString(0, "x"));
        Assert.ThrowsExactly<ObjectDisposedException>(() => memory.Grow(1));
        Assert.AreEqual(new MemoryType(new Limits(1, 3)), memory.Type, "the type stays readable");
        store.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => memory.Read<byte>(0));
    }
}
