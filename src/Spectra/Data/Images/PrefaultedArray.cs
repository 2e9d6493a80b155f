using System.Runtime.InteropServices;

namespace Spectra.Data.Images;

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
        if (!s_available || length == 0) return array;
        fixed (T* p = array)
        {
            long start = ((long)p + Page - 1) & ~(Page - 1);
            long end = ((long)p + (long)length * sizeof(T)) & ~(Page - 1);
            if (end <= start) return array;
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
        return array;
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nint length, int advice);
}
