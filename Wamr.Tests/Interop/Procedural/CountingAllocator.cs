using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>
/// The allocator the procedural tests hand to WAMR (<c>Alloc_With_Allocator</c>): every block WAMR's runtime
/// allocator gives out or takes back passes through here and is counted, so a test can prove that a
/// <c>_delete</c> function released what its <c>_new</c> or <c>_copy</c> allocated.
/// </summary>
/// <remarks>
/// WAMR keeps one engine per process (<c>wasm_engine_new</c> is a refcounted singleton) and uses the allocator
/// given to the call that creates it. <see cref="CreateEngine"/> therefore checks that its allocator is the
/// one in use, and fails the test clearly if another engine was still alive.
/// </remarks>
internal static unsafe class CountingAllocator
{
    private static long s_live;
    private static long s_allocations;
    private static nint s_lastFreed;

    /// <summary>Blocks allocated through this allocator and not freed yet.</summary>
    public static long Live => Interlocked.Read(ref s_live);

    /// <summary>The last block WAMR freed.</summary>
    public static void* LastFreed => (void*)Volatile.Read(ref s_lastFreed);

    /// <summary>Creates (or, if one exists, fails to create) the engine whose allocations are counted.</summary>
    public static wasm_engine_t* CreateEngine()
    {
        Interlocked.Exchange(ref s_live, 0);
        Interlocked.Exchange(ref s_allocations, 0);
        MemAllocOption options = default;
        options.allocator.malloc_func = (delegate* unmanaged[Cdecl]<uint, void*>)&Malloc;
        options.allocator.realloc_func = (delegate* unmanaged[Cdecl]<void*, uint, void*>)&Realloc;
        options.allocator.free_func = (delegate* unmanaged[Cdecl]<void*, void>)&Free;
        wasm_engine_t* engine = wasm_engine_new_with_args(mem_alloc_type_t.Alloc_With_Allocator, &options);
        if (engine == null)
        {
            throw new InvalidOperationException("wasm_engine_new_with_args returned NULL.");
        }

        if (Interlocked.Read(ref s_allocations) == 0)
        {
            wasm_engine_delete(engine);
            throw new InvalidOperationException(
                "Another WAMR engine is alive, so the engine was not created with the counting allocator: " +
                "the procedural tests need to own the process's engine.");
        }

        return engine;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void* Malloc(uint size)
    {
        void* block = NativeMemory.Alloc(size);
        Interlocked.Increment(ref s_live);
        Interlocked.Increment(ref s_allocations);
        return block;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void* Realloc(void* block, uint size)
    {
        if (block == null)
        {
            Interlocked.Increment(ref s_live);
            Interlocked.Increment(ref s_allocations);
        }

        return NativeMemory.Realloc(block, size);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Free(void* block)
    {
        Interlocked.Decrement(ref s_live);
        Volatile.Write(ref s_lastFreed, (nint)block);
        NativeMemory.Free(block);
    }
}
