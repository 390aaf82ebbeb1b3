using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>
/// What a <see cref="Store"/> owns natively, and who may use it. It holds no reference to the public
/// <see cref="Store"/>, so that host functions (whose GCHandles point here) do not keep the store reachable.
/// </summary>
/// <remarks>
/// Thread model: a store may be used by one thread at a time. <see cref="Enter"/> claims it for the calling thread
/// (re-entrantly: a host callback may call back into the store) and <see cref="Exit"/> gives it back, so sequential use
/// from different threads (async continuations) works, while concurrent use throws an
/// <see cref="InvalidOperationException"/> instead of corrupting WAMR's single execution environment per instance.
/// </remarks>
internal sealed unsafe partial class StoreCore
{
    private const int Releasing = -1;

    private readonly List<(OwnedKind Kind, nint Pointer)> _owned = new();
    private wasm_store_t* _native;
    private int _activeThread;
    private int _depth;
    private volatile bool _closed;
    private WasiStreams[] _wasiStreams = [];

    internal StoreCore(wasm_store_t* native, wasm_engine_t* engineReference)
    {
        _native = native;
        EngineReference = engineReference;
        CreatorThread = Thread.CurrentThread;
        CreatorThreadId = Environment.CurrentManagedThreadId;
    }

    /// <summary>The façade's own engine reference for this store, released after the store.</summary>
    internal wasm_engine_t* EngineReference { get; }

    /// <summary>The thread that created the store; WAMR's per-thread store bookkeeping counts it there.</summary>
    internal Thread CreatorThread { get; }

    /// <summary>The managed id of <see cref="CreatorThread"/>.</summary>
    internal int CreatorThreadId { get; }

    /// <summary>Whether the store is disposed or being released.</summary>
    internal bool IsClosed => _closed;

    /// <summary>The native store; valid only between <see cref="Enter"/> and <see cref="Exit"/>, or on the releasing path.</summary>
    internal wasm_store_t* Native => _native;

    /// <summary>How deeply the current user is inside the store (1 in a call, 2 in a callback's nested call, …).</summary>
    internal int Depth => _depth;

    /// <summary>An exception thrown by a host function, waiting for the call at <see cref="PendingDepth"/> to attach it to its trap.</summary>
    internal Exception? PendingException { get; set; }

    /// <summary>The depth of the call that should receive <see cref="PendingException"/>.</summary>
    internal int PendingDepth { get; set; }

