using Spectra.Studies.SingleImage;

namespace Spectra.Tests.Studies;

public class SingleImageTests(ITestOutputHelper output)
{
    private const int H = 64, W = 64;

    private static InMemorySource Images(int count, Func<SeededRandom, int, double[]> make, int seed)
    {
        var x = new double[count * H * W];
        var random = new SeededRandom(seed);
        for (var i = 0; i < count; i++) make(random, i).CopyTo(x, i * H * W);
        var names = Enumerable.Range(0, count).Select(i => $"img{i}.png").ToArray();
        return new InMemorySource(x, count, H * W, rowIds: names, name: "folder");
    }

    private static double[] Iid(SeededRandom random, int _) => Enumerable.Range(0, H * W).Select(_ => random.NextDouble()).ToArray();

    private static double[] Separable(SeededRandom random, int _)
    {
        var u = Enumerable.Range(0, H).Select(_ => random.NextDouble()).ToArray();
        var v = Enumerable.Range(0, W).Select(_ => random.NextDouble()).ToArray();
        var x = new double[H * W];
        for (var y = 0; y < H; y++) for (var c = 0; c < W; c++) x[y * W + c] = u[y] * v[c];
        return x;
    }

    /// <summary>
    /// Two independent random blocks on disjoint rows and columns, each column centred within its block
    /// (so that centring the whole column, a rank-one change that would couple the blocks, does nothing):
    /// the singular values of the two blocks superpose without interacting.
    /// </summary>
    private static double[] BlockDiagonal(SeededRandom random, int _)
    {
        var x = new double[H * W];
        for (var c = 0; c < W; c++)
        {
            var rows = c < W / 2 ? Enumerable.Range(0, H / 2) : Enumerable.Range(H / 2, H / 2);
            var values = rows.Select(_ => random.NextNormal()).ToArray();
            var mean = values.Average();
            var i = 0;
            foreach (var y in rows) x[y * W + c] = values[i++] - mean;
        }
        return x;
    }

    private void Log(SingleImageResult r)
    {
        foreach (var o in r.Orders)
            output.WriteLine($"k={o.Order} n={o.Count} ⟨r̃⟩={o.Mean:F4}±{o.StandardError:F4} GOE {o.GoeMean:F4}±{o.GoeStandardError:F4} Poisson {o.PoissonMean:F4} z={o.Z:F2}");
        output.WriteLine(r.Summary);
    }

    [Fact]
    public void IID_random_images_are_GOE_like_at_every_order()
    {
        var result = SingleImageStudy.Run(Images(12, Iid, 1), H, W, new SingleImageOptions { Seed = 2 });
        Log(result);
        Assert.Equal(12, result.Used);
        Assert.Equal(64, result.Columns);
        // 64 × 64 column-centred: rank 63.
        Assert.All(result.PerImage, i => Assert.Equal(63, i.NonZeroLevels));
        var first = result.Orders[0];
        Assert.True(Math.Abs(first.Mean - 0.5307) <= 3 * first.StandardError + 0.01, $"⟨r̃⟩ = {first.Mean} ± {first.StandardError}");
        Assert.Equal(4, result.Orders.Count);
        Assert.Null(result.DepartureOrder);
        Assert.Contains("GOE-like at every order", result.Summary);
    }

    [Fact]
    public void A_separable_image_refuses_with_not_enough_levels()
    {
        var e = Assert.Throws<SpectraException>(() => SingleImageStudy.Run(Images(1, Separable, 3), H, W));
        Assert.Equal(SpectraErrorKind.NotEnoughData, e.Kind);
        Assert.Contains("not enough levels", e.Message);
        Assert.Contains("1 non-zero", e.Message);
    }

    [Fact]
    public void Separable_images_in_a_folder_are_skipped_with_the_reason()
    {
        var result = SingleImageStudy.Run(Images(6, (r, i) => i % 3 == 0 ? Separable(r, i) : Iid(r, i), 4), H, W);
        Assert.Equal(6, result.Images);
        Assert.Equal(4, result.Used);
        Assert.Equal(new[] { "img0.png", "img3.png" }, result.PerImage.Where(p => p.Skipped is not null).Select(p => p.Name));
        Assert.All(result.PerImage.Where(p => p.Skipped is not null), p => Assert.StartsWith("not enough levels", p.Skipped));
    }

