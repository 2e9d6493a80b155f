namespace Spectra.Matrices;

/// <summary>A dense symmetric n × n matrix, column-major, both triangles filled.</summary>
public sealed class SymmetricMatrix
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
    internal static void MirrorLower(double[] a, int n)
    {
        for (var col = 0; col < n; col++)
            for (var row = col + 1; row < n; row++)
                a[row * n + col] = a[col * n + row];
    }
}
