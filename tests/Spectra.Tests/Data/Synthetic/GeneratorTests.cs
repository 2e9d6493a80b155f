using MathNet.Numerics.LinearAlgebra;

namespace Spectra.Tests.Data.Synthetic;

public class GeneratorTests
{
    [Fact]
    public void Tridiagonal_solver_matches_dense_eigenvalues()
    {
        var r = new SeededRandom(5);
        const int n = 150;
        var d = Enumerable.Range(0, n).Select(_ => r.NextNormal() * 3).ToArray();
        var e = Enumerable.Range(0, n - 1).Select(i => i % 17 == 0 ? 0 : r.NextNormal()).ToArray();
        var dense = Matrix<double>.Build.Dense(n, n, (i, j) => i == j ? d[i] : Math.Abs(i - j) == 1 ? e[Math.Min(i, j)] : 0);
        var expected = LinearAlgebraBackends.Get().SymmetricEigenvalues(dense.ToColumnMajorArray(), n);
        var actual = TridiagonalEigenvalues.Compute(d, e);
        for (var i = 0; i < n; i++) Assert.Equal(expected[i], actual[i], 1e-10);
    }

    [Theory]
    [InlineData(300, 300)]
    [InlineData(50, 400)]
    [InlineData(1, 7)]
    [InlineData(0, 3)]
    public void Interleaved_pair_solver_is_bit_identical_to_separate_solves(int n1, int n2)
    {
        var x = n1 == 0 ? (Array.Empty<double>(), Array.Empty<double>()) : GoeEnsemble.Tridiagonal(n1, new SeededRandom(1));
        var y = GoeEnsemble.Tridiagonal(n2, new SeededRandom(2));
        var (a, b) = TridiagonalEigenvalues.ComputePair(x, y);
        Assert.Equal(TridiagonalEigenvalues.Compute(x.Item1, x.Item2), a);
        Assert.Equal(TridiagonalEigenvalues.Compute(y.Diagonal, y.OffDiagonal), b);
        var (c, d) = GoeEnsemble.LevelsPair(200, new SeededRandom(5), new SeededRandom(6));
        Assert.Equal(GoeEnsemble.Levels(200, new SeededRandom(5)), c);
        Assert.Equal(GoeEnsemble.Levels(200, new SeededRandom(6)), d);
    }

    [Fact]
    public void Tridiagonal_solver_handles_degenerate_and_tiny_matrices()
    {
        Assert.Empty(TridiagonalEigenvalues.Compute(Array.Empty<double>(), Array.Empty<double>()));
        Assert.Equal(new[] { 2.0 }, TridiagonalEigenvalues.Compute(new[] { 2.0 }, Array.Empty<double>()));
        var values = TridiagonalEigenvalues.Compute(new[] { 1.0, 1.0, 1.0 }, new[] { 0.0, 0.0 });
        Assert.Equal(new[] { 1.0, 1.0, 1.0 }, values);
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3.
        var two = TridiagonalEigenvalues.Compute(new[] { 2.0, 2.0 }, new[] { 1.0 });
        Assert.Equal(1.0, two[0], 14);
        Assert.Equal(3.0, two[1], 14);
    }

    [Fact]
    public void GOE_models_have_the_exact_second_moment()
    {
        // E[Tr H²] = n·1 + n(n − 1)·½ for both the dense and the tridiagonal model.
        const int n = 200, draws = 30;
        double dense = 0, tri = 0;
        for (var k = 0; k < draws; k++)
        {
            var h = GoeEnsemble.DenseMatrix(n, new SeededRandom(k));
            dense += h.Sum(v => v * v);
            tri += GoeEnsemble.Levels(n, new SeededRandom(1000 + k)).Sum(v => v * v);
        }
        var expected = n + n * (n - 1) / 2.0;
        // Tr H² is a sum of ~n²/2 squared normals: relative sd ≈ √(2/(n²/2))/√draws ≈ 0.13 %.
        Assert.Equal(1.0, dense / draws / expected, 0.006);
        Assert.Equal(1.0, tri / draws / expected, 0.006);
    }

