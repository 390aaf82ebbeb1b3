using System;
using System.Globalization;
using System.Threading;

namespace Wamr;

/// <summary>
/// A time limit or a cancellation token watching a <see cref="Store"/> until disposed
/// (<see cref="Store.InterruptAfter"/>, <see cref="Store.InterruptWhen"/>). When it fires, the call the store runs stops
/// with a <see cref="CallInterruptedException"/>, and so does every call started in the store until the scope is
/// disposed. It covers every call path, the typed delegates included.
/// </summary>
/// <example>
/// <code>
/// using (store.InterruptAfter(TimeSpan.FromSeconds(1)))
/// {
///     int result = fib(40);   // CallInterruptedException (Reason = Timeout) if it runs longer than a second
/// }
/// </code>
/// </example>
public sealed class InterruptScope : IDisposable
{
    private readonly StoreCore _core;
    private readonly object _gate = new();
    private readonly string _description;
    private InterruptDeadlines.Deadline? _deadline;
    private CancellationTokenRegistration _registration;
    private bool _fired;
    private bool _disposed;

    private InterruptScope(StoreCore core, InterruptReason reason, string description, TimeSpan? timeout, CancellationToken token)
    {
        _core = core;
        Reason = reason;
        _description = description;
        Timeout = timeout;
        CancellationToken = token;
    }

    /// <summary><see cref="InterruptReason.Timeout"/> or <see cref="InterruptReason.Cancellation"/>.</summary>
    public InterruptReason Reason { get; }

    /// <summary>The time limit, for a scope made by <see cref="Store.InterruptAfter"/>.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>The token, for a scope made by <see cref="Store.InterruptWhen"/>.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Whether the time limit elapsed or the token was canceled (before the scope was disposed).</summary>
    public bool HasFired
    {
        get
        {
            lock (_gate)
            {
                return _fired;
            }
        }
    }

    /// <summary>Stops watching; calls after this run without the limit. Waits for a firing in progress to finish.</summary>
    public void Dispose()
    {
        bool fired;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            fired = _fired;
        }

        if (_deadline is not null)
        {
            InterruptDeadlines.Cancel(_deadline);
        }

        _registration.Dispose();
        if (fired)
        {
            _core.FiredScopeReleased();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => _description + (HasFired ? " (fired)" : string.Empty);

    /// <summary>The message of the trap a call stopped by this scope reports.</summary>
    internal string TrapText => _description;

    /// <summary>A scope that fires after <paramref name="timeout"/> (<see cref="System.Threading.Timeout.InfiniteTimeSpan"/>: never).</summary>
    internal static InterruptScope After(StoreCore core, TimeSpan timeout, string source)
    {
        string limit = timeout.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
        var scope = new InterruptScope(core, InterruptReason.Timeout, $"interrupted: {source} of {limit} ms elapsed", timeout, default);
        if (timeout == TimeSpan.Zero)
        {
            // Elapsed already: fire now, so that even a call without branches is reported as timed out.
            scope.Fire();
        }
        else if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            // Armed only after the scope is complete: the deadline thread may fire it at once.
            scope._deadline = InterruptDeadlines.Schedule(scope, timeout);
        }

        return scope;
    }

    /// <summary>A scope that fires when <paramref name="token"/> is canceled (at once if it is already).</summary>
    internal static InterruptScope When(StoreCore core, CancellationToken token, string source)
    {
        var scope = new InterruptScope(core, InterruptReason.Cancellation, $"interrupted: {source} was canceled", null, token);
        scope._registration = token.UnsafeRegister(static state => ((InterruptScope)state!).Fire(), scope);
        return scope;
    }

    /// <summary>Checks a timeout argument: non-negative, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</summary>
    internal static void CheckTimeout(TimeSpan timeout, string parameterName)
    {
        if (timeout < TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(parameterName, timeout, "a timeout must be zero or more, or Timeout.InfiniteTimeSpan");
        }

        if (timeout.TotalMilliseconds > uint.MaxValue - 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, timeout, "a timeout must be below 2^32 - 1 milliseconds (about 49.7 days)");
        }
    }

    /// <summary>Interrupts the store's calls (once; not after <see cref="Dispose"/>). Never throws.</summary>
    internal void Fire()
    {
        lock (_gate)
        {
            if (_disposed || _fired)
            {
                return;
            }

            _fired = true;
            _core.ScopeFired(this);
        }
    }
}
