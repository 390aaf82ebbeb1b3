using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

using Microsoft.Win32.SafeHandles;

using Wamr.Interop;

using static Wamr.Interop.WamrApi;

namespace Wamr;

/// <summary>
/// One instantiation's WASI set-up. Before instantiation: the configuration's arguments and environment as C strings
/// on the (shared) native module, and the standard streams opened. After: the streams and preopened directories
/// installed in the new instance through the engine extension, before any of its code runs.
/// </summary>
/// <remarks>
/// WAMR 1.1.2 keeps the pointers given to <c>wasm_runtime_set_wasi_args_ex</c> in the module and copies the strings
/// only when it instantiates, so the caller holds the module's instantiation lock from <see cref="SetOnModule"/> to
/// <see cref="ClearFromModule"/>, and this object keeps the strings alive until it is disposed. Standard streams and
/// preopened directories are not given to WAMR that way: it ignores guest paths (<c>map_dir_list</c>) and takes
/// ownership of stdio descriptors in ways a caller cannot tell apart when instantiation fails.
/// </remarks>
internal sealed unsafe class WasiSession : IDisposable
{
    private const int StdinFd = 0;

    private readonly WasiConfiguration _configuration;
    private readonly List<nint> _allocations = new();
    private readonly object?[] _stdio = new object?[3];
    private byte** _argv;
    private byte** _environment;

    private WasiSession(WasiConfiguration configuration)
    {
        _configuration = configuration;
    }

