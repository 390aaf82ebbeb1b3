using System;
using System.IO;

namespace Wamr;

/// <summary>
/// Where a WASI program's standard output or error goes: nowhere (<see cref="Discard"/>, the default), the host
/// process's own (<see cref="Inherit"/>), a file, or a .NET <see cref="System.IO.Stream"/>.
/// </summary>
/// <remarks>Output into a stream is copied by a background thread as it is written; it is complete in the stream
/// (and the stream flushed) whenever a call into the instance's store returns, when the instance is disposed, and when
/// the store is disposed.</remarks>
public sealed class WasiOutput
{
    private WasiOutput(WasiOutputKind kind, string? path, bool append, Stream? stream)
    {
        Kind = kind;
        Path = path;
        Append = append;
        Stream = stream;
    }

    /// <summary>Output is discarded (<c>/dev/null</c>).</summary>
    public static WasiOutput Discard { get; } = new(WasiOutputKind.Discard, null, false, null);

    /// <summary>The host process's own standard output or error (descriptor 1 or 2), shared with the host.</summary>
    public static WasiOutput Inherit { get; } = new(WasiOutputKind.Inherit, null, false, null);

    internal WasiOutputKind Kind { get; }

    internal string? Path { get; }

    internal bool Append { get; }

    internal Stream? Stream { get; }

    /// <summary>A file, created or truncated when an instance is created; with <paramref name="append"/>, created or
    /// written from its end (as it is at instantiation).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static WasiOutput ToFile(string path, bool append = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new WasiOutput(WasiOutputKind.File, System.IO.Path.GetFullPath(path), append, null);
    }

    /// <summary>A stream the output is copied into (see the remarks for when it is complete). The caller keeps
    /// ownership of the stream (it is not closed). Several instances, or standard output and error, may share one
    /// stream: each chunk arrives whole, and each source's output in order, but the order between sources is not kept.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be written.</exception>
    public static WasiOutput ToStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream cannot be written.", nameof(stream));
        }

        return new WasiOutput(WasiOutputKind.Stream, null, false, stream);
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        WasiOutputKind.File => $"file {Path}{(Append ? " (append)" : string.Empty)}",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
