using System;

namespace Wamr;

/// <summary>
/// How the first <see cref="Engine"/> initialises WAMR's runtime: <c>wasm_engine_new_with_args</c>'s allocator options.
/// </summary>
/// <remarks>
/// WAMR's engine is a process-wide singleton: the options apply when the runtime is created, i.e. by the first engine
/// while none exists. Creating an <see cref="Engine"/> with a non-default configuration while the runtime exists already
/// is refused with an <see cref="InvalidOperationException"/> rather than silently ignored.
/// </remarks>
public sealed class Config
{
    /// <summary>The default configuration: the system allocator.</summary>
    public Config()
    {
    }

    /// <summary>Where WAMR allocates.</summary>
    public MemoryAllocatorKind Allocator { get; private set; } = MemoryAllocatorKind.System;

    /// <summary>The pool size in bytes, for <see cref="MemoryAllocatorKind.Pool"/>.</summary>
    public uint PoolSize { get; private set; }

    /// <summary>The malloc function, for <see cref="MemoryAllocatorKind.Custom"/>.</summary>
    public nint MallocFunction { get; private set; }

    /// <summary>The realloc function, for <see cref="MemoryAllocatorKind.Custom"/>.</summary>
    public nint ReallocFunction { get; private set; }

    /// <summary>The free function, for <see cref="MemoryAllocatorKind.Custom"/>.</summary>
    public nint FreeFunction { get; private set; }

    /// <summary>Use the C library's allocator (the default).</summary>
    /// <returns>This configuration.</returns>
    public Config WithSystemAllocator()
    {
        Allocator = MemoryAllocatorKind.System;
        PoolSize = 0;
        MallocFunction = ReallocFunction = FreeFunction = 0;
        return this;
    }

    /// <summary>Make WAMR allocate everything from one pool of <paramref name="sizeInBytes"/> bytes.</summary>
    /// <remarks>The pool lives as long as WAMR's runtime uses it; modules and instances that do not fit fail to load.</remarks>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sizeInBytes"/> is below 64 KiB.</exception>
    public Config WithPool(uint sizeInBytes)
    {
        if (sizeInBytes < 64 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(sizeInBytes), sizeInBytes, "a WAMR pool needs at least 64 KiB");
        }

        WithSystemAllocator();
        Allocator = MemoryAllocatorKind.Pool;
        PoolSize = sizeInBytes;
        return this;
    }

    /// <summary>
    /// Make WAMR allocate with your functions: unmanaged function pointers with C's signatures
    /// <c>void* malloc(uint32_t size)</c>, <c>void* realloc(void* ptr, uint32_t size)</c>, <c>void free(void* ptr)</c>
    /// (e.g. <c>(nint)(delegate* unmanaged&lt;uint, void*&gt;)&amp;MyMalloc</c>). They must stay valid while WAMR runs.
    /// </summary>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentException">A pointer is zero.</exception>
    public Config WithAllocator(nint malloc, nint realloc, nint free)
    {
        if (malloc == 0 || realloc == 0 || free == 0)
        {
            throw new ArgumentException("malloc, realloc and free must all be function pointers");
        }

        WithSystemAllocator();
        Allocator = MemoryAllocatorKind.Custom;
        MallocFunction = malloc;
        ReallocFunction = realloc;
        FreeFunction = free;
        return this;
    }

    /// <summary>A copy, so that an engine keeps the configuration it was created with when the caller changes this one.</summary>
    internal Config Snapshot() => new()
    {
        Allocator = Allocator,
        PoolSize = PoolSize,
        MallocFunction = MallocFunction,
        ReallocFunction = ReallocFunction,
        FreeFunction = FreeFunction,
    };

    /// <inheritdoc/>
    public override string ToString() => Allocator switch
    {
        MemoryAllocatorKind.Pool => $"pool of {PoolSize} bytes",
        MemoryAllocatorKind.Custom => "custom allocator",
        _ => "system allocator",
    };
}
