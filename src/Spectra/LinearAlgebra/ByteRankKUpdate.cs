namespace Spectra.LinearAlgebra;

/// <summary>
/// C += Σᵣ xᵣ xᵣᵀ for 8-bit rows, exactly, in 64-bit integers (the lower triangle of a column-major n × n):
/// sums of integers do not depend on how the rows were split, so neither does anything made from them.
/// Two kernels, one chosen by what the processor has: VNNI's multiply-add of bytes (vpdpbusd, 32 products per
/// 256-bit instruction, four rows deep) and AVX-512BW's multiply-add of 16-bit pairs (vpmaddwd, 32 products
/// per 512-bit instruction, two rows deep), against eight double products of a 512-bit fused multiply-add.
/// </summary>
/// <remarks>
/// Rows are packed into panels of <see cref="Panel"/> features, a step of a few rows per 32-bit word, so a tile
/// reads 64 contiguous bytes per step. The int32 lanes of a tile are folded into the 64-bit totals after each
/// depth block of <see cref="DepthRows"/> rows, far below 2³¹. Work items (a block of C's rows by a block of its
/// columns) are independent, and each sums its entries in the same order whatever the thread count.
/// </remarks>
internal static unsafe partial class ByteRankKUpdate
{
    private const int Panel = 16;          // features per packed panel: C's rows in one tile
    private const int DepthRows = 1024;    // rows per depth block, after which the int32 lanes are folded
    private const int BlockFeatures = 512; // C's rows and columns per work item: its packed slabs stay in L2

    /// <summary>The exact kernels, by the instruction they stand on.</summary>
    internal enum Kernel { AvxVnni, Avx512Madd }

    /// <summary>The kernels this processor has, fastest first.</summary>
    internal static IReadOnlyList<Kernel> Supported { get; } = Detect();

    private static Kernel[] Detect()
    {
        var kernels = new List<Kernel>();
        if (AvxVnni.IsSupported) kernels.Add(Kernel.AvxVnni);
        if (Avx512BW.IsSupported) kernels.Add(Kernel.Avx512Madd);
        return kernels.ToArray();
    }

    /// <summary>Whether this processor has an exact kernel.</summary>
    public static bool IsSupported => Supported.Count > 0;

    /// <summary>The kernel's name in reports (null where there is none).</summary>
    public static string? Name => IsSupported ? NameOf(Supported[0]) : null;

    internal static string NameOf(Kernel kernel) => kernel == Kernel.AvxVnni ? "avx-vnni-u8" : "avx512-madd-u8";

    /// <summary>Adds Σᵣ xᵣ xᵣᵀ of <paramref name="k"/> row-major rows of <paramref name="n"/> bytes to the lower triangle of <paramref name="c"/>.</summary>
    public static void Run(ReadOnlySpan<byte> rows, int k, int n, Span<long> c, int threads)
    {
        if (!IsSupported) throw new PlatformNotSupportedException("the exact 8-bit update needs AVX-VNNI or AVX-512BW");
        Run(rows, k, n, c, threads, Supported[0]);
    }

    /// <summary>As <see cref="Run(ReadOnlySpan{byte}, int, int, Span{long}, int)"/> with a given kernel (tests hold each to the reference).</summary>
    internal static void Run(ReadOnlySpan<byte> rows, int k, int n, Span<long> c, int threads, Kernel kernel)
    {
        if (!Supported.Contains(kernel)) throw new PlatformNotSupportedException($"this processor has no {NameOf(kernel)}");
        if (n <= 0 || k <= 0) return;
        if (rows.Length < (long)k * n || c.Length < (long)n * n) throw new ArgumentException("buffer shorter than its dimensions");
        int padded = (n + Panel - 1) / Panel * Panel;
        int steps = DepthRows / RowsPerStep(kernel);
        // Rented: a streaming run calls this once per 1024 rows.
        var packed = ArrayPool<uint>.Shared.Rent(steps * padded);
        var shifted = kernel == Kernel.AvxVnni ? ArrayPool<uint>.Shared.Rent(steps * padded) : [];
        var sums = ArrayPool<long>.Shared.Rent(padded);
        try { Run(rows, k, n, padded, c, threads, kernel, packed, shifted, sums); }
        finally
        {
            ArrayPool<uint>.Shared.Return(packed);
            if (shifted.Length > 0) ArrayPool<uint>.Shared.Return(shifted);
            ArrayPool<long>.Shared.Return(sums);
        }
    }

