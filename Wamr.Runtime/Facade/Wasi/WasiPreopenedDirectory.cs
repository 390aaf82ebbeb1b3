namespace Wamr;

/// <summary>A host directory a WASI program may use, and the path it sees it under (made by
/// <see cref="WasiConfiguration.WithPreopenedDirectory"/>). Compares by value.</summary>
public sealed record WasiPreopenedDirectory
{
    internal WasiPreopenedDirectory(string hostPath, string guestPath)
    {
        HostPath = hostPath;
        GuestPath = guestPath;
    }

    /// <summary>The directory on the host (full path).</summary>
    public string HostPath { get; }

    /// <summary>The path the program uses, e.g. <c>/data</c> or <c>.</c>.</summary>
    public string GuestPath { get; }
}