    /// <summary>Checks the configuration against the file system, opens the streams and makes the C strings.</summary>
    /// <exception cref="DirectoryNotFoundException">A preopened directory no longer exists.</exception>
    /// <exception cref="IOException">A standard stream's file cannot be opened (or a pipe cannot be made).</exception>
    /// <exception cref="UnauthorizedAccessException">A standard stream's file may not be opened.</exception>
    /// <exception cref="InvalidOperationException">A stream input was given to another instance already.</exception>
    internal static WasiSession Prepare(WasiConfiguration configuration)
    {
        foreach (WasiPreopenedDirectory directory in configuration.PreopenedDirectories)
        {
            if (!Directory.Exists(directory.HostPath))
            {
                throw new DirectoryNotFoundException($"The directory to preopen as \"{directory.GuestPath}\" does not exist: {directory.HostPath}");
            }
        }

        var session = new WasiSession(configuration);
        try
        {
            session.OpenStreams();
            session._argv = session.Strings(configuration.Arguments);
            var variables = new List<string>(configuration.EnvironmentVariables.Count);
            foreach (KeyValuePair<string, string> variable in configuration.EnvironmentVariables)
            {
                variables.Add(variable.Key + "=" + variable.Value);
            }

            session._environment = session.Strings(variables);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Gives the arguments and environment to the native module (call under its instantiation lock).</summary>
    internal void SetOnModule(wasm_module_t* module)
    {
        wasm_runtime_set_wasi_args_ex(
            *module, null, 0, null, 0,
            _environment, (uint)_configuration.EnvironmentVariables.Count,
            _argv, _configuration.Arguments.Count,
            -1, -1, -1);
    }

    /// <summary>Leaves no pointers into this session in the module (call under its instantiation lock).</summary>
    internal static void ClearFromModule(wasm_module_t* module) =>
        wasm_runtime_set_wasi_args_ex(*module, null, 0, null, 0, null, 0, null, 0, -1, -1, -1);

    /// <summary>Installs the standard streams and preopened directories in a new instance, and starts the copies.</summary>
    /// <returns>The instance's stream copies (to flush and dispose with it).</returns>
    /// <exception cref="DirectoryNotFoundException">A preopened directory cannot be opened as a directory.</exception>
    /// <exception cref="UnauthorizedAccessException">A preopened directory may not be opened.</exception>
    /// <exception cref="IOException">The extension refused a stream or directory (the message says why).</exception>
    internal WasiStreams Attach(wasm_instance_t* instance)
    {
        wasm_module_inst_t moduleInstance = WamrExt.wamr_ext_instance_module_inst(instance);
        string[] names = ["standard input", "standard output", "standard error"];
        for (int fd = 0; fd < 3; fd++)
        {
            int host = _stdio[fd] switch
            {
                SafeFileHandle file => (int)file.DangerousGetHandle(),
                WasiInputPump input => input.ReadFd,
                WasiOutputPump output => output.WriteFd,
                _ => -1,
            };
            if (host < 0)
            {
                continue;
            }

            int error = WamrExt.wamr_ext_wasi_set_stdio(moduleInstance, (uint)fd, host);
            if (error != 0)
            {
                throw new IOException($"WASI {names[fd]} could not be connected: {Marshal.GetPInvokeErrorMessage(error)} (errno {error}).");
            }
        }

        IReadOnlyList<WasiPreopenedDirectory> directories = _configuration.PreopenedDirectories;
        for (int i = 0; i < directories.Count; i++)
        {
            WasiPreopenedDirectory directory = directories[i];
            int error = WamrExt.wamr_ext_wasi_preopen(moduleInstance, (uint)(3 + i), String(directory.HostPath), String(directory.GuestPath));
            if (error != 0)
            {
                string reason = $"The directory {directory.HostPath} could not be preopened as \"{directory.GuestPath}\": {Marshal.GetPInvokeErrorMessage(error)} (errno {error}).";
                throw error switch
                {
                    2 or 20 => new DirectoryNotFoundException(reason), // ENOENT, ENOTDIR
                    13 or 1 => new UnauthorizedAccessException(reason), // EACCES, EPERM
                    _ => new IOException(reason),
                };
            }
        }

        // Everything is installed: the instance has its own descriptors; start the copies.
        var outputs = new List<WasiOutputPump>();
        WasiInputPump? inputPump = null;
        for (int fd = 0; fd < 3; fd++)
        {
            switch (_stdio[fd])
            {
                case SafeFileHandle file:
                    file.Dispose();
                    break;
                case WasiInputPump input:
                    input.HandedOver();
                    inputPump = input;
                    break;
                case WasiOutputPump output:
                    output.HandedOver();
                    outputs.Add(output);
                    break;
            }

            _stdio[fd] = null;
        }

        return new WasiStreams(outputs, inputPump);
    }

    /// <summary>Frees the C strings, and closes whatever <see cref="Attach"/> did not hand over.</summary>
    public void Dispose()
    {
        foreach (nint allocation in _allocations)
        {
            NativeMemory.Free((void*)allocation);
        }

        _allocations.Clear();
        for (int fd = 0; fd < 3; fd++)
        {
            switch (_stdio[fd])
            {
                case SafeFileHandle file:
                    file.Dispose();
                    break;
                case WasiInputPump input:
                    input.Abandon();
                    break;
                case WasiOutputPump output:
                    output.Dispose();
                    break;
            }

            _stdio[fd] = null;
        }

    }

    private void OpenStreams()
    {
        WasiInput input = _configuration.StandardInput;
        _stdio[StdinFd] = input.Kind switch
        {
            WasiInputKind.Empty => OpenFile("/dev/null", FileMode.Open, FileAccess.Read),
            WasiInputKind.File => OpenFile(input.Path!, FileMode.Open, FileAccess.Read),
            WasiInputKind.Bytes => new WasiInputPump(new MemoryStream(input.Bytes!, writable: false)),
            WasiInputKind.Stream => TakeStream(input),
            _ => null,
        };
        _stdio[1] = OpenOutput(_configuration.StandardOutput, "standard output");
        _stdio[2] = OpenOutput(_configuration.StandardError, "standard error");
    }

    private static WasiInputPump TakeStream(WasiInput input)
    {
        input.Take();
        return new WasiInputPump(input.Stream!);
    }

    private static object? OpenOutput(WasiOutput output, string what) => output.Kind switch
    {
        WasiOutputKind.Discard => OpenFile("/dev/null", FileMode.Open, FileAccess.Write),
        WasiOutputKind.File => output.Append ? OpenForAppending(output.Path!) : OpenFile(output.Path!, FileMode.Create, FileAccess.Write),
        WasiOutputKind.Stream => new WasiOutputPump(output.Stream!, what),
        _ => null,
    };

    /// <summary>A file opened at its end: .NET keeps an append position of its own, the descriptor WAMR writes through
    /// needs its offset there.</summary>
    private static SafeFileHandle OpenForAppending(string path)
    {
        SafeFileHandle file = OpenFile(path, FileMode.OpenOrCreate, FileAccess.Write);
        try
        {
            Posix.SeekToEnd((int)file.DangerousGetHandle());
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static SafeFileHandle OpenFile(string path, FileMode mode, FileAccess access) =>
        File.OpenHandle(path, mode, access, FileShare.ReadWrite | FileShare.Delete);

    private byte** Strings(IReadOnlyList<string> strings)
    {
        var array = (byte**)NativeMemory.AllocZeroed((nuint)(strings.Count + 1), (nuint)sizeof(byte*));
        _allocations.Add((nint)array);
        for (int i = 0; i < strings.Count; i++)
        {
            array[i] = String(strings[i]);
        }

        return array;
    }

    private byte* String(string text)
    {
        int length = Encoding.UTF8.GetByteCount(text);
        var bytes = (byte*)NativeMemory.Alloc((nuint)length + 1);
        _allocations.Add((nint)bytes);
        Encoding.UTF8.GetBytes(text, new Span<byte>(bytes, length));
        bytes[length] = 0;
        return bytes;
    }
}
