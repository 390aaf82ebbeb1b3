using System;
using System.Runtime.InteropServices;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Tests.Interop.Safety;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>The layout every <c>wasm_X_vec_t</c> of WAMR 1.1.2 shares (five fields, 40 bytes on 64-bit).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct RawVec
{
    public nuint size;
    public byte* data;
    public nuint num_elems;
    public nuint size_of_elem;
    public void* @lock;
}

/// <summary>
/// One vector type of <c>wasm_c_api.h</c>: its five functions (as function pointers over <see cref="RawVec"/>), its
/// element size, and for vectors that own their elements how to make one and how to tell two apart.
/// </summary>
internal sealed unsafe class VectorKind
{
    /// <summary>The prefix of its functions, e.g. <c>wasm_valtype_vec</c>.</summary>
    public required string Name { get; init; }

    public required delegate*<RawVec*, void> NewEmpty { get; init; }

    public required delegate*<RawVec*, nuint, void> NewUninitialized { get; init; }

    public required delegate*<RawVec*, nuint, void*, void> New { get; init; }

    public required delegate*<RawVec*, RawVec*, void> Copy { get; init; }

    public required delegate*<RawVec*, void> Delete { get; init; }

    /// <summary><c>size_of_elem</c>: a pointer for vectors of objects, the value's size for bytes and values.</summary>
    public required nuint ElementSize { get; init; }

    /// <summary>For a vector of objects: makes a new object the vector may own, distinct from the previous one.</summary>
    public Func<nint>? MakeElement { get; init; }

    /// <summary>For a vector of objects: whether two objects have the same contents (a copy of one another).</summary>
    public Func<nint, nint, bool>? SameContent { get; init; }

    /// <summary>For a vector of values: fills the <paramref name="index"/>-th value (ElementSize bytes) at <paramref name="item"/>.</summary>
    public delegate*<byte*, int, void> FillValue { get; init; }

    /// <summary>Whether the vector owns objects (pointers) rather than holding values.</summary>
    public bool OwnsElements => MakeElement is not null;

    public string Function(string suffix) => Name + "_" + suffix;
}

/// <summary>
/// The checks every vector type goes through, positive and negative. Each concept's test class calls them from one
/// test method per C function, so that the coverage table names the function's own tests.
/// </summary>
internal static unsafe class VectorContract
{
    private static readonly nuint Huge = unchecked((nuint)(1UL << 33)); // beyond the 4 GiB WAMR vectors allocate at most

    /// <summary>new_empty gives a vector of nothing: every field zero.</summary>
    public static void NewEmptyIsEmpty(VectorKind kind)
    {
        RawVec v = Filled();
        kind.NewEmpty(&v);
        AssertEmpty(v, kind.Function("new_empty"));
    }

