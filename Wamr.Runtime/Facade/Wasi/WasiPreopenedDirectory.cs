namespace Wamr;

/// <summary>A host directory a WASI program may use, and the path it sees it under.</summary>
/// <param name="HostPath">The directory on the host (full path).</param>
/// <param name="GuestPath">The path the program uses, e.g. <c>/data</c> or <c>.</c>.</param>
public sealed record WasiPreopenedDirectory(string HostPath, string GuestPath);