    /// <summary>Claims the store for the calling thread, or throws if it is disposed or in use by another thread.</summary>
    /// <remarks>
    /// Inlined into every call path, so the common cases cost a few instructions and no call: the outermost entry of a
    /// thread whose WAMR environment is ready (one thread-static read gives its id, one compare-exchange claims the idle
    /// store, one read finds no fired interrupt scope), and the nested entry of the thread that holds the store (a host
    /// callback, or a call from inside one). The compare-exchange is also what refuses a disposed store: disposal
    /// leaves <see cref="_activeThread"/> at <see cref="Releasing"/> for good. Everything else is <see cref="EnterFirst"/>.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Enter(object owner)
    {
        int me = ThreadEnvironment.ReadyThreadId;
        int active = _activeThread;
        if (active == 0 && me != 0 && Interlocked.CompareExchange(ref _activeThread, me, 0) == 0)
        {
            _depth = 1;

            // The compare-exchange above orders this read after the claim (see InterruptScope's firing).
            if (Volatile.Read(ref _firedScopes) != 0)
            {
                InterruptForFiredScope();
            }

            return;
        }

        if (me != 0 && (active & ThreadMask) == me && active != Releasing)
        {
            _depth++;
            return;
        }

        EnterFirst(owner);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EnterFirst(object owner)
    {
        int me = Environment.CurrentManagedThreadId;
        int active = _activeThread;
        if ((active & ThreadMask) == me && active != Releasing)
        {
            // Nested entry on a thread whose environment the inlined path did not see as ready.
            _depth++;
            return;
        }

        if (_closed)
        {
            throw new ObjectDisposedException(owner.GetType().FullName, "The store this object belongs to has been disposed.");
        }

        int current = Interlocked.CompareExchange(ref _activeThread, me, 0);
        if (current != 0)
        {
            throw current == Releasing || _closed
                ? new ObjectDisposedException(owner.GetType().FullName, "The store this object belongs to has been disposed.")
                : new InvalidOperationException(
                    $"The store is in use by thread {current & ThreadMask}; a store may be used by one thread at a time (thread {me} tried). " +
                    "Wait for the other call to finish, or give each thread its own store (share modules with Module.Share).");
        }

        _depth = 1;
        try
        {
            ThreadEnvironment.Ensure();
        }
        catch
        {
            _depth = 0;
            if (Interlocked.CompareExchange(ref _activeThread, 0, me) != me)
            {
                EndInterrupted();
            }

            throw;
        }

        // The compare-exchange above orders this read after the claim (see InterruptScope's firing).
        if (Volatile.Read(ref _firedScopes) != 0)
        {
            InterruptForFiredScope();
        }
    }

    /// <summary>Gives the store back after <see cref="Enter"/>.</summary>
    /// <remarks>Inlined: the common case is a decrement, two reads, a write and a compare-exchange.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Exit()
    {
        if (--_depth == 0)
        {
            PendingException = null;
            WasiStreams[] wasi = _wasiStreams;
            int current = _activeThread;
            if ((current & InterruptedBit) != 0 || Interlocked.CompareExchange(ref _activeThread, 0, current) != current)
            {
                // An interrupt arrived: lower the flags before another call can meet them.
                EndInterrupted();
            }

            if (wasi.Length != 0)
            {
                FlushWasi(wasi);
            }
        }
    }

    /// <summary>Flushes this WASI instance's captured output whenever the outermost call into the store returns, and stops
    /// its background copies when the store is deleted.</summary>
    internal void AddWasiStreams(WasiStreams streams)
    {
        lock (_owned)
        {
            _wasiStreams = [.. _wasiStreams, streams];
        }
    }

    /// <summary>Stops flushing a WASI instance's output (the instance is disposed).</summary>
    internal void RemoveWasiStreams(WasiStreams streams)
    {
        lock (_owned)
        {
            _wasiStreams = Array.FindAll(_wasiStreams, item => item != streams);
        }
    }

    /// <summary>Takes ownership of a native object, deleted before the store.</summary>
    internal void Own(OwnedKind kind, void* pointer)
    {
        lock (_owned)
        {
            _owned.Add((kind, (nint)pointer));
        }
    }

    /// <summary>Deletes a native object the store owned before its time (it must not be used any more).</summary>
    internal void DeleteOwned(OwnedKind kind, void* pointer)
    {
        lock (_owned)
        {
            int index = _owned.LastIndexOf((kind, (nint)pointer));
            if (index >= 0)
            {
                _owned.RemoveAt(index);
                Delete(kind, (nint)pointer);
            }
        }
    }

    /// <summary>Marks the store for release if nobody uses it; false if a call is running (on any thread).</summary>
    /// <param name="mustBeIdle">Throw (instead of returning false) when the store is in use.</param>
    internal bool TryBeginRelease(bool mustBeIdle)
    {
        int me = Environment.CurrentManagedThreadId;
        int current = Interlocked.CompareExchange(ref _activeThread, Releasing, 0);
        if (current == 0)
        {
            _closed = true;
            return true;
        }

        if (!mustBeIdle || current == Releasing)
        {
            return false;
        }

        throw current == me
            ? new InvalidOperationException("A store cannot be disposed from inside one of its own calls (a host function of the store is running).")
            : new InvalidOperationException($"The store is in use by thread {current} and cannot be disposed now.");
    }

    /// <summary>
    /// Deletes everything the store owns, the store, and the façade's engine reference, on the calling thread.
    /// Call only after <see cref="TryBeginRelease"/> returned true.
    /// </summary>
    internal void Release()
    {
        wasm_store_t* native = _native;
        if (native == null)
        {
            return;
        }

        _native = null;
        lock (_owned)
        {
            // Newest first: copies and references before what they came from.
            for (int i = _owned.Count - 1; i >= 0; i--)
            {
                Delete(_owned[i].Kind, _owned[i].Pointer);
            }

            _owned.Clear();
        }

        wasm_store_delete(native);
        ThreadEnvironment.AfterStoreDeleted();

        // WAMR closed the instances' descriptors: copy the rest of their output and stop the copies.
        WasiStreams[] wasi = _wasiStreams;
        _wasiStreams = [];
        foreach (WasiStreams streams in wasi)
        {
            streams.Dispose();
        }

        EngineReferences.Release(EngineReference);
    }

    private static void FlushWasi(WasiStreams[] streams)
    {
        foreach (WasiStreams item in streams)
        {
            item.Flush();
        }
    }

    private static void Delete(OwnedKind kind, nint pointer)
    {
        switch (kind)
        {
            case OwnedKind.Func:
                wasm_func_delete((wasm_func_t*)pointer);
                break;
            case OwnedKind.Global:
                wasm_global_delete((wasm_global_t*)pointer);
                break;
            case OwnedKind.Ref:
                wasm_ref_delete((wasm_ref_t*)pointer);
                break;
            case OwnedKind.ExternVector:
                wasm_extern_vec_delete((wasm_extern_vec_t*)pointer);
                NativeMemory.Free((void*)pointer);
                break;
        }
    }
}
