namespace Spectra.Data.Images;

/// <summary>
/// Where the header pass keeps small files: slices of a few large blocks, allocated as needed up to a
/// byte budget. Large blocks cost the garbage collector nothing per file, unlike thousands of small arrays.
/// </summary>
internal sealed class FileCache(long budget)
{
    private const int BlockSize = 4 << 20;
    private readonly Lock _lock = new();
    private long _left = budget;
    private byte[]? _block;
    private int _used;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Memory<byte>? TryAllocate(long n)
    {
        if (n > ImageFormats.ProbeBytes) return null;
        lock (_lock)
        {
            if (_block is null || _used + n > _block.Length)
            {
                if (_left < BlockSize) return null;
                _left -= BlockSize;
                _block = PrefaultedArray.Create<byte>(BlockSize);
                _used = 0;
            }
            var slice = _block.AsMemory(_used, (int)n);
            _used += (int)n;
            return slice;
        }
    }
}
