using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Interop;

/// <summary>
/// Observes the C heap WAMR allocates from (its runtime uses the system allocator, <c>malloc</c>, for engines made by
/// <c>wasm_engine_new</c>): whether a block a delete function should free was really given back. The allocator hands
/// a freed block of a size class out again (last in, first out, per thread), so allocations of that size get it back
/// within a few tries; a block still in use is never handed out.
/// </summary>
/// <remarks>
/// Nothing may allocate on this thread between the delete and the check, or it could take the block first: the
/// check calls malloc and free through function pointers (no marshalling stub), is compiled fully optimized on first
/// use (no tiering, no on-stack replacement), allocates nothing managed, and is rehearsed when the watch starts. Call
/// <see cref="Watched.AssertReleased"/> right after the delete, before anything else. The watch also empties this
/// thread's cache of freed blocks of that size (glibc keeps up to 7 a size), so that the delete's free lands there
/// and not in a shared bin where it could be merged with a neighbour; the blocks are given back after the check.
/// </remarks>
internal static unsafe class NativeHeap
{
    private const int Tries = 64;
    private const int Drain = 8;

    private static readonly nint Libc = NativeLibrary.Load(OperatingSystem.IsMacOS() ? "libSystem.dylib" : "libc.so.6");
    private static readonly delegate* unmanaged<nuint, void*> Malloc = (delegate* unmanaged<nuint, void*>)NativeLibrary.GetExport(Libc, "malloc");
    private static readonly delegate* unmanaged<void*, void> Free = (delegate* unmanaged<void*, void>)NativeLibrary.GetExport(Libc, "free");
    private static readonly delegate* unmanaged<void*, nuint> Usable =
        (delegate* unmanaged<void*, nuint>)NativeLibrary.GetExport(Libc, OperatingSystem.IsMacOS() ? "malloc_size" : "malloc_usable_size");

    /// <summary>Starts watching a live block (see the remarks); <paramref name="what"/> names it in failures.</summary>
    public static Watched Watch(void* block, string what)
    {
        Assert.IsTrue(block != null, "no block to watch: " + what);
        nuint size = Usable(block);
        void* rehearsal = Malloc(size);
        Free(rehearsal);
        _ = Reclaim((nint)rehearsal, size);
        nint[] drained = new nint[Drain];
        TakeAll(drained, size);
        return new Watched((nint)block, size, what, drained);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void TakeAll(nint[] blocks, nuint size)
    {
        for (int i = 0; i < blocks.Length; i++)
        {
            blocks[i] = (nint)Malloc(size);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void GiveBack(nint[] blocks)
    {
        for (int i = 0; i < blocks.Length; i++)
        {
            Free((void*)blocks[i]);
            blocks[i] = 0;
        }
    }

    /// <summary>Whether allocations of <paramref name="size"/> get <paramref name="block"/> back (all of them are freed again).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static bool Reclaim(nint block, nuint size)
    {
        nint* taken = stackalloc nint[Tries];
        int count = 0;
        bool found = false;
        while (count < Tries && !found)
        {
            void* candidate = Malloc(size);
            taken[count++] = (nint)candidate;
            found = (nint)candidate == block;
        }

        for (int i = 0; i < count; i++)
        {
            Free((void*)taken[i]);
        }

        return found;
    }

    /// <summary>A block being watched (see <see cref="Watch"/>).</summary>
    /// <param name="Block">Its address.</param>
    /// <param name="Size">Its usable size while it was live.</param>
    /// <param name="What">What it is, for failure messages.</param>
    /// <param name="Drained">Blocks of its size taken from this thread's cache until the check.</param>
    public readonly record struct Watched(nint Block, nuint Size, string What, nint[] Drained)
    {
        /// <summary>Asserts that the block was given back to the allocator (then ends the watch).</summary>
        public void AssertReleased()
        {
            bool released = Reclaim(Block, Size);
            GiveBack(Drained);
            if (!released)
            {
                Assert.Fail($"{What} (0x{Block:x}, {Size} bytes) was not released: {Tries} allocations of its size did not get it back");
            }
        }
    }
}
