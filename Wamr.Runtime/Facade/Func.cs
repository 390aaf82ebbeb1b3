using System;
using System.Runtime.CompilerServices;

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
    /// <see cref="Val"/>s (see <see cref="HostCallback"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    /// <exception cref="NotSupportedException">The type has a <c>funcref</c>/<c>externref</c> or more than one result,
    /// which WAMR 1.1.2 cannot pass through a host function.</exception>
    public static Func FromCallback(Store store, FuncType type, HostCallback callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(callback);
        return FromHost(store, new UntypedHostFunction(store.Core, type, callback));
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
            if (trap != null)
            {
                throw TakeTrap(trap);
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

    /// <summary>Converts (and deletes) a trap WAMR returned; attaches a host function's exception if one caused it.</summary>
    internal TrapException TakeTrap(wasm_trap_t* trap)
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
