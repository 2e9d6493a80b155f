using System.Globalization;

namespace Spectra.Tests.Analysis;

/// <summary>
/// The Clauset–Shalizi–Newman tail fit against their published table (CSN 2009, Table 6.1; the data and
/// values in ../shared/conformance/powerlaw-reference), with the default x_min search.
/// </summary>
public class PowerLawReferenceTableTests
{
    [ConformanceTheory]
    // file, factor, published α, published x_min; rtol 0.1 as the powerlaw package's own tests.
    [InlineData("blackouts", 1e-3, 2.3, 230)]
    [InlineData("cities", 1e-3, 2.37, 52.46)]
    [InlineData("fires", 1, 2.2, 6324)]
    [InlineData("flares", 1, 1.79, 323)]
    [InlineData("quakes", 1e-3, 1.64, 0.794)]
    [InlineData("surnames", 1e-3, 2.5, 111.92)]
    public void Default_search_reproduces_the_published_fit(string file, double factor, double alpha, double xmin)
    {
        var values = File.ReadLines(Conformance.PathOf("powerlaw-reference", file + ".txt"))
            .Where(l => l.Trim().Length > 0).Select(l => factor * double.Parse(l, CultureInfo.InvariantCulture)).Order().ToArray();
        var o = PowerLawOptions.Default;
        var fit = ContinuousPowerLawFit.FitBest(values, o.TailMinimumCount, o.TailMaxCandidates)!;
        Assert.InRange(fit.Exponent, 0.9 * alpha, 1.1 * alpha);
        Assert.InRange(fit.XMin, 0.9 * xmin, 1.1 * xmin);
    }

    [Fact]
    public void Candidates_are_exhaustive_when_few_and_log_spaced_in_tail_count_otherwise()
    {
        var few = Enumerable.Range(1, 120).Select(i => (double)i).ToArray();
        Assert.Equal(Enumerable.Range(0, 71), ContinuousPowerLawFit.CandidateStarts(few, 50, 200));

        const int n = 200_000, minTail = 50, k = 200;
        var many = Enumerable.Range(1, n).Select(i => (double)i).ToArray();
        var starts = ContinuousPowerLawFit.CandidateStarts(many, minTail, k);
        Assert.Equal(k, starts.Count);
        Assert.Equal(0, starts[0]);
        Assert.Equal(n - minTail, starts[^1]);
        // Successive tail counts differ by the grid's ratio (n / minTail)^(1/(K − 1)) up to rounding: 4.3 % here,
        // where an even spread in rank would step n / K = 1000 levels, 20 times the shortest tail.
        var ratio = Math.Pow((double)n / minTail, 1.0 / (k - 1));
        for (var c = 1; c < k; c++)
        {
            double longer = n - starts[c - 1], shorter = n - starts[c];
            Assert.InRange(longer / shorter, 1, ratio * (1 + 1.0 / shorter) + 1e-12);
        }
    }

    [Fact]
    public void Repeated_values_enter_the_KS_distance_with_both_sides_of_their_jump()
    {
        // Copies of one value make the empirical CDF jump by (copies)/m there; the distance is the sup of
        // |F_n − F| over both one-sided limits at every distinct value, with all copies of x_min in the tail.
        double[] values = [.. Enumerable.Repeat(1.0, 20), .. Enumerable.Repeat(1.5, 10), 2, 2, 2, 3, 4, 4, 5, 7, 9, 12, 20, 20, 35];
        var fit = ContinuousPowerLawFit.FitBest(values, values.Length, 1)!;
        Assert.Equal(1.0, fit.XMin);
        var m = values.Length;
        var expectedA = 1 + m / values.Sum(Math.Log);
        Assert.Equal(expectedA, fit.Exponent, 1e-12);
        double d = 0;
        var below = 0;
        foreach (var group in values.GroupBy(v => v).OrderBy(g => g.Key))
        {
            var f = 1 - Math.Pow(group.Key, 1 - expectedA);
            var above = below + group.Count();
            d = Math.Max(d, Math.Max(Math.Abs(f - (double)below / m), Math.Abs((double)above / m - f)));
            below = above;
        }
        Assert.Equal(d, fit.KsDistance, 1e-12);
        Assert.True(d >= 20.0 / m, "the 20 copies at x_min alone put the distance at 20/m or more");
    }
}
