using Spectra.Studies.Surrogates;

namespace Spectra.Tests.Studies;

public class SurrogateTests(ITestOutputHelper output)
{
    private const int M = 1024, D = 128;

    [Fact]
    public void Shuffles_keep_the_marginals_they_promise()
    {
        var x = StudyData.RotatedCgd(50, 12, 0.5, 1);
        var cols = SurrogateData.Make(SurrogateKind.ColumnShuffled, x, 50, 12, 7, 0);
        var rows = SurrogateData.Make(SurrogateKind.RowPermuted, x, 50, 12, 7, 0);
        for (var j = 0; j < 12; j++)
            Assert.Equal(Enumerable.Range(0, 50).Select(r => x[r * 12 + j]).Order(), Enumerable.Range(0, 50).Select(r => cols[r * 12 + j]).Order());
        for (var r = 0; r < 50; r++)
            Assert.Equal(x.AsSpan(r * 12, 12).ToArray().Order(), rows.AsSpan(r * 12, 12).ToArray().Order());
        Assert.NotEqual(x, cols);
        Assert.NotEqual(x, rows);
        Assert.Equal(cols, SurrogateData.Make(SurrogateKind.ColumnShuffled, x, 50, 12, 7, 0));
        Assert.NotEqual(cols, SurrogateData.Make(SurrogateKind.ColumnShuffled, x, 50, 12, 8, 0));
    }

    [Fact]
    public void Correlated_data_sits_far_from_its_column_shuffled_surrogate()
    {
        var data = DataMatrix.FromRows(StudyData.RotatedCgd(M, D, 1.0, 3), M, D);
        var result = SurrogateStudy.Run(data, new SurrogateOptions { Seed = 5, Kinds = new[] { SurrogateKind.ColumnShuffled } });
        Log(result);
        var alpha = result.Statistics.Single(s => s.Statistic == "alpha");
        var entropy = result.Statistics.Single(s => s.Statistic == "normalized_entropy");
        var ratio = result.Statistics.Single(s => s.Statistic == "mean_ratio");
        // Shuffling columns of rotated data leaves independent features of nearly equal variance:
        // a flat, Marchenko–Pastur-like spectrum (α far below the real 1, entropy near 1).
        Assert.InRange(alpha.Real!.Value, 0.85, 1.15);
        Assert.True(alpha.Surrogates[0].Surrogate.Mean < 0.3, $"surrogate α {alpha.Surrogates[0].Surrogate.Mean}");
        Assert.True(alpha.Surrogates[0].ZScore > 10);
        Assert.True(entropy.Surrogates[0].Surrogate.Mean > 0.9);
        Assert.True(entropy.Real < 0.6);
        // Both are Wishart matrices: their levels repel, so ⟨r̃⟩ is GOE-like for the data and its surrogate alike.
        Assert.InRange(ratio.Real!.Value, 0.5307 - 3 * ratio.RealStandardError!.Value, 0.5307 + 3 * ratio.RealStandardError.Value);
        Assert.InRange(ratio.Surrogates[0].Surrogate.Mean!.Value, 0.49, 0.57);
    }

    [Fact]
    public void Independent_features_are_their_own_column_shuffled_surrogate()
    {
        // Diagonal CGD has independent features already: shuffling columns changes the draw, not the law.
        var data = DataMatrix.FromRows(GaussianDataSource.Correlated(M, D, 1.0, 4).ToRowMajor(), M, D);
        var result = SurrogateStudy.Run(data, new SurrogateOptions { Seed = 6, Draws = 4, Kinds = new[] { SurrogateKind.ColumnShuffled } });
        Log(result);
        foreach (var name in new[] { "alpha", "normalized_entropy" })
        {
            var s = result.Statistics.Single(x => x.Statistic == name);
            var c = s.Surrogates[0];
            Assert.True(Math.Abs(s.Real!.Value - c.Surrogate.Mean!.Value) <= 4 * c.Surrogate.StandardDeviation!.Value + 0.02,
                $"{name}: real {s.Real} vs surrogate {c.Surrogate.Mean} ± {c.Surrogate.StandardDeviation}");
        }
    }

    [Fact]
    public void Same_seed_same_result()
    {
        var data = DataMatrix.FromRows(StudyData.RotatedCgd(300, 40, 0.5, 9), 300, 40);
        var options = new SurrogateOptions { Seed = 21, Draws = 2 };
        var a = SurrogateStudy.Run(data, options);
        var b = SurrogateStudy.Run(data, options);
        Assert.Equal(a.Draws.Select(d => d.Statistics), b.Draws.Select(d => d.Statistics));
        Assert.Equal(4, a.Draws.Count);
        var c = SurrogateStudy.Run(data, options with { Seed = 22 });
        Assert.NotEqual(a.Draws.Select(d => d.Statistics.Alpha), c.Draws.Select(d => d.Statistics.Alpha));
    }

    private void Log(SurrogateResult result)
    {
        foreach (var s in result.Statistics)
            output.WriteLine($"{s.Statistic}: real {s.Real} | " + string.Join(" | ",
                s.Surrogates.Select(c => $"{c.Kind} {c.Surrogate.Mean} ± {c.Surrogate.StandardDeviation} z={c.ZScore} pos={c.PositionTowardGoe}")));
    }
}
