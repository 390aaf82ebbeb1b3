using System.Runtime.InteropServices;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Interop;

/// <summary>The release check the delete tests rely on tells a freed block from a live one.</summary>
[TestClass]
public sealed unsafe class NativeHeapTests
{
    [TestMethod]
    public void FreedBlocksAreSeenReleasedAndLiveOnesNot()
    {
        foreach (nuint size in new nuint[] { 1, 24, 40, 88, 200, 1000 })
        {
            void* live = NativeMemory.Alloc(size);
            NativeHeap.Watched watched = NativeHeap.Watch(live, "a block of " + size + " bytes");
            Assert.IsGreaterThanOrEqualTo(size, watched.Size);
            NativeMemory.Free(live);
            watched.AssertReleased();

            void* kept = NativeMemory.Alloc(size);
            NativeHeap.Watched stillLive = NativeHeap.Watch(kept, "a kept block of " + size + " bytes");
            Assert.ThrowsExactly<AssertFailedException>(stillLive.AssertReleased);
            NativeMemory.Free(kept);
        }
    }
}
