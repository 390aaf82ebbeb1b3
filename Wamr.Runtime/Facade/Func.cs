using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>
/// A function (<c>wasm_func_t</c>): exported by an instance, or a host function made from a C# delegate.
/// </summary>
/// <remarks>
/// <para><see cref="Call(Val[])"/> checks the arity and the value kinds before calling <c>wasm_func_call</c> (which checks
/// nothing and corrupts memory otherwise) and sizes the results. The typed paths (<c>AsFunc&lt;…&gt;</c>,
/// <c>AsAction&lt;…&gt;</c>, <see cref="Instance"/>'s <c>GetFunction&lt;…&gt;</c>) check the signature once and then call
/// with no allocation.</para>
/// <para>With the engine extension (<see cref="WamrExtension"/>, in the libiwasm this package ships) functions of an
/// instance are called through the engine's own entry, <c>wasm_runtime_call_wasm</c>, on the instance's execution
/// environment, using the runtime's own function type; <c>funcref</c> and <c>externref</c> parameters and results then
/// work (a <c>funcref</c> is a <see cref="Func"/> of the same instance or null, an <c>externref</c> any .NET object or
/// null). Without the extension calls go through <c>wasm_func_call</c>, and functions whose parameters or results include
/// a reference throw <see cref="NotSupportedException"/> (WAMR 1.1.2 crashes when a reference crosses
/// <c>wasm_func_call</c>).</para>
/// </remarks>
public sealed unsafe partial class Func : Extern
{
    private readonly wasm_func_t* _native;
    /// <summary>The trap message of <c>proc_exit</c> under the extension's hook (<c>WAMR_EXT_WASI_EXIT_MESSAGE</c> in
    /// <c>wamr_ext.h</c>), without WAMR's "Exception: " prefix.</summary>
    internal const string WasiExitMessage = "wasi proc_exit";

    private readonly FuncType _type;
    private readonly HostFunction? _host;
    private readonly ValKind[] _parameterKinds;
    private readonly ValKind[] _resultKinds;
    private readonly bool _hasReferences;
    private FastCallTarget? _target;
    private bool _targetResolved;

    private Func(Store store, Instance? instance, wasm_func_t* native, FuncType type, HostFunction? host, string? name)
        : base(store, instance, name)
    {
        _native = native;
        _type = type;
        _host = host;
        _parameterKinds = new ValKind[type.Parameters.Count];
        for (int i = 0; i < _parameterKinds.Length; i++)
        {
            _parameterKinds[i] = type.Parameters[i].Kind;
        }

        _resultKinds = new ValKind[type.Results.Count];
        for (int i = 0; i < _resultKinds.Length; i++)
        {
            _resultKinds[i] = type.Results[i].Kind;
        }

        _hasReferences = type.HasReferences;
    }

    /// <inheritdoc/>
    public override ExternKind Kind => ExternKind.Func;

    /// <summary>The function's signature.</summary>
    public new FuncType Type => _type;

    /// <summary>Whether this is a host function (made from a delegate) rather than a WebAssembly function.</summary>
    public bool IsHostFunction => _host is not null;

    /// <summary>How many parameters the function takes.</summary>
    public int ParameterCount => _parameterKinds.Length;

    /// <summary>How many results the function returns.</summary>
    public int ResultCount => _resultKinds.Length;

    private protected override ExternType ExternTypeCore => _type;

    internal override wasm_extern_t* NativeExtern => wasm_func_as_extern(_native);

    internal wasm_func_t* Native => _native;

    internal HostFunction? Host => _host;

    /// <summary>What the engine extension resolved for this function (null: no extension, or a host function); resolved
    /// on first use. Call inside the store.</summary>
    internal FastCallTarget? Target
    {
        get
        {
            if (!_targetResolved)
            {
                _target = _host is null ? FastCallTarget.Resolve(_native) : null;
                _targetResolved = true;
            }

            return _target;
        }
    }

