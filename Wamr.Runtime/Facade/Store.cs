using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>
/// A store (<c>wasm_store_t</c>): the unit of ownership and of release. Every module, instance, function, global,
/// table and memory belongs to one store and is deleted with it.
/// </summary>
/// <remarks>
/// <para>
/// <b>Release.</b> WAMR 1.1.2 frees modules and instances only when their store is deleted (<c>wasm_module_delete</c>
/// and <c>wasm_instance_delete</c> do nothing), so disposing a <see cref="Module"/> or an <see cref="Instance"/> makes
/// the .NET object unusable but returns no memory: dispose the store for that. Use one store per unit of work.
/// </para>
/// <para>
/// <b>Threads.</b> A store may be used by one thread at a time. Sequential use from different threads (e.g. across
/// <c>await</c>) works; a call while another thread is inside the store throws <see cref="InvalidOperationException"/>.
/// Every thread that calls in gets WAMR's thread environment (<c>wasm_runtime_init_thread_env</c>) first.
/// </para>
/// <para>
/// <b>A store you forget to dispose</b> is not deleted by its finalizer (WAMR's per-thread store bookkeeping must not be
/// touched from the finalizer thread). It is queued, and deleted on the thread that created it the next time that
/// thread creates an engine, store, module or instance, disposes a store, or calls <see cref="ReleaseOrphanedStores"/>;
/// if that thread has ended, by the next thread that does so. <see cref="PendingReleaseCount"/> shows the queue.
/// A host function whose callback captures objects of its store keeps the store reachable: dispose such stores.
/// </para>
/// </remarks>
public sealed unsafe class Store : IDisposable
{
    private readonly StoreHandle _handle;
    private readonly Dictionary<nint, Instance> _instances = new();
    private readonly Dictionary<object, Foreign> _foreignsByObject = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<nint, Foreign> _foreignsByReference = new();
    private ModuleLimits _moduleLimits = ModuleLimits.Default;

    /// <summary>A new store of <paramref name="engine"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="engine"/> is disposed.</exception>
    public Store(Engine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _ = engine.NativeEngine;
        OrphanedStores.ReleaseDue();
        wasm_engine_t* reference = EngineReferences.AddReference();
        wasm_store_t* native = wasm_store_new(reference);
        if (native == null)
        {
            EngineReferences.Release(reference);
            throw new WasmException("wasm_store_new returned NULL.");
        }

        // WAMR initialised this thread's environment for its first store; register its release at thread exit.
        ThreadEnvironment.Ensure();
        Engine = engine;
        Core = new StoreCore(native, reference);
        _handle = new StoreHandle(Core);
    }

