using System;
using System.Runtime.CompilerServices;
using System.Text;

using Wamr.Interop;

using static Wamr.Interop.WasmCApi;

namespace Wamr;

/// <summary>
/// An instance's linear memory (<c>wasm_memory_t</c>), bounds-checked.
/// </summary>
/// <remarks>
/// <para>Typed reads and writes (<see cref="Read{T}"/>, <see cref="Write{T}"/>) check the range on every access and
/// use the host's byte order, which is little-endian like WebAssembly's on every platform this package ships for. <see cref="GetSpan()"/> gives direct access; the span is valid only
/// until the next call into WebAssembly (<c>memory.grow</c> may move the memory) and while the store lives.</para>
/// <para>Memories come from instance exports only: WAMR 1.1.2 refuses memory imports and cannot grow a memory from the
/// host (<see cref="Grow"/> throws).</para>
/// </remarks>
public sealed unsafe class Memory : Extern
{
    /// <summary>The size of a WebAssembly page: 64 KiB.</summary>
    public const int PageSize = 65536;

    private readonly wasm_memory_t* _native;
    private readonly MemoryType _type;

    internal Memory(Store store, Instance instance, wasm_memory_t* native, string name)
        : base(store, instance, name)
    {
        _native = native;
        wasm_memorytype_t* type = wasm_memory_type(native);
        try
        {
            _type = MemoryType.FromNative(type);
        }
        finally
        {
            wasm_memorytype_delete(type);
        }
    }

    /// <inheritdoc/>
    public override ExternKind Kind => ExternKind.Memory;

    /// <summary>The memory's type (limits as declared by the module).</summary>
    public new MemoryType Type => _type;

    /// <summary>The current size in pages of 64 KiB (<c>wasm_memory_size</c>).</summary>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public uint PageCount
    {
        get
        {
            Enter();
            try
            {
                return wasm_memory_size(_native);
            }
            finally
            {
                Exit();
            }
        }
    }

    /// <summary>The current size in bytes (<c>wasm_memory_data_size</c>).</summary>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public long Length
    {
        get
        {
            Enter();
            try
            {
                return (long)wasm_memory_data_size(_native);
            }
            finally
            {
                Exit();
            }
        }
    }

    private protected override ExternType ExternTypeCore => _type;

    internal override wasm_extern_t* NativeExtern => wasm_memory_as_extern(_native);

    /// <summary>The whole memory as a span: valid until the next call into WebAssembly and while the store lives.</summary>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public Span<byte> GetSpan()
    {
        Enter();
        try
        {
            nuint size = wasm_memory_data_size(_native);
            return size == 0 ? Span<byte>.Empty : new Span<byte>(wasm_memory_data(_native), checked((int)size));
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Part of the memory as a span (bounds-checked); valid until the next call into WebAssembly.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the memory.</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public Span<byte> GetSpan(long offset, int length)
    {
        Enter();
        try
        {
            return new Span<byte>(Address(offset, length), length);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Reads a value of an unmanaged type at <paramref name="offset"/> (host byte order: little-endian).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value does not lie inside the memory.</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public T Read<T>(long offset)
        where T : unmanaged
    {
        Enter();
        try
        {
            return Unsafe.ReadUnaligned<T>(Address(offset, sizeof(T)));
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Writes a value of an unmanaged type at <paramref name="offset"/> (host byte order: little-endian).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value does not lie inside the memory.</exception>
    /// <exception cref="ObjectDisposedException">The store or instance is disposed.</exception>
    public void Write<T>(long offset, T value)
        where T : unmanaged
    {
        Enter();
        try
        {
            Unsafe.WriteUnaligned(Address(offset, sizeof(T)), value);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Copies bytes out of the memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the memory.</exception>
    public void Read(long offset, Span<byte> destination)
    {
        Enter();
        try
        {
            new ReadOnlySpan<byte>(Address(offset, destination.Length), destination.Length).CopyTo(destination);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Copies bytes into the memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the memory.</exception>
    public void Write(long offset, ReadOnlySpan<byte> source)
    {
        Enter();
        try
        {
            source.CopyTo(new Span<byte>(Address(offset, source.Length), source.Length));
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Reads <paramref name="byteLength"/> bytes of UTF-8 text.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the memory.</exception>
    public string ReadString(long offset, int byteLength)
    {
        Enter();
        try
        {
            return Encoding.UTF8.GetString(Address(offset, byteLength), byteLength);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Reads UTF-8 text up to the first NUL byte (or the end of memory).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is not inside the memory.</exception>
    public string ReadNullTerminatedString(long offset)
    {
        Enter();
        try
        {
            long length = (long)wasm_memory_data_size(_native);
            byte* start = Address(offset, 0);
            var rest = new ReadOnlySpan<byte>(start, (int)Math.Min(length - offset, int.MaxValue));
            int end = rest.IndexOf((byte)0);
            return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Writes <paramref name="value"/> as UTF-8 (no terminator); returns the number of bytes written.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The text does not fit inside the memory.</exception>
    public int WriteString(long offset, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int length = Encoding.UTF8.GetByteCount(value);
        Enter();
        try
        {
            return Encoding.UTF8.GetBytes(value, new Span<byte>(Address(offset, length), length));
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Grows the memory by <paramref name="deltaPages"/> pages (<c>wasm_memory_grow</c>).</summary>
    /// <exception cref="NotSupportedException">WAMR refused: WAMR 1.1.2 never grows a memory from the host (its
    /// <c>wasm_memory_grow</c> always returns false). Grow it from WebAssembly with <c>memory.grow</c>.</exception>
    public void Grow(uint deltaPages)
    {
        Enter();
        try
        {
            if (!wasm_memory_grow(_native, deltaPages))
            {
                throw new NotSupportedException(
                    $"WAMR refused to grow the memory by {deltaPages} page(s): WAMR 1.1.2 cannot grow a memory from the host " +
                    "(wasm_memory_grow always returns false). Export a function that runs memory.grow and call it instead.");
            }
        }
        finally
        {
            Exit();
        }
    }

    private byte* Address(long offset, int length)
    {
        long size = (long)wasm_memory_data_size(_native);
        if (length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "the length is negative");
        }

        if (offset < 0 || offset > size || length > size - offset)
        {
            throw new ArgumentOutOfRangeException(
                nameof(offset), offset, $"{length} byte(s) at offset {offset} do not lie inside the memory of {size} bytes");
        }

        return wasm_memory_data(_native) + offset;
    }
}