    /// <summary>new_empty with a NULL out returns without effect (the probe saw it survive).</summary>
    public static void NewEmptyIgnoresNullOut(VectorKind kind)
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe(kind.Function("new_empty"), "out"));
        kind.NewEmpty(null);
    }

    /// <summary>new_uninitialized(n): room for n zeroed elements, none counted yet (WAMR sets num_elems to 0).</summary>
    public static void NewUninitializedHasRoom(VectorKind kind)
    {
        RawVec v = Filled();
        kind.NewUninitialized(&v, 5);
        try
        {
            Assert.AreEqual((nuint)5, v.size);
            Assert.IsTrue(v.data != null);
            Assert.AreEqual((nuint)0, v.num_elems, "WAMR counts no element in an uninitialized vector");
            Assert.AreEqual(kind.ElementSize, v.size_of_elem);
            Assert.IsTrue(new ReadOnlySpan<byte>(v.data, checked((int)(5 * kind.ElementSize))).IndexOfAnyExcept((byte)0) < 0, "the room is zeroed");
        }
        finally
        {
            kind.Delete(&v);
        }
    }

    /// <summary>new_uninitialized with NULL out, size 0 or a size beyond 4 GiB: no effect, an empty vector, an empty vector.</summary>
    public static void NewUninitializedRejectsOddArguments(VectorKind kind)
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe(kind.Function("new_uninitialized"), "out"));
        kind.NewUninitialized(null, 3);

        RawVec v = Filled();
        kind.NewUninitialized(&v, 0);
        AssertEmpty(v, kind.Function("new_uninitialized") + "(0)");

        // The probe's odd cases show a size beyond 4 GiB fails cleanly for byte and valtype vectors (same macro for all).
        NullProbe.AssertOddIsSafe("wasm_byte_vec_new_uninitialized", "size 2^33");
        NullProbe.AssertOddIsSafe("wasm_valtype_vec_new_uninitialized", "size 2^33");
        v = Filled();
        kind.NewUninitialized(&v, Huge);
        AssertEmpty(v, kind.Function("new_uninitialized") + "(2^33)");
    }

    /// <summary>new(n, items): n elements counted; values copied, objects taken over (the same pointers).</summary>
    public static void NewHoldsTheItems(VectorKind kind)
    {
        const int count = 3;
        byte* items = MakeItems(kind, count);
        RawVec v = Filled();
        try
        {
            kind.New(&v, count, items);
            Assert.AreEqual((nuint)count, v.size);
            Assert.AreEqual((nuint)count, v.num_elems);
            Assert.AreEqual(kind.ElementSize, v.size_of_elem);
            Assert.IsTrue(v.data != null && v.data != items, "new copies the item array");
            Assert.IsTrue(Bytes(v.data, kind, count).SequenceEqual(Bytes(items, kind, count)), "the items are in the vector, in order");
        }
        finally
        {
            NativeMemory.Free(items);
            kind.Delete(&v);
        }
    }

    /// <summary>new with NULL out: no effect; with NULL items: an uninitialized vector; with a size beyond 4 GiB: empty.</summary>
    public static void NewRejectsOddArguments(VectorKind kind)
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe(kind.Function("new"), "out"));
        byte* items = MakeItems(kind, 1);
        try
        {
            kind.New(null, 1, items);
        }
        finally
        {
            ReleaseItems(kind, items, 1); // not taken over: the vector was never made
        }

        Assert.AreEqual("void", NullProbe.AssertNullIsSafe(kind.Function("new"), "arg2"));
        RawVec v = Filled();
        kind.New(&v, 3, null);
        try
        {
            Assert.AreEqual((nuint)3, v.size, "NULL items make an uninitialized vector");
            Assert.AreEqual((nuint)0, v.num_elems);
            Assert.IsTrue(v.data != null);
        }
        finally
        {
            kind.Delete(&v);
        }

        NullProbe.AssertOddIsSafe("wasm_byte_vec_new", "size 2^33 with data");
        items = MakeItems(kind, 1);
        v = Filled();
        try
        {
            kind.New(&v, Huge, items); // fails before reading the items
            AssertEmpty(v, kind.Function("new") + "(2^33)");
        }
        finally
        {
            ReleaseItems(kind, items, 1);
        }
    }

    /// <summary>copy: a new vector with its own storage; values equal, objects copied (new pointers, same contents).</summary>
    public static void CopyIsDeep(VectorKind kind)
    {
        const int count = 2;
        byte* items = MakeItems(kind, count);
        RawVec source = default, copy = Filled();
        kind.New(&source, count, items);
        NativeMemory.Free(items);
        try
        {
            kind.Copy(&copy, &source);
            Assert.AreEqual(source.size, copy.size);
            Assert.AreEqual((nuint)count, copy.num_elems);
            Assert.AreEqual(kind.ElementSize, copy.size_of_elem);
            Assert.IsTrue(copy.data != null && copy.data != source.data, "the copy has its own storage");
            if (kind.OwnsElements)
            {
                for (int i = 0; i < count; i++)
                {
                    nint original = ((nint*)source.data)[i], copied = ((nint*)copy.data)[i];
                    Assert.AreNotEqual(original, copied, $"element {i} is copied, not shared");
                    Assert.IsTrue(kind.SameContent!(original, copied), $"element {i} has the original's contents");
                }
            }
            else
            {
                Assert.IsTrue(Bytes(copy.data, kind, count).SequenceEqual(Bytes(source.data, kind, count)));
                copy.data[0] ^= 0xFF;
                Assert.IsFalse(Bytes(copy.data, kind, count).SequenceEqual(Bytes(source.data, kind, count)), "changing the copy leaves the source");
            }
        }
        finally
        {
            kind.Delete(&copy);
            kind.Delete(&source);
        }
    }

    /// <summary>copy with NULL out: no effect, the source intact; with a NULL source: see <paramref name="nullSourceEmptiesOut"/>.</summary>
    /// <param name="kind">The vector type.</param>
    /// <param name="nullSourceEmptiesOut">
    /// WAMR's vectors of objects empty <c>out</c> when the source is NULL; its byte and value vectors leave <c>out</c>
    /// untouched (the probe's odd cases for byte and valtype vectors show both).
    /// </param>
    public static void CopyRejectsOddArguments(VectorKind kind, bool nullSourceEmptiesOut)
    {
        byte* items = MakeItems(kind, 1);
        RawVec source = default;
        kind.New(&source, 1, items);
        NativeMemory.Free(items);
        try
        {
            Assert.AreEqual("void", NullProbe.AssertNullIsSafe(kind.Function("copy"), "out"));
            RawVec before = source;
            kind.Copy(null, &source);
            Assert.IsTrue(SameBits(before, source), "the source is untouched");

            Assert.AreEqual("void", NullProbe.AssertNullIsSafe(kind.Function("copy"), "arg1"));
            NullProbe.AssertOddIsSafe(nullSourceEmptiesOut ? "wasm_valtype_vec_copy" : "wasm_byte_vec_copy", "src NULL");
            RawVec @out = Filled();
            kind.Copy(&@out, null);
            if (nullSourceEmptiesOut)
            {
                AssertEmpty(@out, kind.Function("copy") + "(out, NULL)");
            }
            else
            {
                Assert.IsTrue(SameBits(Filled(), @out), "WAMR leaves out untouched when the source is NULL");
            }
        }
        finally
        {
            kind.Delete(&source);
        }
    }

    /// <summary>delete: every field zero, the storage (and owned objects) released.</summary>
    public static void DeleteReleases(VectorKind kind)
    {
        const int count = 2;
        byte* items = MakeItems(kind, count);
        RawVec v = default;
        kind.New(&v, count, items);
        NativeMemory.Free(items);
        NativeHeap.Watched storage = NativeHeap.Watch(v.data, kind.Name + " storage");
        NativeHeap.Watched element = NativeHeap.Watch(kind.OwnsElements ? ((void**)v.data)[1] : v.data, kind.Name + (kind.OwnsElements ? " element" : " storage"));

        kind.Delete(&v);

        storage.AssertReleased();
        element.AssertReleased();
        AssertEmpty(v, kind.Function("delete"));
    }

    /// <summary>delete with NULL, and of a vector already deleted: no effect.</summary>
    public static void DeleteIgnoresNullAndDeleted(VectorKind kind)
    {
        Assert.AreEqual("void", NullProbe.AssertNullIsSafe(kind.Function("delete"), "arg0"));
        kind.Delete(null);

        byte* items = MakeItems(kind, 1);
        RawVec v = default;
        kind.New(&v, 1, items);
        NativeMemory.Free(items);
        kind.Delete(&v);
        kind.Delete(&v); // all fields are zero after the first delete: nothing to release
        AssertEmpty(v, kind.Function("delete") + " twice");
    }

    /// <summary>A native array of <paramref name="count"/> items: new objects (owned by the caller until a vector takes them) or values.</summary>
    public static byte* MakeItems(VectorKind kind, int count)
    {
        byte* items = (byte*)NativeMemory.AllocZeroed((nuint)count * kind.ElementSize);
        for (int i = 0; i < count; i++)
        {
            if (kind.OwnsElements)
            {
                nint element = kind.MakeElement!();
                Assert.AreNotEqual((nint)0, element, kind.Name + ": could not make an element");
                ((nint*)items)[i] = element;
            }
            else
            {
                kind.FillValue(items + (i * (int)kind.ElementSize), i);
            }
        }

        return items;
    }

    /// <summary>Releases items no vector took over, then the array.</summary>
    public static void ReleaseItems(VectorKind kind, byte* items, int count)
    {
        if (kind.OwnsElements)
        {
            // A vector of one item deletes it with the vector's own element delete function.
            RawVec owner = default;
            kind.New(&owner, (nuint)count, items);
            kind.Delete(&owner);
        }

        NativeMemory.Free(items);
    }

    private static ReadOnlySpan<byte> Bytes(byte* data, VectorKind kind, int count) => new(data, count * (int)kind.ElementSize);

    private static bool SameBits(RawVec a, RawVec b) => new ReadOnlySpan<byte>(&a, sizeof(RawVec)).SequenceEqual(new ReadOnlySpan<byte>(&b, sizeof(RawVec)));

    private static RawVec Filled()
    {
        RawVec v;
        new Span<byte>(&v, sizeof(RawVec)).Fill(0x5A);
        return v;
    }

    private static void AssertEmpty(RawVec v, string what)
    {
        Assert.AreEqual((nuint)0, v.size, what + ": size");
        Assert.IsTrue(v.data == null, what + ": data");
        Assert.AreEqual((nuint)0, v.num_elems, what + ": num_elems");
        Assert.AreEqual((nuint)0, v.size_of_elem, what + ": size_of_elem");
        Assert.IsTrue(v.@lock == null, what + ": lock");
    }
}
