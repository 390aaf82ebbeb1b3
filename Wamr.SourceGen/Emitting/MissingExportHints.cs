namespace Wamr.SourceGen.Emitting;

/// <summary>
/// What provides a WAMR function that a header declares but a library does not export: the build flag, or
/// the fact that WAMR (1.1.x) declares it without implementing it. Shown in the [Obsolete] message and in the
/// exception a call throws.
/// </summary>
public static class MissingExportHints
{
    /// <summary>A sentence naming what provides <paramref name="function"/>, or a general one.</summary>
    public static string For(string function)
    {
        string f = function;
        if (f.Contains("wasi"))
        {
            return "WASI support: build WAMR with WAMR_BUILD_LIBC_WASI=1.";
        }

        if (f.Contains("serialize"))
        {
            return "module serialization needs an AOT or JIT build (WAMR_BUILD_AOT=1 or WAMR_BUILD_JIT=1).";
        }

        if (f.Contains("thread") || f.Contains("spawn") || f.Contains("cluster"))
        {
            return "threads: build WAMR with WAMR_BUILD_THREAD_MGR=1 (and WAMR_BUILD_LIB_PTHREAD=1 for wasi-threads/pthread).";
        }

        if (f.Contains("mem_consumption") || f.Contains("perf_profiling"))
        {
            return "profiling: build WAMR with WAMR_BUILD_MEMORY_PROFILING=1 or WAMR_BUILD_PERF_PROFILING=1.";
        }

        if (f.Contains("register_module") || f.Contains("find_module_registered") || f.Contains("multi_module"))
        {
            return "multi-module support: build WAMR with WAMR_BUILD_MULTI_MODULE=1.";
        }

        if (f.Contains("custom_section"))
        {
            return "custom sections: build WAMR with WAMR_BUILD_LOAD_CUSTOM_SECTION=1.";
        }

        if (f.Contains("externref"))
        {
            return "reference types: build WAMR with WAMR_BUILD_REF_TYPES=1.";
        }

        if (f.Contains("aot") || f.Contains("_jit"))
        {
            return "AOT/JIT: build WAMR with WAMR_BUILD_AOT=1 or WAMR_BUILD_JIT=1.";
        }

        if (f.StartsWith("wasm_config_", System.StringComparison.Ordinal) || f.Contains("host_info")
            || f.Contains("_as_ref") || f.Contains("ref_as_") || f.EndsWith("_same", System.StringComparison.Ordinal)
            || f.Contains("_copy") || f.Contains("shared_") || f.EndsWith("_share", System.StringComparison.Ordinal) || f.EndsWith("_obtain", System.StringComparison.Ordinal))
        {
            return "WAMR declares it in its wasm-c-api header but does not implement it in this version.";
        }

        return "it depends on a WAMR build option this library was built without.";
    }
}
