using System.Runtime.InteropServices;

namespace Spectra.Tests.Data.Parquet;

/// <summary>
/// The 2000 × 64 embedding files: both layouts (a fixed-size-list column by arrow-rs, 64 DOUBLE
/// columns by DuckDB) give exactly the raw float32 matrix, and the covariance spectrum of the
/// spiked one has its three outliers above the Marchenko–Pastur edge, the Gaussian one none.
/// </summary>
public sealed class GeneratedEmbeddingTests
{
    private const int M = 2000, D = 64;

    private static float[] Raw(string kind) =>
        MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(ParquetTestRead.Generated($"embeddings_{kind}_n2000_d64.f32le"))).ToArray();

    private static double[] FromList(string kind)
    {
        var rows = ParquetTestRead.Lists(ParquetTestRead.Generated($"embeddings_{kind}_n2000_d64.fsl.arrowrs_zstd_v2.parquet"), "embedding");
        Assert.Equal(M, rows.Length);
        var x = new double[M * D];
        for (int i = 0; i < M; i++)
        {
            Assert.Equal(D, rows[i]!.Length);
            for (int j = 0; j < D; j++) x[i * D + j] = rows[i]![j]!.Value;
        }
        return x;
    }

    private static double[] FromWide(string kind)
    {
        string path = ParquetTestRead.Generated($"embeddings_{kind}_n2000_d64.wide64.duckdb_snappy_v1.parquet");
        var x = new double[M * D];
        for (int j = 0; j < D; j++)
        {
            var col = ParquetTestRead.Flat(path, "x" + j);
            for (int i = 0; i < M; i++) x[i * D + j] = col[i]!.Value;
        }
        return x;
    }

    [ConformanceTheory]
    [InlineData("gaussian")]
    [InlineData("spiked")]
    public void Both_layouts_equal_the_raw_float32_matrix(string kind)
    {
        var raw = Raw(kind);
        var list = FromList(kind);
        var wide = FromWide(kind);
        for (int k = 0; k < M * D; k++)
        {
            Assert.Equal((double)raw[k], list[k]);
            Assert.Equal((double)raw[k], wide[k]);
        }
    }

    [ConformanceTheory]
    [InlineData("gaussian", "wide64.duckdb_snappy_v1", 333)]
    [InlineData("spiked", "wide64.duckdb_snappy_v1", 4096)]
    [InlineData("spiked", "fsl.arrowrs_zstd_v2", 333)]
    public void Through_the_source_rows_equal_the_raw_float32_matrix(string kind, string layout, int chunk)
    {
        // The source's transposes (eight float columns at a time, any chunk length) and list copies, value for value.
        var raw = Raw(kind);
        var options = layout.StartsWith("wide", StringComparison.Ordinal) ? new Spectra.Data.Parquet.ParquetSourceOptions { Columns = ["x*"] } : null;
        var source = new Spectra.Data.Parquet.ParquetSource(ParquetTestRead.Generated($"embeddings_{kind}_n2000_d64.{layout}.parquet"), options);
        Assert.Equal(D, source.Features);
        int i = 0;
        foreach (var c in source.ReadChunks(chunk))
            for (int r = 0; r < c.Rows; r++, i++)
            {
                var row = c.Row(r);
                for (int j = 0; j < D; j++) Assert.Equal((double)raw[i * D + j], row[j]);
            }
        Assert.Equal(M, i);
    }

    /// <summary>Eigenvalues of C = Xcᵀ Xc / M, two-pass (means first), ascending.</summary>
    internal static double[] CovarianceSpectrum(double[] x, int m, int d)
    {
        var mean = new double[d];
        for (int i = 0; i < m; i++) for (int j = 0; j < d; j++) mean[j] += x[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= m;
        var c = new double[d * d];
        var row = new double[d];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < d; j++) row[j] = x[i * d + j] - mean[j];
            for (int a = 0; a < d; a++) for (int b = 0; b <= a; b++) c[a * d + b] += row[a] * row[b];
        }
        for (int a = 0; a < d; a++) for (int b = 0; b <= a; b++) c[b * d + a] = c[a * d + b] /= m;
        return ManagedBackend.Instance.SymmetricEigenvalues(c, d);
    }

    [ConformanceTheory]
    [InlineData("gaussian", 0)]
    [InlineData("spiked", 3)]
    public void Outliers_above_the_Marchenko_Pastur_edge(string kind, int expectedOutliers)
    {
        var eig = CovarianceSpectrum(FromList(kind), M, D);
        double sigma2 = eig.Sum() / D;                       // trace / d
        double q = (double)D / M;
        double edge = sigma2 * Math.Pow(1 + Math.Sqrt(q), 2);
        int above = eig.Count(l => l > edge);
        Assert.Equal(expectedOutliers, above);
        if (kind == "spiked")
        {
            // Population spikes 6, 4, 3 against unit noise: the sample outliers sit near ℓ(1 + q/(ℓ−1)) (BBP), well clear of the edge.
            var top = eig.OrderByDescending(l => l).Take(3).ToArray();
            Assert.InRange(top[0], 5.0, 7.2);
            Assert.InRange(top[1], 3.3, 4.8);
            Assert.InRange(top[2], 2.5, 3.7);
        }
    }
}
