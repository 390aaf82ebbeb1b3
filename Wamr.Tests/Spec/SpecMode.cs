namespace Wamr.Tests.Spec;

/// <summary>How the spec runner loads each module.</summary>
public enum SpecMode
{
    /// <summary><see cref="Module.FromBytes(Store, System.ReadOnlySpan{byte})"/>: the fast interpreter.</summary>
    Interpreted,

    /// <summary>Compiled by Wamr.Compiler's <c>AotCompiler</c>, then <see cref="Module.FromPrecompiled(Store, System.ReadOnlySpan{byte}, PrecompiledTrust)"/>;
    /// run in a child process per file (<c>Wamr.SpecRunner</c>), since WAMR's AOT mode has crashing cases.</summary>
    Precompiled,
}