    [Fact]
    public void Tridiagonal_GOE_matches_dense_GOE_draws()
    {
        const int n = 300, draws = 16;
        var dense = new double[draws];
        var tri = new double[draws];
        for (var k = 0; k < draws; k++)
        {
            var h = GoeEnsemble.DenseMatrix(n, new SeededRandom(k));
            dense[k] = SpacingRatioAnalyzer.MeanRatio(LinearAlgebraBackends.Get().SymmetricEigenvalues(h, n).AsSpan(n / 4, n / 2));
            tri[k] = SpacingRatioAnalyzer.MeanRatio(GoeEnsemble.Levels(n, new SeededRandom(500 + k)).AsSpan(n / 4, n / 2));
        }
        var se = Math.Sqrt(Variance(dense) / draws + Variance(tri) / draws);
        Assert.InRange(Math.Abs(dense.Average() - tri.Average()), 0, 2 * se);
        Assert.InRange(tri.Average(), 0.5307 - 0.02, 0.5307 + 0.02);
    }

    [Fact]
    public void GOE_central_half_ratio_matches_large_N_value()
    {
        // SCIENCE.md §6: n = 2000, central half, 10 draws → within 3 standard errors of 0.5307.
        const int n = 2000, draws = 10;
        var means = Enumerable.Range(0, draws)
            .Select(k => SpacingRatioAnalyzer.MeanRatio(GoeEnsemble.Levels(n, new SeededRandom(k)).AsSpan(n / 4, n / 2))).ToArray();
        var se = Math.Sqrt(Variance(means) / draws);
        Assert.InRange(means.Average(), 0.5307 - 3 * se, 0.5307 + 3 * se);
    }

    [Fact]
    public void Poisson_levels_have_the_Poisson_ratio()
    {
        var levels = PoissonLevels.Generate(500_000, new SeededRandom(1));
        Assert.Equal(0.3863, SpacingRatioAnalyzer.MeanRatio(levels), 0.002);
        Assert.Equal(1.0, levels[^1] / levels.Length, 0.01);
    }

    [Fact]
    public void Gaussian_source_does_not_depend_on_chunk_size()
    {
        var source = GaussianDataSource.Correlated(37, 5, 0.5, seed: 9);
        var whole = source.ToRowMajor();
        var chunked = source.ReadChunks(7).SelectMany(c => c.Values.Take(c.Rows * c.Columns)).ToArray();
        Assert.Equal(whole, chunked);
        Assert.Equal(whole, GaussianDataSource.Correlated(37, 5, 0.5, seed: 9).ReadChunks(100).Single().Values);
        Assert.NotEqual(whole, GaussianDataSource.Correlated(37, 5, 0.5, seed: 10).ToRowMajor());
        Assert.Equal(Math.Pow(3, -1.5), source.PopulationSpectrum[2], 15);
        Assert.Equal(whole[5 * 3 + 2], source.ToMatrix()[3, 2]);
        Assert.Equal("synthetic", source.Header.Kind);
    }

    [Fact]
    public void Correlated_source_has_its_population_variances()
    {
        var source = GaussianDataSource.Correlated(40_000, 4, 1.0, seed: 2);
        var x = source.ToRowMajor();
        for (var j = 0; j < 4; j++)
        {
            var variance = Enumerable.Range(0, source.Samples).Average(i => x[i * 4 + j] * x[i * 4 + j]);
            var expected = Math.Pow(j + 1, -2.0);
            Assert.Equal(1.0, variance / expected, 0.03);
        }
    }

    [Fact]
    public void White_Wishart_is_symmetric_with_unit_diagonal_on_average()
    {
        var w = WhiteWishart.Matrix(2000, 30, new SeededRandom(4));
        for (var i = 0; i < 30; i++)
            for (var j = 0; j < 30; j++)
                Assert.Equal(w[i * 30 + j], w[j * 30 + i]);
        var diag = Enumerable.Range(0, 30).Average(i => w[i * 30 + i]);
        Assert.Equal(1.0, diag, 0.02);
    }

    [Fact]
    public void Generators_reject_bad_sizes()
    {
        Assert.Throws<SpectraException>(() => GoeEnsemble.Levels(0, new SeededRandom(1)));
        Assert.Throws<SpectraException>(() => PoissonLevels.Generate(-1, new SeededRandom(1)));
        Assert.Throws<SpectraException>(() => GaussianDataSource.Uncorrelated(0, 3, 1));
        Assert.Throws<SpectraException>(() => GaussianDataSource.Correlated(3, 3, -1, 1));
        Assert.Throws<SpectraException>(() => WhiteWishart.Matrix(3, 0, new SeededRandom(1)));
    }

    private static double Variance(double[] x)
    {
        var m = x.Average();
        return x.Sum(v => (v - m) * (v - m)) / (x.Length - 1);
    }
}
