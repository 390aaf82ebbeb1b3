namespace Wamr;

/// <summary>Usage of WAMR's memory pool (<c>mem_alloc_info_t</c>), when the runtime allocates from a pool.</summary>
/// <param name="TotalSize">The pool's usable size in bytes.</param>
/// <param name="FreeSize">Bytes currently free.</param>
/// <param name="HighMark">The most bytes ever in use at once.</param>
public readonly record struct PoolStatistics(uint TotalSize, uint FreeSize, uint HighMark)
{
    /// <summary>Bytes currently in use.</summary>
    public uint UsedSize => TotalSize - FreeSize;
}
