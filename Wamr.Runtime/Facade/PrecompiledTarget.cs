using System.Runtime.InteropServices;

namespace Wamr;

/// <summary>The machine a precompiled module's code runs on: architecture and operating system, in LLVM's and WAMR's
/// words.</summary>
/// <param name="Architecture">"x86_64" or "aarch64" (WAMR's target architecture names).</param>
/// <param name="OperatingSystem">"linux", "windows" or "darwin".</param>
internal sealed record PrecompiledTarget(string Architecture, string OperatingSystem)
{
    /// <summary>This process's target.</summary>
    public static PrecompiledTarget Host { get; } = new(HostArchitecture(), HostOperatingSystem());

    /// <summary>The ELF machine number WAMR's AOT loader expects for <see cref="Architecture"/>, or -1.</summary>
    public int ElfMachine => Architecture switch
    {
        "x86_64" => 62,
        "aarch64" => 183,
        _ => -1,
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Architecture}-{OperatingSystem}";

    private static string HostArchitecture() => RuntimeInformation.ProcessArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86_64",
        System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
        System.Runtime.InteropServices.Architecture other => other.ToString().ToLowerInvariant(),
    };

    private static string HostOperatingSystem() =>
        System.OperatingSystem.IsWindows() ? "windows" : System.OperatingSystem.IsMacOS() ? "darwin" : System.OperatingSystem.IsLinux() ? "linux" : "unknown";
}
