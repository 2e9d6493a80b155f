using FsCheck;
using FsCheck.Fluent;

namespace Spectra.Tests.Analysis;

/// <summary>Scale and permutation invariance of every headline statistic (SCIENCE.md §6, last two rows).</summary>
public class InvarianceProperties
{
    private static readonly AnalysisOptions Options = AnalysisOptions.Default with
    {
        PowerLaw = PowerLawOptions.Default with { BootstrapSamples = 50, TailBootstrapSamples = 5 },
        FiniteSize = FiniteSizeOptions.Default with { Enabled = false },
        Skip = new[] { "form_factor" },
    };

    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(15);

    /// <summary>A power-law bulk with GOE fluctuations: λ = (n + 1 − u)^-1.5 for GOE-unfolded positions u.</summary>
    private static double[] Levels(int seed)
    {
        const int n = 300;
        return FiniteSizeReferences.GoeUnfolded(n, new SeededRandom(seed)).Select(u => Math.Pow(n + 1 - Math.Clamp(u, 0.01, n), -1.5)).ToArray();
    }

    private static Dictionary<string, double> Headline(EigenSpectrum s) =>
        SpectralAnalysis.Run(s, Options).Headline().Where(m => !m.Key.StartsWith("marchenko_pastur.above", StringComparison.Ordinal))
            .ToDictionary(m => m.Key, m => m.Value);

    private static bool SameUpToScale(Dictionary<string, double> a, Dictionary<string, double> b, out string why)
    {
        why = "";
        if (!a.Keys.SequenceEqual(b.Keys)) { why = "different metrics"; return false; }
        foreach (var (k, v) in a)
        {
            if (Math.Abs(v - b[k]) > 1e-8 * Math.Max(1, Math.Abs(v))) { why = $"{k}: {v} vs {b[k]}"; return false; }
        }
        return true;
    }

    [Fact]
    public void Scaling_the_spectrum_changes_no_statistic()
    {
        var gen = Gen.Choose(0, 10_000).Zip(Gen.Choose(-600, 600));
        Check.One(Quick, Prop.ForAll(Arb.From(gen), pair =>
        {
            var (seed, exponent) = pair;
            var c = Math.Pow(10, exponent / 100.0);
            var levels = Levels(seed);
            var a = Headline(new EigenSpectrum(levels));
            var b = Headline(new EigenSpectrum(levels.Select(v => v * c)));
            return SameUpToScale(a, b, out var why).Label(why);
        }));
    }

    [Fact]
    public void Scaling_the_data_scales_the_spectrum_by_square()
    {
        // X → cX multiplies C = XᵀX/M by c², so every statistic above is unchanged too.
        var gen = Gen.Choose(1, 1000).Zip(Gen.Choose(-300, 300));
        Check.One(Quick, Prop.ForAll(Arb.From(gen), pair =>
        {
            var (seed, exponent) = pair;
            var c = Math.Pow(10, exponent / 100.0);
            var source = GaussianDataSource.Correlated(80, 30, 0.5, seed);
            var x = source.ToRowMajor();
            var a = TestSpectra.CovarianceEigenvalues(x, 80, 30);
            var b = TestSpectra.CovarianceEigenvalues(x.Select(v => v * c).ToArray(), 80, 30);
            return a.Zip(b).All(p => Math.Abs(p.First * c * c - p.Second) <= 1e-10 * c * c * a[^1]);
        }));
    }

    [Fact]
    public void Permuting_features_or_samples_leaves_the_spectrum_unchanged()
    {
        var gen = Gen.Choose(1, 1000);
        Check.One(Quick, Prop.ForAll(Arb.From(gen), seed =>
        {
            const int m = 60, d = 20;
            var x = GaussianDataSource.Correlated(m, d, 1.0, seed).ToRowMajor();
            var random = new SeededRandom(seed);
            var rows = Enumerable.Range(0, m).ToArray();
            var cols = Enumerable.Range(0, d).ToArray();
            random.Shuffle(rows, m);
            random.Shuffle(cols, d);
            var permuted = new double[m * d];
            for (var i = 0; i < m; i++)
                for (var j = 0; j < d; j++)
                    permuted[i * d + j] = x[rows[i] * d + cols[j]];
            var a = TestSpectra.CovarianceEigenvalues(x, m, d);
            var b = TestSpectra.CovarianceEigenvalues(permuted, m, d);
            return a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= 1e-12 * a[^1]);
        }));
    }

    [Fact]
    public void The_order_eigenvalues_arrive_in_does_not_matter()
    {
        var gen = Gen.Choose(0, 10_000);
        Check.One(Quick, Prop.ForAll(Arb.From(gen), seed =>
        {
            var levels = Levels(seed);
            var shuffled = (double[])levels.Clone();
            new SeededRandom(seed + 1).Shuffle(shuffled, shuffled.Length);
            var a = Headline(new EigenSpectrum(levels));
            var b = Headline(new EigenSpectrum(shuffled));
            return a.Count == b.Count && a.All(kv => kv.Value == b[kv.Key]);
        }));
    }
}
