namespace Wamr;

/// <summary>Where WAMR's runtime allocates its memory (<c>mem_alloc_type_t</c>).</summary>
public enum MemoryAllocatorKind
{
    /// <summary>The C library's malloc (<c>Alloc_With_System_Allocator</c>, WAMR's default).</summary>
    System,

    /// <summary>A fixed pool the façade allocates once (<c>Alloc_With_Pool</c>): everything WAMR allocates comes from it.</summary>
    Pool,

    /// <summary>Functions the embedder supplies (<c>Alloc_With_Allocator</c>).</summary>
    Custom,
}
