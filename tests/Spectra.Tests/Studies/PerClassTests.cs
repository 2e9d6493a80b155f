using Spectra.Studies.PerClass;

namespace Spectra.Tests.Studies;

public class PerClassTests(ITestOutputHelper output)
{
    private const int D = 256, PerClass = 1024;

    /// <summary>Two classes of correlated Gaussian data; with <paramref name="disjoint"/> each lives on its own half of the features.</summary>
    private static InMemorySource Mixture(double alphaA, double alphaB, bool disjoint, int seed)
    {
        var half = disjoint ? D / 2 : D;
        var a = GaussianDataSource.Correlated(PerClass, half, alphaA, seed).ToRowMajor();
        var b = disjoint ? GaussianDataSource.Correlated(PerClass, half, alphaB, seed + 1).ToRowMajor() : StudyData.RotatedCgd(PerClass, D, alphaB, seed + 1);
        var x = new double[2 * PerClass * D];
        var labels = new string?[2 * PerClass];
        for (var r = 0; r < PerClass; r++)
        {
            a.AsSpan(r * half, half).CopyTo(x.AsSpan((2 * r) * D, half));
            b.AsSpan(r * half, half).CopyTo(x.AsSpan((2 * r + 1) * D + (D - half), half));
            labels[2 * r] = "cats";
            labels[2 * r + 1] = "dogs";
        }
        return new InMemorySource(x, 2 * PerClass, D, labels: labels, name: "mixture");
    }

    private void Log(PerClassResult r)
    {
        foreach (var c in r.Classes.Prepend(r.Pooled))
            output.WriteLine($"{c.Label}: M={c.Samples} ⟨r̃⟩={c.Statistics.MeanRatio:F4}±{c.Statistics.MeanRatioStandardError:F4} pos={c.Statistics.RatioPosition:F3} α={c.Statistics.Alpha:F3} {c.Verdict.Class} (z_GOE {c.Verdict.ZGoe:F1}, z_Poisson {c.Verdict.ZPoisson:F1})");
        output.WriteLine($"drop {r.RatioDrop} ± {r.RatioDropStandardError}; mixing {r.Mixing}: {r.Warning}");
    }

    [Fact]
    public void Classes_on_separate_features_are_flagged_as_mixing()
    {
        var result = PerClassStudy.Run(Mixture(0.5, 0.6, disjoint: true, seed: 31));
        Log(result);
        Assert.Equal(new[] { "cats", "dogs" }, result.Classes.Select(c => c.Label));
        Assert.All(result.Classes, c => Assert.True(c.Verdict.ZGoe >= -3, $"{c.Label}: z_GOE {c.Verdict.ZGoe}"));
        Assert.NotEqual(Verdict.GoeLike, result.Pooled.Verdict.Class);
        // Two interleaved independent GOE spectra: ⟨r̃⟩ well below GOE, on the Poisson side of the midpoint.
        Assert.InRange(result.Pooled.Statistics.RatioPosition!.Value, -0.3, 0.6);
        Assert.True(result.Mixing);
        Assert.Contains("mixing", result.Warning);
    }

    [Fact]
    public void Classes_sharing_the_features_are_not_mixing()
    {
        var result = PerClassStudy.Run(Mixture(0.5, 1.0, disjoint: false, seed: 41));
        Log(result);
        Assert.Equal(Verdict.GoeLike, result.Pooled.Verdict.Class);
        Assert.False(result.Mixing);
        Assert.Null(result.Warning);
    }

    [Fact]
    public void Data_without_labels_is_a_clear_error()
    {
        var source = new InMemorySource(GaussianDataSource.Uncorrelated(50, 8, 1).ToRowMajor(), 50, 8, name: "plain");
        var e = Assert.Throws<SpectraException>(() => PerClassStudy.Run(source));
        Assert.Equal(SpectraErrorKind.NotEnoughData, e.Kind);
        Assert.Contains("labels", e.Message);
    }
}
