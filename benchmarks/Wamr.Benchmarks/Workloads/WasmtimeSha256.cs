using System;

using Wt = Wasmtime;

namespace Wamr.Benchmarks.Workloads;

/// <summary>The compute workload in wasmtime-dotnet: <c>sha256.wasm</c> instantiated, its input written, one digest checked.</summary>
internal static class WasmtimeSha256
{
    /// <summary>Instantiates the workload in <paramref name="store"/>.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="store">The store.</param>
    /// <param name="label">The row, for the check's message.</param>
    /// <returns>The module's <c>hash(length)</c> as a typed delegate.</returns>
    public static Func<int, int> Instantiate(Wt.Engine engine, Wt.Store store, string label)
    {
        using Wt.Module module = Wt.Module.FromFile(engine, Sha256Workload.ModulePath);
        var instance = new Wt.Instance(store, module);
        Wt.Memory memory = instance.GetMemory("memory") ?? throw new InvalidOperationException("memory");
        int input = instance.GetFunction<int>("input_buffer")!();
        Sha256Workload.Input().CopyTo(memory.GetSpan(input, Sha256Workload.InputBytes));
        Func<int, int> hash = instance.GetFunction<int, int>("hash") ?? throw new InvalidOperationException("hash");
        Sha256Workload.Check(label, memory.GetSpan(hash(Sha256Workload.InputBytes), 32));
        return hash;
    }
}
