namespace Spectra.Tests.Pipeline;

public class SpectrumPipelineTests
{
    private static SpectrumComputation Run(double[] x, int rows, int cols, SpectrumOptions? o = null, string?[]? labels = null) =>
        SpectrumPipeline.Run(new InMemorySource(x, rows, cols, labels: labels), o ?? new SpectrumOptions { Realisations = 0 });

    [Theory]
    [InlineData(200, 30)]   // M > d: the covariance is decomposed
    [InlineData(25, 60)]    // M < d: the Gram matrix is decomposed
    public void Gram_and_covariance_non_zero_spectra_coincide(int rows, int cols)
    {
        var x = TestMatrices.RandomRows(rows, cols, 17, offset: 2);
        var cov = Run(x, rows, cols, new SpectrumOptions { Matrix = MatrixRequest.Covariance, Realisations = 0 }).Spectrum;
        var gram = Run(x, rows, cols, new SpectrumOptions { Matrix = MatrixRequest.Gram, Realisations = 0 }).Spectrum;
        Assert.Equal(MatrixKind.Covariance, cov.Provenance.Requested);
        Assert.Equal(MatrixKind.Gram, gram.Provenance.Requested);
        Assert.Equal(cols, cov.Count);
        Assert.Equal(rows, gram.Count);
        Assert.Equal(Math.Min(rows - 1, cols), cov.NonZero.Count);
        Assert.Equal(cov.NonZero.Count, gram.NonZero.Count);
        // M λ_C = d λ_G for every non-zero level.
        var scaledGram = gram.NonZero.Select(v => v * cols / rows).ToArray();
        Assert.True(TestMatrices.MaxRelativeDifference(cov.NonZero, scaledGram) < 1e-10);
        // Both were computed from the smaller matrix.
        var smaller = rows < cols ? MatrixKind.Gram : MatrixKind.Covariance;
        Assert.Equal(smaller, cov.Provenance.Computed);
        Assert.Equal(smaller, gram.Provenance.Computed);
    }

    [Fact]
    public void Covariance_matches_an_independent_dense_decomposition()
    {
        const int rows = 150, cols = 20;
        var x = TestMatrices.RandomRows(rows, cols, 5);
        var spectrum = Run(x, rows, cols, new SpectrumOptions { Matrix = MatrixRequest.Covariance, Realisations = 0 }).Spectrum;
        var expected = Spectra.LinearAlgebra.ManagedBackend.Instance.SymmetricEigenvalues(TestMatrices.TwoPassCovariance(x, rows, cols), cols);
        Assert.True(TestMatrices.MaxRelativeDifference(spectrum.All, expected) < 1e-10);
    }

    [Fact]
    public void Fewer_samples_than_features_counts_zero_modes_and_is_flagged()
    {
        const int rows = 12, cols = 40;
        var x = TestMatrices.RandomRows(rows, cols, 8);
        var s = Run(x, rows, cols, new SpectrumOptions { Matrix = MatrixRequest.Covariance, Realisations = 0 }).Spectrum;
        Assert.True(s.Provenance.FewerSamplesThanFeatures);
        Assert.Equal(cols - rows + 1, s.ZeroModes); // rank ≤ M − 1 after centring
    }

    [Fact]
    public void NaN_names_the_row_and_column_and_drop_row_counts_it()
    {
        var x = TestMatrices.RandomRows(50, 4, 1);
        x[17 * 4 + 2] = double.NaN;
        var source = new InMemorySource(x, 50, 4, new[] { "a", "b", "c", "d" }, name: "table.csv");
        var e = Assert.Throws<SpectraException>(() => SpectrumPipeline.Run(source, new SpectrumOptions { Realisations = 0 }));
        Assert.Contains("NaN in row 17, column 'c'", e.Message);
        Assert.Equal("table.csv", e.File);
        Assert.Contains("drop", e.Hint);

        var dropped = SpectrumPipeline.Run(new InMemorySource(x, 50, 4), new SpectrumOptions
        {
            Realisations = 0,
            Preprocess = new PreprocessOptions { NonFinite = NonFinitePolicy.DropRow },
        });
        Assert.Equal(49, dropped.Spectrum.Provenance.Samples);
        Assert.Equal(1, dropped.Spectrum.Provenance.DroppedRows);
    }

