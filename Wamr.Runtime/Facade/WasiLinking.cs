namespace Wamr;

/// <summary>How a module's WASI imports are linked (<see cref="ModuleBinary.WasiLinking"/>).</summary>
internal enum WasiLinking
{
    /// <summary>Not yet instantiated with WASI imports.</summary>
    None,

    /// <summary>WAMR's own WASI provides them (with or without host imports beside them).</summary>
    Engine,

    /// <summary>The caller gave every WASI import as a host function.</summary>
    HostFunctions,
}
