using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Wamr;

/// <summary>
/// Captures a WASI output (standard output or error) into a .NET <see cref="Stream"/>: the instance writes into a pipe,
/// and a background thread copies what arrives into the stream as it arrives. <see cref="Flush"/> copies whatever the
/// pipe still holds on the calling thread, so that everything the program wrote before is in the stream when it returns.
/// </summary>
/// <remarks>The instance gets its own duplicate of the pipe's write end (WAMR closes it with the instance, or when the
/// program closes the descriptor); this object owns the read end, the stop pipe, and its copy of the write end until
/// <see cref="HandedOver"/>.</remarks>
internal sealed unsafe class WasiOutputPump : IDisposable
{
    /// <summary>One gate per target stream: two instances may write into the same stream, one chunk at a time.</summary>
    private static readonly ConditionalWeakTable<Stream, object> StreamGates = new();

    private readonly Stream _target;
    private readonly object _streamGate;
    private readonly object _gate = new();
    private readonly string _what;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly int _readFd;
    private readonly int _stopRead;
    private readonly int _stopWrite;
    private Thread? _thread;
    private Exception? _fault;
    private bool _faultReported;
    private bool _ended;
    private bool _disposed;

    internal WasiOutputPump(Stream target, string what)
    {
        _target = target;
        _what = what;
        _streamGate = StreamGates.GetValue(target, _ => new object());
        (_readFd, WriteFd) = Posix.Pipe();
        try
        {
            (_stopRead, _stopWrite) = Posix.Pipe();
        }
        catch
        {
            Posix.Close(_readFd);
            Posix.Close(WriteFd);
            throw;
        }
    }

    /// <summary>The write end, until the instance has its own copy (-1 afterwards).</summary>
    internal int WriteFd { get; private set; }

    /// <summary>The instance has its copy of the write end: closes this one (so that the pipe ends when the instance's
    /// copy closes) and starts copying.</summary>
    internal void HandedOver()
    {
        Posix.Close(WriteFd);
        WriteFd = -1;
        _thread = new Thread(Run) { IsBackground = true, Name = "WASI " + _what };
        _thread.Start();
    }

    /// <summary>Copies everything the program has written so far into the stream and flushes it.</summary>
    /// <exception cref="IOException">Writing into the stream failed (reported once; later output is discarded).</exception>
    internal void Flush()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            Drain();
            if (_fault is null)
            {
                try
                {
                    lock (_streamGate)
                    {
                        _target.Flush();
                    }
                }
                catch (Exception exception)
                {
                    _fault = exception;
                }
            }

            if (_fault is not null && !_faultReported)
            {
                _faultReported = true;
                throw new IOException($"Copying the WASI program's {_what} into the stream failed; its later output is discarded.", _fault);
            }
        }
    }

    /// <summary>Copies what is left, stops the thread and closes the descriptors. Never throws.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            Drain();
            if (_fault is null)
            {
                try
                {
                    lock (_streamGate)
                    {
                        _target.Flush();
                    }
                }
                catch (Exception exception)
                {
                    _fault = exception;
                }
            }

            _disposed = true;
            byte stop = 1;
            Posix.Write(_stopWrite, &stop, 1);
        }

        if (_thread is not null && _thread != Thread.CurrentThread)
        {
            _thread.Join();
        }

        Posix.Close(_readFd);
        Posix.Close(WriteFd);
        Posix.Close(_stopRead);
        Posix.Close(_stopWrite);
    }

    private void Run()
    {
        while (true)
        {
            (short data, short stop) = Posix.Poll(_readFd, Posix.PollIn, _stopRead, Posix.PollIn, -1);
            if (stop != 0)
            {
                return;
            }

            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                Drain();
                if (_ended)
                {
                    return;
                }
            }

            if ((data & Posix.PollNval) != 0)
            {
                return;
            }
        }
    }

    /// <summary>Reads whatever the pipe holds, without blocking, into the stream. Call under <see cref="_gate"/>.</summary>
    private void Drain()
    {
        while (!_ended)
        {
            (short events, _) = Posix.Poll(_readFd, Posix.PollIn, -1, 0, 0);
            if (events == 0)
            {
                return;
            }

            nint count;
            fixed (byte* buffer = _buffer)
            {
                count = Posix.Read(_readFd, buffer, _buffer.Length);
            }

            if (count <= 0)
            {
                // The end: every copy of the write end is closed (the instance is gone or closed the descriptor).
                _ended = true;
                return;
            }

            if (_fault is not null)
            {
                continue;
            }

            try
            {
                lock (_streamGate)
                {
                    _target.Write(_buffer, 0, (int)count);
                }
            }
            catch (Exception exception)
            {
                _fault = exception;
            }
        }
    }
}