    [Fact]
    public void Too_few_samples_and_no_features_are_clear_errors()
    {
        var e = Assert.Throws<SpectraException>(() => Run(new double[] { 1, 2, 3 }, 1, 3));
        Assert.Equal(SpectraErrorKind.NotEnoughData, e.Kind);
        e = Assert.Throws<SpectraException>(() => Run(Array.Empty<double>(), 5, 0));
        Assert.Contains("d = 0", e.Message);
        e = Assert.Throws<SpectraException>(() => InMemorySource.FromRows(new[] { new double[3], new double[2] }));
        Assert.Contains("ragged", e.Message);
    }

    [Fact]
    public void Exact_duplicate_rows_are_counted_and_named()
    {
        const int cols = 5;
        var x = TestMatrices.RandomRows(40, cols, 3);
        Array.Copy(x, 2 * cols, x, 30 * cols, cols);
        Array.Copy(x, 2 * cols, x, 31 * cols, cols);
        Array.Copy(x, 7 * cols, x, 39 * cols, cols);
        var ids = Enumerable.Range(0, 40).Select(i => $"img{i:D2}.png").ToArray();
        var result = SpectrumPipeline.Run(new InMemorySource(x, 40, cols, rowIds: ids), new SpectrumOptions { Realisations = 0 });
        Assert.Equal(3, result.Duplicates.Count);
        Assert.Equal(3.0 / 40, result.Duplicates.Rate, 12);
        Assert.Equal(new DuplicatePair("img02.png", "img30.png"), result.Duplicates.Examples[0]);
        Assert.Equal(new DuplicatePair("img07.png", "img39.png"), result.Duplicates.Examples[2]);
    }

    [Fact]
    public void Spectra_of_8_bit_pixels_are_the_same_bits_however_the_rows_are_chunked()
    {
        // Integer sums do not depend on the split; the float path's would (in the last digits). (The
        // eigensolver's own rounding may depend on its thread count, so that stays fixed here; the sums'
        // independence of threads is tested on the accumulator.)
        if (!Spectra.LinearAlgebra.ByteRankKUpdate.IsSupported) return; // the float path is tested elsewhere
        const int rows = 700, cols = 40;
        var rng = new Random(12);
        var x = Enumerable.Range(0, rows * cols).Select(_ => rng.Next(256) * (1.0 / 255)).ToArray();
        SpectrumComputation R(int chunk) => SpectrumPipeline.Run(new InMemorySource(x, rows, cols),
            new SpectrumOptions { Realisations = 3, Seed = 5, ChunkRows = chunk });
        var reference = R(64);
        Assert.Equal(Spectra.LinearAlgebra.ByteRankKUpdate.Name, reference.Spectrum.Provenance.Backend.RankKUpdate);
        foreach (var chunk in new[] { 7, 333, 700 })
        {
            var other = R(chunk);
            Assert.Equal(reference.Spectrum.All, other.Spectrum.All);
            for (var k = 0; k < 3; k++) Assert.Equal(reference.Realisations[k].All, other.Realisations[k].All);
        }
    }