    [Fact]
    public void Superposed_blocks_depart_from_GOE_at_nearest_neighbours()
    {
        var result = SingleImageStudy.Run(Images(12, BlockDiagonal, 5), H, W, new SingleImageOptions { Seed = 6 });
        Log(result);
        Assert.Equal(1, result.DepartureOrder);
        Assert.True(result.Orders[0].Mean < result.Orders[0].GoeMean);
    }

    /// <summary>
    /// An image built from its singular values: GOE-repelling spacings whose local scale is modulated
    /// slowly (period 24 levels, random phase), so neighbouring spacings still repel but windows of a
    /// few levels fluctuate more than GOE allows — short-range chaos, longer-range departure. The
    /// singular vectors are DCT bases without the constant vector, so centring the columns changes
    /// nothing and the singular values are exactly those built.
    /// </summary>
    private static double[] Modulated(SeededRandom random, int _)
    {
        const int n = 63;
        var goe = GoeEnsemble.Levels(n + 20, random);
        var radius = GoeEnsemble.SemicircleRadius(n + 20);
        var unfolded = goe.Select(x => (n + 20) * Spectra.References.SemicircleLaw.Cdf(x, radius)).ToArray();
        var phase = 2 * Math.PI * random.NextDouble();
        var level = 1.0;
        var s = new double[n];
        for (var i = 0; i < n; i++)
        {
            var spacing = unfolded[i + 11] - unfolded[i + 10];
            level += spacing * Math.Exp(0.6 * Math.Sin(2 * Math.PI * i / 24 + phase)) * 0.05;
            s[i] = Math.Sqrt(level);
        }
        var u = StudyData.Dct(H);
        var v = StudyData.Dct(W);
        var x = new double[H * W];
        for (var k = 0; k < n; k++)
            for (var y = 0; y < H; y++)
            {
                var a = s[k] * u[(k + 1) * H + y];
                for (var c = 0; c < W; c++) x[y * W + c] += a * v[k * W + c];
            }
        return x;
    }

    [Fact]
    public void Slowly_modulated_levels_are_GOE_like_at_short_range_and_depart_at_longer_range()
    {
        var result = SingleImageStudy.Run(Images(30, Modulated, 7), H, W, new SingleImageOptions { Seed = 8 });
        Log(result);
        Assert.False(result.Orders[0].DepartsFromGoe);
        Assert.NotNull(result.DepartureOrder);
        Assert.True(result.DepartureOrder > 1);
        Assert.Contains("departs from GOE at k", result.Summary);
    }

    [Fact]
    public void Order_references_match_known_values()
    {
        var (goe, poisson) = OrderReferences.Simulate(Enumerable.Repeat(400, 1).ToArray(), 10, 10, 4, 60, 9);
        // Poisson k-spacings are Gamma(k); r̃ of two independent ones has ⟨r̃⟩ = 2 ln 2 − 1, 1/2, 9/16, 29/48 (integrated exactly).
        var exact = new[] { 2 * Math.Log(2) - 1, 0.5, 0.5625, 29.0 / 48 };
        for (var k = 1; k <= 4; k++)
        {
            var (m, se) = poisson.Of(k);
            output.WriteLine($"Poisson k={k}: {m:F4} ± {se:F4} (exact {exact[k - 1]:F4}); GOE {goe.Of(k).Mean:F4} ± {goe.Of(k).StandardError:F4}");
            Assert.True(Math.Abs(m - exact[k - 1]) <= 4 * se, $"k = {k}: {m} ± {se} vs {exact[k - 1]}");
        }
        // GOE: k = 1 is 0.5307; k = 2 follows the surmise with β' = 4 (Tekur, Bhosale & Santhanam 2018), ⟨r̃⟩ ≈ 0.675.
        var (g1, s1) = goe.Of(1);
        var (g2, s2) = goe.Of(2);
        Assert.True(Math.Abs(g1 - 0.5307) <= 4 * s1 + 0.005, $"GOE k = 1: {g1} ± {s1}");
        Assert.True(Math.Abs(g2 - 0.675) <= 4 * s2 + 0.01, $"GOE k = 2: {g2} ± {s2}");
    }

    [Fact]
    public void Shapes_that_do_not_divide_are_clear_errors()
    {
        var e = Assert.Throws<SpectraException>(() => SingleImageStudy.Run(Images(1, Iid, 1), 60, 64));
        Assert.Equal(SpectraErrorKind.InvalidInput, e.Kind);
    }
}
