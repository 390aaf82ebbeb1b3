namespace Wamr;

/// <summary>
/// Sizes for <c>wasm_instance_new_with_args</c>. The defaults differ from <c>wasm_instance_new</c> in one respect:
/// no app heap (WAMR's default carves 32 KiB out of linear memory for its own allocator, which changes
/// <c>memory.size</c>, <c>memory.grow</c> and out-of-bounds behaviour from what the WebAssembly specification says).
/// </summary>
public sealed record InstanceOptions
{
    /// <summary>The default stack size: 32 KiB, as <c>wasm_instance_new</c>.</summary>
    public const uint DefaultStackSize = 32 * 1024;

    /// <summary>The defaults: a 32 KiB stack and no app heap.</summary>
    public static InstanceOptions Default { get; } = new();

    /// <summary>WAMR's operand and frame stack for the instance, in bytes (deep recursion traps with
    /// "wasm operand stack overflow" when it is exhausted).</summary>
    public uint StackSize { get; init; } = DefaultStackSize;

    /// <summary>The app heap WAMR reserves in linear memory for <c>wasm_runtime_module_malloc</c>, in bytes
    /// (0: none, as the specification behaves; <c>wasm_instance_new</c> uses 32 KiB).</summary>
    public uint HeapSize { get; init; }

    /// <summary>What a WASI program sees (arguments, environment, directories, standard streams), for a module that
    /// imports <c>wasi_snapshot_preview1</c> (or <c>wasi_unstable</c>) and leaves those imports to the engine. Null: an
    /// empty configuration (<c>new WasiConfiguration()</c>: nothing of the host visible, input empty, output discarded).
    /// A module that does not import WASI refuses a configuration.</summary>
    public WasiConfiguration? Wasi { get; init; }
}