    [Fact]
    public void Realisations_are_seeded_subsamples_independent_of_chunking()
    {
        const int rows = 400, cols = 16;
        var x = TestMatrices.RandomRows(rows, cols, 10);
        SpectrumComputation R(int seed, int chunk) => SpectrumPipeline.Run(new InMemorySource(x, rows, cols),
            new SpectrumOptions { Realisations = 3, Seed = seed, ChunkRows = chunk });
        var a = R(1, 50);
        var b = R(1, 77);
        var c = R(2, 50);
        Assert.Equal(3, a.Realisations.Count);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(a.Realisations[k].Provenance.Samples, b.Realisations[k].Provenance.Samples);
            Assert.True(TestMatrices.MaxRelativeDifference(a.Realisations[k].All, b.Realisations[k].All) < 1e-12);
            Assert.InRange(a.Realisations[k].Provenance.Samples, 150, 250); // Bernoulli(½) of 400 rows
        }
        Assert.NotEqual(a.Realisations[0].All, c.Realisations[0].All);
    }

    [Fact]
    public void Per_label_spectra_come_from_each_class_rows_only()
    {
        const int cols = 6;
        var x = TestMatrices.RandomRows(120, cols, 6);
        var labels = Enumerable.Range(0, 120).Select(i => i % 3 == 0 ? "a" : "b").ToArray();
        var result = Run(x, 120, cols, new SpectrumOptions { Realisations = 0, PerLabel = true }, labels);
        Assert.Equal(new[] { "a", "b" }, result.PerLabel.Keys);
        Assert.Equal(40, result.PerLabel["a"].Provenance.Samples);
        var aRows = Enumerable.Range(0, 120).Where(i => i % 3 == 0).SelectMany(i => x.Skip(i * cols).Take(cols)).ToArray();
        var expected = Run(aRows, 40, cols).Spectrum;
        Assert.True(TestMatrices.MaxRelativeDifference(result.PerLabel["a"].All, expected.All) < 1e-10);
    }

    [Fact]
    public void The_callers_rows_are_never_modified_though_chunks_are_centred_in_place()
    {
        var x = TestMatrices.RandomRows(90, 7, 4, offset: 5);
        x[10 * 7 + 1] = double.PositiveInfinity;
        var copy = (double[])x.Clone();
        var o = new SpectrumOptions { Realisations = 2, PerLabel = true, ChunkRows = 16, Preprocess = new PreprocessOptions { NonFinite = NonFinitePolicy.DropRow } };
        var labels = Enumerable.Range(0, 90).Select(i => i % 2 == 0 ? "a" : "b").ToArray();
        var first = SpectrumPipeline.Run(new InMemorySource(x, 90, 7, labels: labels), o);
        Assert.Equal(copy, x);
        // Reading the same source twice gives the same spectrum: nothing the source keeps was overwritten.
        var source = new InMemorySource(x, 90, 7, labels: labels);
        var a = SpectrumPipeline.Run(source, o).Spectrum.All;
        var b = SpectrumPipeline.Run(source, o).Spectrum.All;
        Assert.Equal(a, b);
        Assert.Equal(first.Spectrum.All, a);
        Assert.Equal(89, first.Spectrum.Provenance.Samples);
    }

    [Theory]
    [InlineData(3)]   // the rows outgrow the features (d = 8) in the third chunk: two held chunks are folded in then
    [InlineData(8)]   // the first chunk fills the hold limit exactly
    [InlineData(50)]  // one chunk, past the limit at once
    public void Accumulators_started_once_rows_outgrow_features_give_the_spectra_of_their_rows(int chunkRows)
    {
        // Rows are held while they number no more than the features, and the covariance accumulators are
        // made only when they outgrow them, from the held rows first. Each spectrum must then still be the
        // spectrum of exactly its rows: all of them, each realisation's subsample, each label's rows.
        const int rows = 50, cols = 8;
        var x = TestMatrices.RandomRows(rows, cols, 23, offset: 3);
        var labels = Enumerable.Range(0, rows).Select(i => i % 3 == 0 ? "a" : "b").ToArray();
        var o = new SpectrumOptions { Realisations = 3, PerLabel = true, ChunkRows = chunkRows, Seed = 7 };
        var result = Run(x, rows, cols, o, labels);
        double[] Subset(Func<int, bool> keep) => Enumerable.Range(0, rows).Where(keep).SelectMany(i => x.Skip(i * cols).Take(cols)).ToArray();
        void Same(IReadOnlyList<double> actual, Func<int, bool> keep)
        {
            var sub = Subset(keep);
            var expected = Run(sub, sub.Length / cols, cols, new SpectrumOptions { Realisations = 0, ChunkRows = rows }).Spectrum.All;
            Assert.True(TestMatrices.MaxRelativeDifference(actual, expected) < 1e-10);
        }
        Same(result.Spectrum.All, _ => true);
        Assert.Equal(3, result.Realisations.Count);
        for (var k = 0; k < 3; k++)
        {
            var realisation = k;
            Same(result.Realisations[k].All, i => SpectrumPipeline.Subsets(o).Blocks.Contains(realisation, i));
        }
        Same(result.PerLabel["a"].All, i => labels[i] == "a");
        Same(result.PerLabel["b"].All, i => labels[i] == "b");
    }

    [Fact]
    public void Realisations_that_would_not_fit_the_accumulator_memory_are_left_out_with_a_note()
    {
        const int cols = 8;
        long each = 8L * cols * cols + 32L * cols; // the co-moment and its vectors
        var x = TestMatrices.RandomRows(40, cols, 31);
        var source = new InMemorySource(x, 40, cols);
        // Two blocks, their merge and two realisations solved together fit (whatever the thread count); four blocks do not.
        var fewer = SpectrumPipeline.Run(source, new SpectrumOptions { Realisations = 5, MaxAccumulatorBytes = 5 * each + 7 });
        Assert.Equal(2, fewer.Realisations.Count);
        Assert.Contains(fewer.Source.Notes, n => n.StartsWith("2 of 5 realisations: they are halves of 2 row blocks rather than 6, each block a 8 × 8 covariance"));
        var all = SpectrumPipeline.Run(new InMemorySource(x, 40, cols), new SpectrumOptions { Realisations = 5, MaxAccumulatorBytes = 12 * each });
        Assert.Equal(5, all.Realisations.Count);
        // The main accumulator is a merge of 2 blocks here and of 6 there: the same sums up to round-off.
        Assert.True(TestMatrices.MaxRelativeDifference(all.Spectrum.All, fewer.Spectrum.All) < 1e-12);

        // Not even the covariance fits: one clear error once the rows outgrow the features, none before.
        var e = Assert.Throws<SpectraException>(() => SpectrumPipeline.Run(new InMemorySource(x, 40, cols), new SpectrumOptions { MaxAccumulatorBytes = each - 1 }));
        Assert.Equal(SpectraErrorKind.LimitExceeded, e.Kind);
        Assert.Contains("the covariance of 8 features needs", e.Message);
        Assert.Contains("Gram", e.Hint);
        var gram = SpectrumPipeline.Run(new InMemorySource(x[..(cols * cols)], cols, cols), new SpectrumOptions { Realisations = 2, MaxAccumulatorBytes = each - 1 });
        Assert.Equal(cols, gram.Spectrum.Provenance.Samples);

        // Per-label covariances count too: three labels and the main accumulator need four.
        var labels = Enumerable.Range(0, 40).Select(i => "abc"[i % 3].ToString()).ToArray();
        var perLabel = new SpectrumOptions { Realisations = 0, PerLabel = true, MaxAccumulatorBytes = 3 * each };
        e = Assert.Throws<SpectraException>(() => SpectrumPipeline.Run(new InMemorySource(x, 40, cols, labels: labels), perLabel));
        Assert.Contains("a covariance for class 'c' would make 4 accumulators of 8 × 8", e.Message);
        var fits = SpectrumPipeline.Run(new InMemorySource(x, 40, cols, labels: labels), perLabel with { MaxAccumulatorBytes = 4 * each });
        Assert.Equal(new[] { "a", "b", "c" }, fits.PerLabel.Keys);
    }

    [Fact]
    public void Provenance_records_backend_timings_and_preprocessing()
    {
        var x = TestMatrices.RandomRows(60, 8, 2);
        var s = Run(x, 60, 8).Spectrum.Provenance;
        Assert.NotEqual("none", s.Backend.Name);
        Assert.True(s.Centered);
        Assert.False(s.Standardized);
        Assert.Contains("solve", s.TimingsMs.Keys);
        Assert.Equal(60, s.Samples);
        Assert.Equal(8, s.Features);
    }
}
