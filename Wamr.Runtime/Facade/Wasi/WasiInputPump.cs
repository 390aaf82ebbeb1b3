using System;
using System.IO;
using System.Threading;

namespace Wamr;

/// <summary>
/// Feeds a .NET <see cref="Stream"/> to a WASI program's standard input: a background thread reads the stream and writes
/// it into a pipe whose read end the instance has; the program sees the end of its input when the stream ends.
/// </summary>
/// <remarks>The thread may be blocked in the stream's <c>Read</c>; <see cref="Dispose"/> does not wait for it, and it
/// stops at its next step. It also stops when the instance closes its end (the store is deleted).</remarks>
internal sealed unsafe class WasiInputPump : IDisposable
{
    private const int Chunk = 4096; // at most PIPE_BUF after POLLOUT: the write does not block

    private readonly Stream _source;
    private readonly object _gate = new();
    private readonly int _writeFd;
    private readonly int _stopRead;
    private readonly int _stopWrite;
    private bool _stopped;
    private bool _exited;

    internal WasiInputPump(Stream source)
    {
        _source = source;
        (ReadFd, _writeFd) = Posix.Pipe();
        try
        {
            (_stopRead, _stopWrite) = Posix.Pipe();
        }
        catch
        {
            Posix.Close(ReadFd);
            Posix.Close(_writeFd);
            throw;
        }
    }

    /// <summary>The read end, until the instance has its own copy (-1 afterwards).</summary>
    internal int ReadFd { get; private set; }

    /// <summary>The instance has its copy of the read end: closes this one and starts feeding.</summary>
    internal void HandedOver()
    {
        Posix.Close(ReadFd);
        ReadFd = -1;
        new Thread(Run) { IsBackground = true, Name = "WASI standard input" }.Start();
    }

    /// <summary>Stops feeding (at the thread's next step) and closes this object's descriptors.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            Posix.Close(ReadFd);
            ReadFd = -1;
            if (_exited)
            {
                return;
            }

            byte stop = 1;
            Posix.Write(_stopWrite, &stop, 1);
        }
    }

    /// <summary>Closes everything if <see cref="HandedOver"/> never ran.</summary>
    internal void Abandon()
    {
        lock (_gate)
        {
            _stopped = true;
            _exited = true;
        }

        Posix.Close(ReadFd);
        ReadFd = -1;
        Posix.Close(_writeFd);
        Posix.Close(_stopRead);
        Posix.Close(_stopWrite);
    }

    private void Run()
    {
        byte[] buffer = new byte[Chunk];
        try
        {
            while (true)
            {
                int count;
                try
                {
                    count = _source.Read(buffer, 0, buffer.Length);
                }
                catch (Exception)
                {
                    // A failing stream ends the input, as a failing terminal would.
                    return;
                }

                if (count <= 0)
                {
                    return;
                }

                int offset = 0;
                while (offset < count)
                {
                    (short events, short stop) = Posix.Poll(_writeFd, Posix.PollOut, _stopRead, Posix.PollIn, -1);
                    if (stop != 0 || (events & (Posix.PollErr | Posix.PollHup | Posix.PollNval)) != 0)
                    {
                        return;
                    }

                    nint written;
                    fixed (byte* data = buffer)
                    {
                        written = Posix.Write(_writeFd, data + offset, count - offset);
                    }

                    if (written < 0)
                    {
                        return;
                    }

                    offset += (int)written;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _exited = true;
                Posix.Close(_writeFd);
                Posix.Close(_stopRead);
                Posix.Close(_stopWrite);
            }
        }
    }
}
