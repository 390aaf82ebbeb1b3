namespace Wamr;

/// <summary>Why a call was interrupted (<see cref="CallInterruptedException.Reason"/>).</summary>
public enum InterruptReason
{
    /// <summary><see cref="Store.Interrupt"/> was called.</summary>
    Interrupt,

    /// <summary>A timeout elapsed: a call's own (<see cref="Func.Call(System.TimeSpan, Val[])"/>) or a scope's
    /// (<see cref="Store.InterruptAfter"/>).</summary>
    Timeout,

    /// <summary>A <see cref="System.Threading.CancellationToken"/> was canceled: a call's own
    /// (<see cref="Func.Call(System.Threading.CancellationToken, Val[])"/>) or a scope's (<see cref="Store.InterruptWhen"/>).</summary>
    Cancellation,
}
