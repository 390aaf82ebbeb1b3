using System;
using System.Runtime.InteropServices;

namespace Wamr;

/// <summary>
/// The few C library calls the WASI streams need (<c>pipe</c>, <c>read</c>, <c>write</c>, <c>poll</c>, <c>close</c>, <c>lseek</c>):
/// WAMR's WASI runs on POSIX descriptors, and .NET has no poll for pipes. Looked up by name in the C library rather
/// than declared with <c>DllImport</c>, so that every <c>DllImport</c> of the assembly stays one the generator made
/// from a header.
/// </summary>
internal static unsafe class Posix
{
    internal const short PollIn = 0x001;
    internal const short PollOut = 0x004;
    internal const short PollErr = 0x008;
    internal const short PollHup = 0x010;
    internal const short PollNval = 0x020;

    private const int EIntr = 4;

    private static readonly Functions s_functions = Load();

    /// <summary>Creates a pipe whose two ends are not inherited by child processes (where the C library can).</summary>
    /// <exception cref="System.IO.IOException">The C library refused (e.g. too many open descriptors).</exception>
    internal static (int Read, int Write) Pipe()
    {
        int* fds = stackalloc int[2];
        int result = s_functions.Pipe2 != null ? s_functions.Pipe2(fds, OCloexec) : s_functions.Pipe(fds);
        if (result != 0)
        {
            int errno = Marshal.GetLastSystemError();
            throw new System.IO.IOException($"pipe() failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
        }

        return (fds[0], fds[1]);
    }

    /// <summary><c>read</c>, retried on EINTR: bytes read, 0 at the end, -1 on error.</summary>
    internal static nint Read(int fd, byte* buffer, int count)
    {
        while (true)
        {
            nint n = s_functions.Read(fd, buffer, (nuint)count);
            if (n >= 0 || Marshal.GetLastSystemError() != EIntr)
            {
                return n;
            }
        }
    }

    /// <summary><c>write</c>, retried on EINTR: bytes written or -1.</summary>
    internal static nint Write(int fd, byte* buffer, int count)
    {
        while (true)
        {
            nint n = s_functions.Write(fd, buffer, (nuint)count);
            if (n >= 0 || Marshal.GetLastSystemError() != EIntr)
            {
                return n;
            }
        }
    }

    /// <summary>Waits for events on one or two descriptors (<c>fd2</c> &lt; 0: one); returns the events of each.
    /// <paramref name="timeoutMilliseconds"/> -1 waits forever, 0 only looks.</summary>
    internal static (short Events1, short Events2) Poll(int fd1, short events1, int fd2, short events2, int timeoutMilliseconds)
    {
        PollFd* fds = stackalloc PollFd[2];
        fds[0] = new PollFd { Fd = fd1, Events = events1 };
        fds[1] = new PollFd { Fd = fd2, Events = events2 };
        nuint count = fd2 < 0 ? 1u : 2u;
        while (true)
        {
            int n = s_functions.Poll(fds, count, timeoutMilliseconds);
            if (n >= 0)
            {
                return (fds[0].Revents, count == 2 ? fds[1].Revents : (short)0);
            }

            if (Marshal.GetLastSystemError() != EIntr)
            {
                // Report an error as a hang-up: the caller stops using the descriptor.
                return (PollHup, PollHup);
            }
        }
    }

    /// <summary>Moves a file descriptor's offset to the end of its file (<c>lseek(fd, 0, SEEK_END)</c>).</summary>
    /// <exception cref="System.IO.IOException">The descriptor cannot seek.</exception>
    internal static void SeekToEnd(int fd)
    {
        const int SeekEnd = 2;
        if (s_functions.LSeek(fd, 0, SeekEnd) < 0)
        {
            int errno = Marshal.GetLastSystemError();
            throw new System.IO.IOException($"lseek() failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
        }
    }

    /// <summary>Closes a descriptor this process owns (no-op for -1).</summary>
    internal static void Close(int fd)
    {
        if (fd >= 0)
        {
            s_functions.Close(fd);
        }
    }

    private static int OCloexec => OperatingSystem.IsLinux() ? 0x80000 : 0;

    private static Functions Load()
    {
        string[] names = OperatingSystem.IsMacOS() || OperatingSystem.IsIOS()
            ? ["/usr/lib/libSystem.B.dylib"]
            : ["libc.so.6", "libc.so", "libc"];
        foreach (string name in names)
        {
            if (NativeLibrary.TryLoad(name, out nint library))
            {
                return new Functions(library);
            }
        }

        throw new PlatformNotSupportedException("WASI's standard streams need a POSIX C library, and none was found.");
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    private sealed class Functions
    {
        public readonly delegate* unmanaged[Cdecl]<int*, int, int> Pipe2;
        public readonly delegate* unmanaged[Cdecl]<int*, int> Pipe;
        public readonly delegate* unmanaged[Cdecl]<int, byte*, nuint, nint> Read;
        public readonly delegate* unmanaged[Cdecl]<int, byte*, nuint, nint> Write;
        public readonly delegate* unmanaged[Cdecl]<PollFd*, nuint, int, int> Poll;
        public readonly delegate* unmanaged[Cdecl]<int, int> Close;
        public readonly delegate* unmanaged[Cdecl]<int, long, int, long> LSeek;

        public Functions(nint library)
        {
            Pipe2 = NativeLibrary.TryGetExport(library, "pipe2", out nint pipe2)
                ? (delegate* unmanaged[Cdecl]<int*, int, int>)pipe2
                : null;
            Pipe = (delegate* unmanaged[Cdecl]<int*, int>)NativeLibrary.GetExport(library, "pipe");
            Read = (delegate* unmanaged[Cdecl]<int, byte*, nuint, nint>)NativeLibrary.GetExport(library, "read");
            Write = (delegate* unmanaged[Cdecl]<int, byte*, nuint, nint>)NativeLibrary.GetExport(library, "write");
            Poll = (delegate* unmanaged[Cdecl]<PollFd*, nuint, int, int>)NativeLibrary.GetExport(library, "poll");
            Close = (delegate* unmanaged[Cdecl]<int, int>)NativeLibrary.GetExport(library, "close");
            LSeek = (delegate* unmanaged[Cdecl]<int, long, int, long>)NativeLibrary.GetExport(library, "lseek");
        }
    }
}
