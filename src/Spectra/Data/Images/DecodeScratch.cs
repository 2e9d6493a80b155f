namespace Spectra.Data.Images;

/// <summary>
/// Per-thread working arrays for decodes whose result is consumed before the thread decodes again (a
/// folder read turns each image into its feature row at once). A folder of small images would otherwise
/// allocate a few kilobytes per file, and fresh memory costs a page fault on first touch plus the
/// garbage collector's clearing. Arrays above <see cref="KeepLimit"/> elements are handed out fresh and
/// not kept, so one large image does not pin its buffers to a thread for the rest of the process.
/// </summary>
internal sealed class DecodeScratch
{
    private const int KeepLimit = 1 << 20;

    [ThreadStatic] private static DecodeScratch? t_scratch;

    /// <summary>This thread's buffers.</summary>
    public static DecodeScratch Current => t_scratch ??= new DecodeScratch();

    private ushort[] _samples = [], _work = [];
    private byte[] _bytes = [], _inflated = [];

    /// <summary>The decoded image's samples (at least <paramref name="n"/>; contents undefined).</summary>
    public ushort[] Samples(long n) => Take(ref _samples, n);

    /// <summary>Intermediate samples that a final expansion (palette, transparency key) reads from.</summary>
    public ushort[] Work(long n) => Take(ref _work, n);

    /// <summary>A copy of the file's bytes or of its compressed stream.</summary>
    public byte[] Bytes(long n) => Take(ref _bytes, n);

    /// <summary>Decompressed data (PNG scanlines).</summary>
    public byte[] Inflated(long n) => Take(ref _inflated, n);

    private readonly byte[][] _planes = [[], [], []];

    /// <summary>Full-resolution colour plane <paramref name="index"/> (0..2) of an image consumed before the next decode.</summary>
    public byte[] Plane(int index, long n) => Take(ref _planes[index], n);

    private readonly ushort[][] _quant = [new ushort[64], new ushort[64], new ushort[64], new ushort[64]];

    /// <summary>Storage for JPEG quantization table <paramref name="slot"/> (0..3); a redefinition overwrites it, as it replaces the table.</summary>
    public ushort[] QuantTable(int slot) => _quant[slot];

    private static T[] Take<T>(ref T[] kept, long n)
    {
        if (n <= kept.Length) return kept;
        if (n > KeepLimit) return new T[n];
        // Doubling keeps a folder whose images grow slowly from reallocating for every file.
        kept = new T[Math.Min(KeepLimit, Math.Max(n, 2L * kept.Length))];
        return kept;
    }
}
