namespace Spectra.Tests.Data.Parquet;

/// <summary>data-samples/embeddings/embeddings.parquet reads as DuckDB, its writer, summarised it.</summary>
public sealed class DataSampleTests
{
    private static string Sample(string file) => Path.Combine(Conformance.ProjectRoot, "data-samples", "embeddings", file);

    [Fact]
    public void Embedding_sample_matches_the_writers_summary()
    {
        var summary = JsonDocument.Parse(File.ReadAllText(Sample("embeddings.summary.json"))).RootElement;
        var source = new ParquetSource(Sample("embeddings.parquet"), new ParquetSourceOptions { ListColumn = "embedding", LabelColumn = "label" });
        Assert.Equal(32, source.Features);
        var sums = new double[32];
        var counts = new Dictionary<string, int>();
        double[]? first = null;
        int rows = 0;
        foreach (var chunk in source.ReadChunks(128))
            for (int i = 0; i < chunk.Rows; i++)
            {
                var row = chunk.Row(i);
                first ??= row.ToArray();
                for (int j = 0; j < 32; j++) sums[j] += row[j];
                string label = chunk.Labels![i]!;
                counts[label] = counts.GetValueOrDefault(label) + 1;
                rows++;
            }
        Assert.Equal(summary.GetProperty("rows").GetInt32(), rows);
        foreach (var p in summary.GetProperty("labels").EnumerateObject()) Assert.Equal(p.Value.GetInt32(), counts[p.Name]);
        Assert.Equal(summary.GetProperty("firstRow").EnumerateArray().Select(e => e.GetDouble()).ToArray(), first);
        var expected = summary.GetProperty("columnSums").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        // float32 values summed in double: the two summation orders agree to far better than 1e-9 relative.
        for (int j = 0; j < 32; j++) Assert.Equal(expected[j], sums[j], 1e-9 * Math.Max(1, Math.Abs(expected[j])));
    }
}