    private static int RowsPerStep(Kernel kernel) => kernel == Kernel.AvxVnni ? 4 : 2;

    private static void Run(ReadOnlySpan<byte> rows, int k, int n, int padded, Span<long> c, int threads, Kernel kernel, uint[] packed, uint[] shifted, long[] sums)
    {
        int perStep = RowsPerStep(kernel);
        fixed (byte* px = rows)
        fixed (long* pc = c)
        fixed (uint* pu = packed, ps = shifted)
        fixed (long* psum = sums)
        {
            nint x = (nint)px, cc = (nint)pc, u = (nint)pu, s = (nint)ps, sm = (nint)psum;
            int blocks = (n + BlockFeatures - 1) / BlockFeatures;
            // Items (row block, column block) of the lower triangle, the longest rows of C first.
            var items = new List<(int Rows, int Cols)>();
            for (int ib = blocks - 1; ib >= 0; ib--)
                for (int jb = 0; jb <= ib; jb++) items.Add((ib, jb));
            for (int first = 0; first < k; first += DepthRows)
            {
                int depth = Math.Min(DepthRows, k - first);
                int groups = (depth + perStep - 1) / perStep;
                byte* from = (byte*)x + (long)first * n;
                int panels = padded / Panel;
                new Span<long>((long*)sm, padded).Clear();
                void PackRange(int p0, int p1)
                {
                    if (kernel == Kernel.AvxVnni) Pack(from, depth, n, groups, p0, p1, (uint*)u, (uint*)s, (long*)sm);
                    else PackPairs(from, depth, n, groups, p0, p1, (uint*)u, (long*)sm);
                }
                void RunItem(int ib, int jb)
                {
                    if (kernel == Kernel.AvxVnni) Item((uint*)u, (uint*)s, (long*)sm, groups, n, padded, (long*)cc, ib, jb);
                    else ItemPairs((uint*)u, groups, n, (long*)cc, ib, jb);
                }
                if (threads <= 1 || panels < 2 * threads) PackRange(0, panels);
                else
                    // Panels are packed independently: each thread takes a contiguous range of them.
                    Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads },
                        t => PackRange(panels * t / threads, panels * (t + 1) / threads));
                if (threads <= 1 || items.Count == 1)
                    foreach (var (ib, jb) in items) RunItem(ib, jb);
                else
                    Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, t => RunItem(items[t].Rows, items[t].Cols));
            }
        }
    }

    /// <summary>The last rows or features of a step, copied into zeros: <paramref name="tail"/> takes one panel of each of the step's rows.</summary>
    private static void CopyTail(byte* r0, int n, int p, int have, Span<byte> tail)
    {
        tail.Clear();
        int width = Math.Min(Panel, n - p * Panel);
        for (int t = 0; t < have; t++)
            new ReadOnlySpan<byte>(r0 + (long)t * n + p * Panel, width).CopyTo(tail.Slice(t * Panel));
    }

    /// <summary>The same sums one product at a time: the reference the kernel is tested against.</summary>
    public static void Reference(ReadOnlySpan<byte> rows, int k, int n, Span<long> c)
    {
        for (int r = 0; r < k; r++)
        {
            var row = rows.Slice(r * n, n);
            for (int j = 0; j < n; j++)
                for (int i = j; i < n; i++) c[j * n + i] += row[i] * row[j];
        }
    }
}
