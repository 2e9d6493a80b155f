namespace Spectra.Matrices;

/// <summary>
/// Column-wise passes over a row-major block (rows × d), element by element in row order, so the
/// results equal the plain loops bit for bit whatever the vector width. Compiled optimised at their
/// first call: a stream's first chunk would otherwise run them unoptimised over megabytes.
/// </summary>
internal static class RowBlock
{
    /// <summary>sums[j] = Σ_r block[r, j], added in row order from zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SumRows(ReadOnlySpan<double> block, int rows, int d, Span<double> sums)
    {
        if (block.Length < (long)rows * d || sums.Length < d) throw new ArgumentException("block or sums shorter than their dimensions");
        sums[..d].Clear();
        for (int r = 0; r < rows; r++) Add(sums[..d], block.Slice(r * d, d));
    }

    /// <summary>block[r, j] −= v[j] for every row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SubtractFromRows(Span<double> block, int rows, int d, ReadOnlySpan<double> v)
    {
        if (block.Length < (long)rows * d || v.Length < d) throw new ArgumentException("block or vector shorter than their dimensions");
        for (int r = 0; r < rows; r++) Subtract(block.Slice(r * d, d), v[..d]);
    }

    /// <summary>True when every value is finite (NaN and ±∞ propagate through a sum, so finite column sums clear a whole block).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var x in values)
            if (!double.IsFinite(x)) return false;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<double> acc, ReadOnlySpan<double> x)
    {
        int j = 0;
        for (; j <= acc.Length - Vector<double>.Count; j += Vector<double>.Count)
            (new Vector<double>(acc[j..]) + new Vector<double>(x[j..])).CopyTo(acc[j..]);
        for (; j < acc.Length; j++) acc[j] += x[j];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Subtract(Span<double> row, ReadOnlySpan<double> v)
    {
        int j = 0;
        for (; j <= row.Length - Vector<double>.Count; j += Vector<double>.Count)
            (new Vector<double>(row[j..]) - new Vector<double>(v[j..])).CopyTo(row[j..]);
        for (; j < row.Length; j++) row[j] -= v[j];
    }
}
