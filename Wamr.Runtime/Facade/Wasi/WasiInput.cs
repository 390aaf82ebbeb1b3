using System;
using System.IO;
using System.Threading;

namespace Wamr;

/// <summary>
/// Where a WASI program's standard input comes from: nothing (<see cref="Empty"/>, the default), the host process's
/// standard input (<see cref="Inherit"/>), a file, bytes, or a .NET <see cref="System.IO.Stream"/>.
/// </summary>
public sealed class WasiInput
{
    private int _taken;

    private WasiInput(WasiInputKind kind, string? path, byte[]? bytes, Stream? stream)
    {
        Kind = kind;
        Path = path;
        Bytes = bytes;
        Stream = stream;
    }

    /// <summary>An empty input: the program reads end-of-file at once (<c>/dev/null</c>).</summary>
    public static WasiInput Empty { get; } = new(WasiInputKind.Empty, null, null, null);

    /// <summary>The host process's standard input (descriptor 0), shared with the host.</summary>
    public static WasiInput Inherit { get; } = new(WasiInputKind.Inherit, null, null, null);

    internal WasiInputKind Kind { get; }

    internal string? Path { get; }

    internal byte[]? Bytes { get; }

    internal Stream? Stream { get; }

    /// <summary>The contents of a file, opened when an instance is created.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static WasiInput FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new WasiInput(WasiInputKind.File, System.IO.Path.GetFullPath(path), null, null);
    }

    /// <summary>These bytes (copied now); each instance reads them from the start.</summary>
    public static WasiInput FromBytes(ReadOnlySpan<byte> bytes) => new(WasiInputKind.Bytes, null, bytes.ToArray(), null);

    /// <summary>This text in UTF-8; each instance reads it from the start.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static WasiInput FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new WasiInput(WasiInputKind.Bytes, null, System.Text.Encoding.UTF8.GetBytes(text), null);
    }

    /// <summary>What <paramref name="stream"/> yields, read by a background thread as the program consumes it; the
    /// program sees end-of-file when the stream ends. A stream is read by one instance only (the first instantiation
    /// that uses it claims it, even if it then fails). The caller keeps
    /// ownership of the stream (it is not closed).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    public static WasiInput FromStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        return new WasiInput(WasiInputKind.Stream, null, null, stream);
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        WasiInputKind.File => $"file {Path}",
        WasiInputKind.Bytes => $"{Bytes!.Length} bytes",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Claims a stream input for one instance.</summary>
    internal void Take()
    {
        if (Kind == WasiInputKind.Stream && Interlocked.Exchange(ref _taken, 1) != 0)
        {
            throw new InvalidOperationException(
                "This WasiInput.FromStream was given to an instance already: a stream is read by one instance only. Create another WasiInput (and stream) for each instance.");
        }
    }
}
