using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.Interop;

namespace Wamr.Tests.Interop.Procedural;

/// <summary>Whether WAMR's runtime (which exists while an engine does) is up, seen through its allocator.</summary>
internal static unsafe class RuntimeState
{
    /// <summary>
    /// Whether the runtime is initialized: <c>wasm_runtime_malloc</c> returns NULL (and logs a warning) while no engine
    /// exists, because WAMR's memory mode is unknown then.
    /// </summary>
    public static bool IsUp()
    {
        void* block = WamrApi.wasm_runtime_malloc(8);
        if (block == null)
        {
            return false;
        }

        WamrApi.wasm_runtime_free(block);
        return true;
    }

    /// <summary>Fails unless no engine is alive: a test about the engine's life needs the whole process's engine.</summary>
    public static void AssertNoEngine() =>
        Assert.IsFalse(IsUp(), "an engine is alive before this test: some test did not balance wasm_engine_new with wasm_engine_delete");
}
