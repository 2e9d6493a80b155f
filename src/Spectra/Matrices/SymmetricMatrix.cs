namespace Spectra.Matrices;

/// <summary>A dense symmetric n × n matrix, column-major, both triangles filled.</summary>
internal sealed class SymmetricMatrix
{
    public SymmetricMatrix(int order, double[] values)
    {
        if (values.Length < (long)order * order) throw new ArgumentException("values shorter than order²");
        Order = order;
        Values = values;
    }

    public int Order { get; }
    public double[] Values { get; }
    public double this[int row, int col] => Values[col * Order + row];

    /// <summary>Copies the lower triangle onto the upper one.</summary>
    /// <remarks>
    /// In square tiles: a plain column-by-column copy writes one value per cache line along a row and,
    /// at n = 1024, takes several times as long.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static void MirrorLower(double[] a, int n)
    {
        const int Tile = 32;
        if (a.Length < (long)n * n) throw new ArgumentException("values shorter than order²");
        for (var c0 = 0; c0 < n; c0 += Tile)
            for (var r0 = c0; r0 < n; r0 += Tile)
            {
                int cEnd = Math.Min(c0 + Tile, n), rEnd = Math.Min(r0 + Tile, n);
                for (var col = c0; col < cEnd; col++)
                    for (var row = Math.Max(r0, col + 1); row < rEnd; row++)
                        a[row * n + col] = a[col * n + row];
            }
    }
}
