namespace Spectra.Tests.Matrices;

public class MomentAccumulatorTests
{
    private static double[] Covariance(MomentAccumulator acc) =>
        CovarianceMatrix.From(acc, PreprocessOptions.Default).Matrix.Values;

    [Theory]
    [InlineData(500, 13, 1)]
    [InlineData(500, 13, 37)]
    [InlineData(64, 80, 7)]
    public void Streaming_covariance_equals_the_two_pass_formula(int rows, int cols, int chunk)
    {
        // A large common offset makes the naive Σxxᵀ − nμμᵀ lose digits; the merge must not.
        var x = TestMatrices.RandomRows(rows, cols, 3, scale: 2, offset: 1e4);
        var acc = new MomentAccumulator(cols);
        for (var start = 0; start < rows; start += chunk)
            acc.Add(x.AsSpan(start * cols, Math.Min(chunk, rows - start) * cols), Math.Min(chunk, rows - start));
        Assert.Equal(rows, acc.Count);
        var expected = TestMatrices.TwoPassCovariance(x, rows, cols);
        Assert.True(TestMatrices.MaxRelativeDifference(Covariance(acc), expected) < 1e-12);
    }

    [Fact]
    public void Two_shards_merged_equal_one_pass()
    {
        const int cols = 24;
        var x = TestMatrices.RandomRows(900, cols, 9, offset: 3);
        var whole = new MomentAccumulator(cols);
        whole.Add(x, 900);
        var a = new MomentAccumulator(cols);
        var b = new MomentAccumulator(cols);
        a.Add(x.AsSpan(0, 350 * cols), 350);
        b.Add(x.AsSpan(350 * cols), 550);
        a.Merge(b);
        Assert.Equal(900, a.Count);
        Assert.True(TestMatrices.MaxRelativeDifference(Covariance(a), Covariance(whole)) < 1e-12);
        for (var j = 0; j < cols; j++) Assert.Equal(whole.Mean[j], a.Mean[j], 1e-12);
    }

    [Fact]
    public void Save_and_load_round_trip_is_bit_exact_and_loaded_shards_merge()
    {
        const int cols = 9;
        var x = TestMatrices.RandomRows(200, cols, 4);
        var acc = new MomentAccumulator(cols);
        acc.Add(x, 200);
        var path = Path.Combine(Path.GetTempPath(), $"spectra-acc-{Guid.NewGuid():N}.bin");
        try
        {
            AccumulatorFile.Save(acc, path);
            var back = AccumulatorFile.Load(path);
            Assert.Equal(acc.Count, back.Count);
            for (var j = 0; j < cols; j++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(acc.Mean[j]), BitConverter.DoubleToInt64Bits(back.Mean[j]));
            for (var c = 0; c < cols; c++)
                for (var r = c; r < cols; r++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(acc.CoMoment[c * cols + r]), BitConverter.DoubleToInt64Bits(back.CoMoment[c * cols + r]));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_corrupted_accumulator_file_is_refused_with_the_file_named()
    {
        var acc = new MomentAccumulator(4);
        acc.Add(TestMatrices.RandomRows(10, 4, 1), 10);
        var path = Path.Combine(Path.GetTempPath(), $"spectra-acc-{Guid.NewGuid():N}.bin");
        try
        {
            AccumulatorFile.Save(acc, path);
            var bytes = File.ReadAllBytes(path);
            bytes[40] ^= 0x10;
            File.WriteAllBytes(path, bytes);
            var e = Assert.Throws<SpectraException>(() => AccumulatorFile.Load(path));
            Assert.Contains("checksum", e.Message);
            Assert.Equal(path, e.File);

            File.WriteAllBytes(path, bytes[..100]);
            e = Assert.Throws<SpectraException>(() => AccumulatorFile.Load(path));
            Assert.Contains("header says d = 4", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Managed_and_native_accumulation_agree()
    {
        var x = TestMatrices.RandomRows(300, 20, 12);
        var native = new MomentAccumulator(20, LinearAlgebraBackends.Get());
        var managed = new MomentAccumulator(20, ManagedBackend.Instance);
        native.Add(x, 300);
        managed.Add(x, 300);
        Assert.True(TestMatrices.MaxRelativeDifference(Covariance(native), Covariance(managed)) < 1e-13);
    }

    [Fact]
    public void Standardising_gives_a_correlation_matrix_and_drops_constant_features()
    {
        const int cols = 6;
        var x = TestMatrices.RandomRows(100, cols, 2, scale: 5);
        for (var r = 0; r < 100; r++) { x[r * cols + 2] = 7.0; x[r * cols + 4] = -1.0; }
        var acc = new MomentAccumulator(cols);
        acc.Add(x, 100);
        var corr = CovarianceMatrix.From(acc, new PreprocessOptions { Standardize = true });
        Assert.Equal(new[] { 2, 4 }, corr.DroppedFeatures);
        Assert.Equal(new[] { 0, 1, 3, 5 }, corr.KeptFeatures);
        for (var i = 0; i < 4; i++) Assert.Equal(1.0, corr.Matrix[i, i], 1e-12);
        for (var i = 0; i < 4; i++) for (var j = 0; j < 4; j++) Assert.True(Math.Abs(corr.Matrix[i, j]) <= 1 + 1e-12);
    }

    [Fact]
    public void Zero_features_and_too_few_samples_are_clear_errors()
    {
        var e = Assert.Throws<SpectraException>(() => new MomentAccumulator(0));
        Assert.Contains("d = 0", e.Message);
        var acc = new MomentAccumulator(3);
        acc.Add(new double[] { 1, 2, 3 }, 1);
        e = Assert.Throws<SpectraException>(() => CovarianceMatrix.From(acc, PreprocessOptions.Default));
        Assert.Equal(SpectraErrorKind.NotEnoughData, e.Kind);
    }
}
