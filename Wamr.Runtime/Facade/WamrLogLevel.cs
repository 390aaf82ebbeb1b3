namespace Wamr;

/// <summary>How much WAMR logs; the numbers are WAMR's <c>LogLevel</c> (<c>bh_log.h</c>).</summary>
public enum WamrLogLevel
{
    /// <summary>Fatal errors only.</summary>
    Fatal = 0,

    /// <summary>Errors, e.g. "wasm_module_new failed".</summary>
    Error = 1,

    /// <summary>Errors and warnings (WAMR's default in release builds).</summary>
    Warning = 2,

    /// <summary>Also debug messages (only in WAMR builds with debug logging compiled in).</summary>
    Debug = 3,

    /// <summary>Everything WAMR logs, e.g. why a module failed to load.</summary>
    Verbose = 4,
}
