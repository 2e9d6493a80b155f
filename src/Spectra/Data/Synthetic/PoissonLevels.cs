namespace Spectra.Data.Synthetic;

/// <summary>Uncorrelated (Poisson) levels: cumulative sums of unit-mean exponential spacings, ascending, starting above 0.</summary>
internal static class PoissonLevels
{
    public static double[] Generate(int n, SeededRandom random)
    {
        if (n < 1) throw new SpectraException(SpectraErrorKind.InvalidOption, $"Poisson levels need n ≥ 1 (got {n})");
        var levels = new double[n];
        var x = 0.0;
        for (var i = 0; i < n; i++)
        {
            x += random.NextExponential();
            levels[i] = x;
        }
        return levels;
    }
}
