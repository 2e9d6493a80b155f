namespace Spectra.Data.Parquet;

/// <summary>
/// Decoded-column buffers handed from one read to the next: the next row group, the next file of a
/// folder, the next read of the same table (a notebook, a baseline). Touching freshly mapped memory
/// costs more than decoding into it (page faults), so warm buffers are reused. Entries are held
/// weakly: the garbage collector may take them back whenever memory is needed.
/// </summary>
internal static class ColumnBuffers
{
    private const int MaxEntries = 4096;
    private static readonly List<WeakReference<Array>> Free = new();

    /// <summary>An array of at least <paramref name="length"/> elements and at most twice that; contents are undefined.</summary>
    public static T[] Rent<T>(int length) where T : unmanaged
    {
        if (length == 0) return Array.Empty<T>();
        lock (Free)
        {
            for (int i = Free.Count - 1; i >= 0; i--)
            {
                if (!Free[i].TryGetTarget(out var a))
                {
                    Free.RemoveAt(i);
                    continue;
                }
                if (a is T[] t && t.Length >= length && t.Length / 2 <= length)
                {
                    Free.RemoveAt(i);
                    return t;
                }
            }
        }
        // Large buffers are mapped in one call rather than faulted in page by page.
        return (long)length * Unsafe.SizeOf<T>() >= LargeBytes ? PrefaultedArray.Create<T>(length) : GC.AllocateUninitializedArray<T>(length);
    }

    public static void Return(Array? array)
    {
        if (array is null || array.Length < 1024) return;
        lock (Free)
        {
            if (Free.Count >= MaxEntries) Free.RemoveAt(0);
            Free.Add(new WeakReference<Array>(array));
        }
    }

    private const long LargeBytes = 256 << 10;

    /// <summary>
    /// Scratch for one read (page bytes, levels, indices) from the shared array pool, whose
    /// power-of-two buckets let a page buffer serve as the next chunk's read window; a large array
    /// (pages run to 100 MB) is mapped in one call the first time it is handed out.
    /// </summary>
    public static T[] RentScratch<T>(int length) where T : unmanaged
    {
        var array = System.Buffers.ArrayPool<T>.Shared.Rent(length);
        return (long)length * Unsafe.SizeOf<T>() >= LargeBytes ? PrefaultedArray.Prefault(array) : array;
    }

    /// <summary>Gives back an array from <see cref="RentScratch{T}"/>.</summary>
    public static void ReturnScratch<T>(T[] array) where T : unmanaged
    {
        if (array.Length > 0) System.Buffers.ArrayPool<T>.Shared.Return(array);
    }

    /// <summary>Returns every buffer of a decoded column.</summary>
    public static void Return(ParquetColumnData? data)
    {
        if (data is null) return;
        Return(data.Singles);
        Return(data.DoubleStorage);
        Return(data.NullBuffer);
        Return(data.Offsets);
        Return(data.RowIsNull);
    }
}
