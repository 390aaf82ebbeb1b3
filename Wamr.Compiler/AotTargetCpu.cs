namespace Wamr.Compiler;

/// <summary>Which CPU the compiled code is tuned for and may rely on.</summary>
public enum AotTargetCpu
{
    /// <summary>The architecture's baseline (x86-64 with SSE2; generic AArch64): runs on every machine of the
    /// architecture. The default, and the choice for files that are shipped.</summary>
    Portable,

    /// <summary>This machine's CPU with exactly the extensions it has (LLVM's host CPU and feature string): fastest here;
    /// the loader refuses it on a machine lacking an extension it uses.</summary>
    Native,
}