    /// <summary>The runtime target when the typed fast path can use it: callable, and of the façade's type.</summary>
    internal FastCallTarget? TypedTarget()
    {
        if (_host is not null || !WamrExtension.IsAvailable)
        {
            return null;
        }

        Enter();
        try
        {
            FastCallTarget? target = Target;
            if (target is not { IsCallable: true })
            {
                return null;
            }

            ThrowIfTypeDisagrees(target);
            return target;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>
    /// A host function of any signature: <paramref name="callback"/> reads the arguments and writes the results as
    /// <see cref="Val"/>s (see <see cref="HostCallback"/>). An <c>externref</c> is any .NET object or null
    /// (<c>ref.null</c>), the same objects calls from .NET and tables carry (<see cref="Foreign"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    /// <exception cref="NotSupportedException">The type has a <c>funcref</c> (WAMR 1.1.2's host function trampoline has
    /// no conversion for it) or more than one result (WAMR issue 3679).</exception>
    public static Func FromCallback(Store store, FuncType type, HostCallback callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(callback);
        return FromHost(store, new UntypedHostFunction(store, type, callback));
    }

    /// <summary>Calls the function with arguments; returns its results (an empty array when it has none).</summary>
    /// <exception cref="ArgumentException">Wrong number of arguments, or an argument of the wrong kind.</exception>
    /// <exception cref="NotSupportedException">The signature includes <c>funcref</c>/<c>externref</c>.</exception>
    /// <exception cref="TrapException">The function trapped (or a host function it called threw).</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    /// <exception cref="InvalidOperationException">Another thread is using the store.</exception>
    public Val[] Call(params Val[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        Val[] results = ResultCount == 0 ? [] : new Val[ResultCount];
        Call(arguments, results);
        return results;
    }

    /// <summary>
    /// Calls the function with a time limit: if it runs longer than <paramref name="timeout"/>, it is stopped and a
    /// <see cref="CallInterruptedException"/> (<see cref="InterruptReason.Timeout"/>) is thrown. The instance stays usable.
    /// </summary>
    /// <param name="timeout">The limit; <see cref="Timeout.InfiniteTimeSpan"/> for none. Zero: the call times out at once
    /// (at its first branch or call, or when it returns).</param>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The results (an empty array when it has none).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite).</exception>
    /// <exception cref="CallInterruptedException">The timeout elapsed, or the store was interrupted otherwise.</exception>
    /// <exception cref="NotSupportedException">The loaded libiwasm lacks the engine extension, the function's module was
    /// precompiled without interruption checks (<see cref="Module.IsInterruptible"/>), or the signature includes
    /// <c>funcref</c>/<c>externref</c>.</exception>
    /// <exception cref="ArgumentException">Wrong number of arguments, or an argument of the wrong kind.</exception>
    /// <exception cref="TrapException">The function trapped.</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    /// <exception cref="InvalidOperationException">Another thread is using the store.</exception>
    public Val[] Call(TimeSpan timeout, params Val[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        PrepareTimeout(timeout, "A call with a timeout");
        Enter();
        try
        {
            using InterruptScope scope = InterruptScope.After(Store.Core, timeout, "the call's timeout");
            return Call(arguments);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>
    /// Calls the function until <paramref name="cancellationToken"/> is canceled: then it is stopped and an
    /// <see cref="OperationCanceledException"/> for that token is thrown, whose inner exception is the
    /// <see cref="CallInterruptedException"/> (<see cref="InterruptReason.Cancellation"/>). The instance stays usable.
    /// </summary>
    /// <param name="cancellationToken">Stops the call when canceled (an already canceled token throws before calling).</param>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The results (an empty array when it has none).</returns>
    /// <exception cref="OperationCanceledException">The token was canceled.</exception>
    /// <exception cref="CallInterruptedException">The store was interrupted otherwise.</exception>
    /// <exception cref="NotSupportedException">The loaded libiwasm lacks the engine extension, the function's module was
    /// precompiled without interruption checks (<see cref="Module.IsInterruptible"/>), or the signature includes
    /// <c>funcref</c>/<c>externref</c>.</exception>
    /// <exception cref="ArgumentException">Wrong number of arguments, or an argument of the wrong kind.</exception>
    /// <exception cref="TrapException">The function trapped.</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    /// <exception cref="InvalidOperationException">Another thread is using the store.</exception>
    public Val[] Call(CancellationToken cancellationToken, params Val[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        RequireInterruptible("A call with a CancellationToken");
        cancellationToken.ThrowIfCancellationRequested();
        Enter();
        InterruptScope? scope = null;
        try
        {
            scope = InterruptScope.When(Store.Core, cancellationToken, "the call's CancellationToken");
            return Call(arguments);
        }
        catch (CallInterruptedException interrupted) when (interrupted.Scope == scope)
        {
            throw new OperationCanceledException(interrupted.TrapMessage, interrupted, cancellationToken);
        }
        finally
        {
            scope?.Dispose();
            Exit();
        }
    }

    /// <summary>Calls the function, writing its results into <paramref name="results"/> (at least <see cref="ResultCount"/> long).</summary>
    /// <exception cref="ArgumentException">Wrong number of arguments, an argument of the wrong kind, or <paramref name="results"/> too short.</exception>
    /// <exception cref="NotSupportedException">The signature includes <c>funcref</c>/<c>externref</c>.</exception>
    /// <exception cref="TrapException">The function trapped.</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    /// <exception cref="InvalidOperationException">Another thread is using the store.</exception>
    public void Call(ReadOnlySpan<Val> arguments, Span<Val> results)
    {
        CheckCall(arguments, results.Length);
        Enter();
        try
        {
            if (_host is not null)
            {
                CallHost(arguments, results);
                return;
            }

            if (Target is { IsCallable: true } target)
            {
                CallFast(target, arguments, results);
                return;
            }

            ThrowIfCApiCannotCall();
            if (_hasReferences)
            {
                throw new NotSupportedException(
                    $"{this} cannot be called from .NET: WAMR has no runtime function to call directly (an imported function, or an AOT " +
                    "function the module does not export), and WAMR 1.1.2 crashes when a funcref or externref crosses wasm_func_call.");
            }

            int parameterCount = _parameterKinds.Length;
            int resultCount = _resultKinds.Length;
            wasm_val_t* args = stackalloc wasm_val_t[Math.Max(parameterCount, 1)];
            wasm_val_t* res = stackalloc wasm_val_t[Math.Max(resultCount, 1)];
            for (int i = 0; i < parameterCount; i++)
            {
                args[i] = arguments[i].ToNative();
            }

            wasm_val_vec_t argVector = HostFunction.Vector(args, parameterCount);
            wasm_val_vec_t resultVector = HostFunction.Vector(res, resultCount);
            wasm_trap_t* trap = wasm_func_call(_native, &argVector, &resultVector);
            if (trap != null || Store.Core.IsInterrupted)
            {
                throw CallFailed(trap);
            }

            for (int i = 0; i < resultCount; i++)
            {
                results[i] = Val.FromNative(&res[i]);
            }
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>The function as it would appear in a text-format export: name and type.</summary>
    public override string ToString() => Name is null ? (IsHostFunction ? "host " : string.Empty) + _type : $"{NativeText.Quote(Name)} {_type}";

    internal static Func FromExport(Store store, Instance instance, wasm_func_t* native, string? name)
    {
        wasm_functype_t* type = wasm_func_type(native);
        try
        {
            return new Func(store, instance, native, FuncType.FromNative(type), null, name);
        }
        finally
        {
            wasm_functype_delete(type);
        }
    }

    /// <summary>A WAMR function copy the store owns (e.g. from a table), wrapped.</summary>
    internal static Func FromOwnedCopy(Store store, Instance instance, wasm_func_t* native)
    {
        store.Core.Own(OwnedKind.Func, native);
        return FromExport(store, instance, native, null);
    }

    internal static Func FromHost(Store store, HostFunction host)
    {
        store.Core.Enter(store);
        try
        {
            wasm_func_t* native = HostFunction.CreateNative(host);
            return new Func(store, null, native, host.Type, host, null);
        }
        finally
        {
            store.Core.Exit();
        }
    }

    /// <summary>
    /// The exception for a call that returned a trap or ran while an interrupt was in force (then its results are not
    /// the function's: the interpreter abandoned it). Deletes the trap.
    /// </summary>
    internal Exception CallFailed(wasm_trap_t* trap)
    {
        StoreCore core = Store.Core;
        if (!core.IsInterrupted)
        {
            return TakeTrap(trap);
        }

        (InterruptReason reason, InterruptScope? scope) = core.CurrentInterrupt();
        string text = scope?.TrapText ?? "interrupted: Store.Interrupt() stopped the call";
        Frame? origin = null;
        IReadOnlyList<Frame> frames = [];
        if (trap != null)
        {
            Trap details = Trap.FromNative(trap, Store);
            wasm_trap_delete(trap);
            origin = details.Origin;
            frames = details.Frames;
        }

        Exception? inner = null;
        if (core.PendingException is not null && core.PendingDepth == core.Depth)
        {
            inner = core.PendingException;
            core.PendingException = null;
        }

        return new CallInterruptedException(reason, new Trap(text, origin, frames), inner) { Scope = scope };
    }

    /// <summary>Converts (and deletes) a trap WAMR returned; attaches a host function's exception if one caused it. A WASI
    /// program's <c>proc_exit</c> (here, or in a nested call whose exception a host function let through) becomes a
    /// <see cref="WasiExitException"/>.</summary>
    internal WasmException TakeTrap(wasm_trap_t* trap)
    {
        Trap details = Trap.FromNative(trap, Store);
        wasm_trap_delete(trap);

        // wasm_func_call leaves the exception set; the fast path expects a clear one (wasm_call_function reports any
        // pending exception as a failure).
        if (Target is { } target)
        {
            WamrApi.wasm_runtime_clear_exception(target.ModuleInst);
        }

        StoreCore core = Store.Core;
        Exception? inner = null;
        if (core.PendingException is not null && core.PendingDepth == core.Depth)
        {
            inner = core.PendingException;
            core.PendingException = null;
        }

        if (inner is WasiExitException nestedExit)
        {
            return nestedExit;
        }

        if (details.Message == WasiExitMessage && Instance is { HasWasi: true } instance)
        {
            return new WasiExitException((int)WamrApi.wasm_runtime_get_wasi_exit_code(
                WamrExt.wamr_ext_instance_module_inst(instance.NativeInstance)));
        }

        return new TrapException(details, inner);
    }

    /// <summary>Checks that the signature can be called from .NET.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal void ThrowIfNotCallable()
    {
        if (_hasReferences && !WamrExtension.IsAvailable)
        {
            WamrExtension.Require($"Calling {this} (a funcref or externref crosses the call; wasm_func_call crashes on them)");
        }
    }

    private void CheckCall(ReadOnlySpan<Val> arguments, int resultSpace)
    {
        ThrowIfNotCallable();
        ValKind[] kinds = _parameterKinds;
        if (arguments.Length != kinds.Length)
        {
            throw new ArgumentException(
                $"{this} takes {kinds.Length} argument(s), not {arguments.Length}.", nameof(arguments));
        }

        for (int i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Kind != kinds[i])
            {
                throw new ArgumentException(
                    $"Argument {i} of {this} must be {_type.Parameters[i]}, not {arguments[i]}.", nameof(arguments));
            }
        }

        if (resultSpace < _resultKinds.Length)
        {
            throw new ArgumentException($"{this} returns {_resultKinds.Length} result(s); the results span has room for {resultSpace}.", "results");
        }
    }

    private void CallHost(ReadOnlySpan<Val> arguments, Span<Val> results)
    {
        try
        {
            _host!.InvokeManaged(arguments, results);
        }
        catch (TrapException)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw new TrapException(
                new Trap($"host function threw {exception.GetType().Name}: {exception.Message}", null, []), exception);
        }
    }
}
