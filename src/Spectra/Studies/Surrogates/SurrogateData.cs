namespace Spectra.Studies.Surrogates;

/// <summary>Builds surrogate values from real rows (row-major M × d); each draw has its own seeded stream.</summary>
internal static class SurrogateData
{
    public static double[] Make(SurrogateKind kind, ReadOnlySpan<double> rowMajor, int rows, int features, int seed, int draw)
    {
        var x = rowMajor.ToArray();
        var random = SeededRandom.ForStream(seed, draw * 2 + (int)kind);
        switch (kind)
        {
            case SurrogateKind.ColumnShuffled:
                for (var j = 0; j < features; j++)
                    for (var i = rows - 1; i > 0; i--)
                    {
                        var k = random.NextInt(i + 1);
                        (x[i * features + j], x[k * features + j]) = (x[k * features + j], x[i * features + j]);
                    }
                break;
            case SurrogateKind.RowPermuted:
                for (var r = 0; r < rows; r++)
                {
                    var row = x.AsSpan(r * features, features);
                    for (var i = features - 1; i > 0; i--)
                    {
                        var k = random.NextInt(i + 1);
                        (row[i], row[k]) = (row[k], row[i]);
                    }
                }
                break;
            default:
                throw new SpectraException(SpectraErrorKind.InvalidOption, $"unknown surrogate kind {kind}");
        }
        return x;
    }

    /// <summary>The name of a kind in results and on the command line.</summary>
    public static string Key(SurrogateKind kind) => kind switch
    {
        SurrogateKind.ColumnShuffled => "column_shuffled",
        _ => "row_permuted",
    };
}
