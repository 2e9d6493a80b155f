using Spectra.Studies.Attribution;

namespace Spectra.Tests.Studies;

public class AttributionTests
{
    private const int M = 600, D = 64, Copies = 25;
    private static readonly int[] Block = Enumerable.Range(40, 8).ToArray();
    private const int ConstantFeature = 63;

    /// <summary>
    /// Correlated background (α = 0.5) with three plants: 25 exact copies of one atypical row (a
    /// duplicated image), a block of 8 features that carry one shared value per row (a uniform border,
    /// a copied column), and one feature that is constant everywhere.
    /// </summary>
    private static (InMemorySource Source, int[] DuplicateRows) Planted(int seed)
    {
        var x = GaussianDataSource.Correlated(M, D, 0.5, seed).ToRowMajor();
        var random = new SeededRandom(seed + 1);
        for (var r = 0; r < M; r++)
        {
            var c = 2 * random.NextNormal();
            foreach (var j in Block) x[r * D + j] = c;
            x[r * D + ConstantFeature] = 5.0;
        }
        var order = Enumerable.Range(0, M).ToArray();
        random.Shuffle(order, M);
        var dups = order.Take(Copies).Order().ToArray();
        var pattern = new double[D];
        for (var j = 0; j < D; j++) pattern[j] = 2 * random.NextNormal();
        foreach (var j in Block) pattern[j] = 0.5;
        pattern[ConstantFeature] = 5.0;
        foreach (var r in dups) pattern.CopyTo(x, r * D);
        var names = Enumerable.Range(0, D).Select(j => $"f{j}").ToArray();
        var ids = Enumerable.Range(0, M).Select(i => $"img_{i:D4}.png").ToArray();
        return (new InMemorySource(x, M, D, names, rowIds: ids, name: "planted"), dups);
    }

    [Fact]
    public void Planted_feature_block_ranks_first_on_the_top_eigenvector()
    {
        var (source, _) = Planted(11);
        var result = AttributionStudy.Run(source, new AttributionOptions { Components = 2, TopLoadings = 8 });
        var top = result.Components[0];
        Assert.Equal(1, top.Rank);
        Assert.Equal(Block.Select(j => $"f{j}").Order(), top.TopFeatures.Select(f => f.Name).Order());
        // A vector spread evenly over 8 features has IPR 1/8.
        Assert.InRange(top.ParticipatingFeatures, 7.0, 9.0);
        Assert.True(top.FeatureConcentration > 0.95, $"concentration {top.FeatureConcentration}");
        Assert.Contains(top.Notes, n => n.Contains("localised on a few features"));
    }

    [Fact]
    public void Planted_duplicates_rank_first_among_samples()
    {
        var (source, dups) = Planted(12);
        var result = AttributionStudy.Run(source, new AttributionOptions { Components = 2, TopLoadings = Copies });
        var dupComponent = result.Components[1];
        Assert.Equal(dups.Select(r => $"img_{r:D4}.png"), dupComponent.TopSamples.Select(s => s.Name).Order());
        Assert.Equal(dups.Select(r => (long)r), dupComponent.TopSamples.Select(s => s.Index).Order());
        Assert.Equal(Copies, dupComponent.IdenticalTopSamples);
        Assert.Contains(dupComponent.Notes, n => n.Contains("exact copies"));
        Assert.Equal(1, result.ConstantFeatureCount);
        Assert.Equal(new[] { "f63" }, result.ConstantFeatures);
    }

    [Fact]
    public void Eigenpairs_match_the_spectrum_and_the_covariance()
    {
        var (source, _) = Planted(13);
        var result = AttributionStudy.Run(source, new AttributionOptions { FirstRank = 1, LastRank = 4, TopLoadings = D });
        var spectrum = SpectrumPipeline.Run(source, new SpectrumOptions { Matrix = MatrixRequest.Covariance, Realisations = 0 }).Spectrum;
        var descending = spectrum.Descending();
        for (var c = 0; c < 4; c++)
            Assert.Equal(descending[c], result.Components[c].Eigenvalue, descending[c] * 1e-9);
        Assert.Equal(spectrum.NonZero.Sum(), result.TotalVariance, result.TotalVariance * 1e-9);

        // C v = λ v with C built here by the two-pass textbook formula.
        var x = new double[M * D];
        var chunk = source.ReadChunks(M).Single();
        chunk.Values.AsSpan(0, M * D).CopyTo(x);
        var mean = new double[D];
        for (var r = 0; r < M; r++) for (var j = 0; j < D; j++) mean[j] += x[r * D + j] / M;
        foreach (var comp in result.Components)
        {
            var v = new double[D];
            foreach (var f in comp.TopFeatures) v[f.Index] = f.Loading;
            var cv = new double[D];
            for (var r = 0; r < M; r++)
            {
                double s = 0;
                for (var j = 0; j < D; j++) s += (x[r * D + j] - mean[j]) * v[j];
                for (var i = 0; i < D; i++) cv[i] += (x[r * D + i] - mean[i]) * s / M;
            }
            for (var i = 0; i < D; i++) Assert.Equal(comp.Eigenvalue * v[i], cv[i], 1e-9 * comp.Eigenvalue);
        }
    }

    [Fact]
    public void Scores_are_projections_whose_squares_sum_to_M_lambda()
    {
        var (source, _) = Planted(14);
        var result = AttributionStudy.Run(source, new AttributionOptions { Components = 1, TopLoadings = M });
        var comp = result.Components[0];
        Assert.Equal(M, comp.TopSamples.Count);
        Assert.Equal(M * comp.Eigenvalue, comp.TopSamples.Sum(s => s.Score * s.Score), M * comp.Eigenvalue * 1e-9);
        Assert.Equal(1.0, comp.SampleConcentration, 12);
    }

    [Fact]
    public void Bad_ranges_and_non_finite_rows_are_clear_errors()
    {
        var (source, _) = Planted(15);
        var e = Assert.Throws<SpectraException>(() => AttributionStudy.Run(source, new AttributionOptions { FirstRank = 65 }));
        Assert.Equal(SpectraErrorKind.InvalidOption, e.Kind);
        var bad = new double[3 * 4];
        bad[5] = double.NaN;
        var nan = Assert.Throws<SpectraException>(() => AttributionStudy.Run(new InMemorySource(bad, 3, 4, name: "nan.bin")));
        Assert.Contains("row 1", nan.Message);
        Assert.Equal("nan.bin", nan.File);
        var big = Assert.Throws<SpectraException>(() => AttributionStudy.Run(source, new AttributionOptions { MaxFeatures = 32 }));
        Assert.Equal(SpectraErrorKind.LimitExceeded, big.Kind);
    }
}
