using Wt = Wasmtime;

namespace Wamr.Benchmarks;

/// <summary>
/// wasmtime-dotnet with epoch interruption, its cheapest way to stop runaway code (a check of the engine's epoch on
/// every loop back edge and function entry): the peer of our interruptible precompiled code. The benchmarks never
/// advance the epoch, so the deadline is never reached; only the checks' cost is measured.
/// </summary>
internal static class WasmtimeEpoch
{
    /// <summary>Ticks until the deadline: far beyond any benchmark (the epoch is never incremented anyway).</summary>
    private const ulong DeadlineTicks = 1UL << 40;

    /// <summary>An engine whose code checks the epoch.</summary>
    /// <returns>The engine.</returns>
    public static Wt.Engine CreateEngine()
    {
        using var config = new Wt.Config();
        return new Wt.Engine(config.WithEpochInterruption(true));
    }

    /// <summary>A store with a deadline the benchmarks never reach.</summary>
    /// <param name="engine">An engine from <see cref="CreateEngine"/>.</param>
    /// <returns>The store.</returns>
    public static Wt.Store CreateStore(Wt.Engine engine)
    {
        var store = new Wt.Store(engine);
        store.SetEpochDeadline(DeadlineTicks);
        return store;
    }
}
