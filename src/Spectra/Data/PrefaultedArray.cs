namespace Spectra.Data;

/// <summary>
/// Large buffers whose pages are mapped in one call (madvise MADV_POPULATE_WRITE, Linux 5.14 and later)
/// instead of one page fault per 4 KB on first touch. On a virtual machine every fault is a trap, and
/// touching megabytes of fresh memory page by page costs tens of milliseconds, several times the
/// batched call. The arrays live on the pinned heap, so their address stays what was advised. Their
/// contents are undefined: callers write before they read. Elsewhere, or when the kernel declines, the
/// pages fault in as usual.
/// </summary>
internal static unsafe partial class PrefaultedArray
{
    private const int PopulateWrite = 23; // MADV_POPULATE_WRITE
    private const long Page = 4096;

    private static bool s_available = OperatingSystem.IsLinux();

    public static T[] Create<T>(int length) where T : unmanaged
    {
        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        Populate(array);
        return array;
    }

    // Arrays from a pool that have been populated once: a reused array is mapped already.
    private static readonly ConditionalWeakTable<Array, object> Populated = new();

    /// <summary>
    /// Maps the pages of an array that may be fresh (one from a shared pool), once per array. Populating
    /// does not change the contents, so it is safe even if the collector later moves the array.
    /// </summary>
    public static T[] Prefault<T>(T[] array) where T : unmanaged
    {
        if (s_available && array.Length > 0 && !Populated.TryGetValue(array, out _))
        {
            Populate(array);
            Populated.AddOrUpdate(array, Populated);
        }
        return array;
    }

    private static void Populate<T>(T[] array) where T : unmanaged
    {
        if (!s_available || array.Length == 0) return;
        fixed (T* p = array)
        {
            long start = ((long)p + Page - 1) & ~(Page - 1);
            long end = ((long)p + (long)array.Length * sizeof(T)) & ~(Page - 1);
            if (end <= start) return;
            try
            {
                // Failure (an older kernel, a refused range) only means the pages fault in on first use.
                _ = Madvise((nint)start, (nint)(end - start), PopulateWrite);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                s_available = false;
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nint length, int advice);
}