    /// <summary>
    /// The bounds every module loaded into this store is checked against before WAMR sees it
    /// (<see cref="Module.FromBytes(Store, ReadOnlySpan{byte})"/> and the other loaders, <see cref="Module.Validate(Store, ReadOnlySpan{byte}, out string?)"/>).
    /// Default: <see cref="Wamr.ModuleLimits.Default"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public ModuleLimits ModuleLimits
    {
        get => _moduleLimits;
        set => _moduleLimits = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The engine the store was created from.</summary>
    public Engine Engine { get; }

    /// <summary>Whether the store has been disposed.</summary>
    public bool IsDisposed => Core.IsClosed;

    /// <summary>The managed id of the thread that created the store.</summary>
    public int CreatorThreadId => Core.CreatorThreadId;

    /// <summary>How many finalized (never disposed) stores wait for deletion on their creating thread.</summary>
    public static int PendingReleaseCount => OrphanedStores.Count;

    /// <summary>
    /// Deletes the finalized stores that the calling thread created, and those whose creating thread has ended.
    /// </summary>
    /// <returns>How many stores were deleted.</returns>
    public static int ReleaseOrphanedStores() => OrphanedStores.ReleaseDue();

    internal StoreCore Core { get; }

    /// <summary>
    /// Stops the call the store is running, from any thread: the wasm code stops at its next branch or call (within
    /// microseconds), every call of the store's call stack (host functions calling back into wasm included) throws
    /// <see cref="CallInterruptedException"/> (<see cref="InterruptReason.Interrupt"/>), and the store's instances stay
    /// usable. Code inside a host function (.NET code, a WASI call) is not stopped: its call stops when it returns to wasm.
    /// </summary>
    /// <remarks>An interrupt applies to what runs now: when the store is idle it does nothing, and no later call is
    /// affected. The store is the unit because a call stack can cross its instances. A module's start function runs
    /// inside instantiation and cannot be interrupted.</remarks>
    /// <returns>True if the store was in use (a call running, or another operation holding the store: then nothing is
    /// stopped but a call it makes); false if it was idle or is disposed.</returns>
    /// <exception cref="NotSupportedException">The loaded libiwasm lacks the engine extension.</exception>
    public bool Interrupt()
    {
        WamrExtension.Require("Interrupting a call");
        return Core.Interrupt(InterruptReason.Interrupt, null);
    }

    /// <summary>
    /// A time limit for whatever the store runs until the returned scope is disposed: when <paramref name="timeout"/>
    /// elapses, the running call stops with <see cref="CallInterruptedException"/> (<see cref="InterruptReason.Timeout"/>),
    /// and so does every call started before the scope is disposed. Works with every call path, typed delegates included.
    /// </summary>
    /// <param name="timeout">The limit, counted from now; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <returns>The scope; dispose it when the guarded calls are done.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="NotSupportedException">The loaded libiwasm lacks the engine extension.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public InterruptScope InterruptAfter(TimeSpan timeout)
    {
        InterruptScope.CheckTimeout(timeout, nameof(timeout));
        WamrExtension.Require("Interrupting a call");
        ThrowIfDisposed();
        return InterruptScope.After(Core, timeout, "the time limit of Store.InterruptAfter");
    }

    /// <summary>
    /// Stops whatever the store runs when <paramref name="cancellationToken"/> is canceled, until the returned scope is
    /// disposed: the running call, and every call started before the scope is disposed, throws
    /// <see cref="CallInterruptedException"/> (<see cref="InterruptReason.Cancellation"/>). Works with every call path,
    /// typed delegates included.
    /// </summary>
    /// <param name="cancellationToken">The token (already canceled: every call in the scope stops at once).</param>
    /// <returns>The scope; dispose it when the guarded calls are done.</returns>
    /// <exception cref="NotSupportedException">The loaded libiwasm lacks the engine extension.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public InterruptScope InterruptWhen(CancellationToken cancellationToken)
    {
        WamrExtension.Require("Interrupting a call");
        ThrowIfDisposed();
        return InterruptScope.When(Core, cancellationToken, "the CancellationToken of Store.InterruptWhen");
    }

    /// <summary>Deletes the store and everything in it.</summary>
    /// <exception cref="InvalidOperationException">A call into the store is running (on this thread, from a host
    /// function, or on another thread).</exception>
    public void Dispose()
    {
        if (_handle.IsClosed)
        {
            return;
        }

        if (!Core.TryBeginRelease(mustBeIdle: true))
        {
            return;
        }

        _handle.Explicit = true;
        _handle.Dispose();
        OrphanedStores.ReleaseDue();
    }

    /// <inheritdoc/>
    public override string ToString() => $"Store (thread {CreatorThreadId}){(IsDisposed ? " (disposed)" : string.Empty)}";

    /// <summary>Throws if the store cannot be used; for operations that do not enter it.</summary>
    internal void ThrowIfDisposed()
    {
        if (Core.IsClosed)
        {
            throw new ObjectDisposedException(nameof(Store));
        }
    }

    internal void Register(wasm_instance_t* native, Instance instance)
    {
        lock (_instances)
        {
            _instances[(nint)native] = instance;
        }
    }

    internal Instance? FindInstance(wasm_instance_t* native)
    {
        lock (_instances)
        {
            return _instances.TryGetValue((nint)native, out Instance? instance) ? instance : null;
        }
    }

    /// <summary>The foreign for an object (one per object); call inside the store.</summary>
    internal Foreign ForeignFor(object value)
    {
        lock (_foreignsByObject)
        {
            if (_foreignsByObject.TryGetValue(value, out Foreign? known))
            {
                return known;
            }

            wasm_foreign_t* foreign = wasm_foreign_new(Core.Native);
            if (foreign == null)
            {
                throw new WasmException("wasm_foreign_new returned NULL.");
            }

            // The reference holds the foreign's only count: deleting it (with the store) frees the foreign.
            wasm_ref_t* reference = wasm_foreign_as_ref(foreign);
            if (reference == null)
            {
                throw new WasmException("wasm_foreign_as_ref returned NULL.");
            }

            Core.Own(OwnedKind.Ref, reference);
            var created = new Foreign(this, value, reference);
            _foreignsByObject.Add(value, created);
            _foreignsByReference.Add((nint)reference, created);
            return created;
        }
    }

    /// <summary>The foreign WAMR handed back from an externref table, or null if the façade did not make it.</summary>
    internal Foreign? FindForeign(wasm_ref_t* reference)
    {
        lock (_foreignsByObject)
        {
            return _foreignsByReference.TryGetValue((nint)reference, out Foreign? foreign) ? foreign : null;
        }
    }

    /// <summary>Releases the store's core: now on explicit disposal, later (queued) from the finalizer.</summary>
    private sealed class StoreHandle : SafeHandle
    {
        private readonly StoreCore _core;

        public StoreHandle(StoreCore core)
            : base(0, ownsHandle: true)
        {
            _core = core;
            SetHandle((nint)core.Native);
        }

        /// <summary>Set by <see cref="Dispose()"/>: the release runs on the disposing thread.</summary>
        public bool Explicit { get; set; }

        public override bool IsInvalid => handle == 0;

        protected override bool ReleaseHandle()
        {
            if (Explicit)
            {
                _core.Release();
            }
            else
            {
                OrphanedStores.Enqueue(_core);
            }

            return true;
        }
    }
}
