namespace Spectra.Analysis.PowerLaw;

/// <summary>
/// The bulk power law λ_i ∝ i^-(1+α): OLS of ln λ_i on ln i (ranks largest first), a pairs-bootstrap
/// confidence interval, the sensitivity to the range (upper rank halved / doubled), and the
/// independent Clauset–Shalizi–Newman estimate from the eigenvalue density's tail.
/// </summary>
internal sealed class PowerLawAnalyzer() : SpectrumAnalyzer<PowerLawOptions, PowerLawResult>("power_law")
{
    protected override void Validate(PowerLawOptions options) => options.Validate();

    protected override AnalyzerOutcome<PowerLawResult> Run(AnalysisInput input, PowerLawOptions options)
    {
        var descending = input.Spectrum.Descending();
        var n = descending.Length;
        var start = options.StartRank ?? input.Bulk.KTop + 1;
        var end = Math.Min(n, options.EndRank ?? n / 2);
        var points = end - start + 1;
        if (points < options.MinimumPoints)
            return AnalyzerOutcome<PowerLawResult>.NotEnough($"the power-law fit over ranks {start}…{end}", Math.Max(0, points), options.MinimumPoints);

        var (x, y) = LogPairs(descending, start, end);
        var fit = LineFit.Of(x, y);
        var alpha = -fit.Slope - 1;
        var (low, high) = Bootstrap(x, y, options, new SeededRandom(input.Seed));

        var bulkEnd = Math.Max(start, n - input.Bulk.KBottom);
        var sensitivity = new List<RangeSensitivity>();
        AddSensitivity(sensitivity, "halved", descending, start, start + (end - start) / 2, options.MinimumPoints);
        AddSensitivity(sensitivity, "doubled", descending, start, Math.Min(bulkEnd, start + 2 * (end - start)), options.MinimumPoints);
        var spread = sensitivity.Count == 0 ? 0 : sensitivity.Max(s => Math.Abs(s.Alpha - alpha));

        PowerLawTailFit? tail = null;
        if (options.TailFit)
        {
            var olsSigma = (high - low) / (2 * Z(options.ConfidenceLevel));
            if (!(olsSigma > 0)) olsSigma = fit.SlopeStandardError;
            tail = Tail(input.Spectrum.NonZero.ToArray(), alpha, olsSigma, options, SeededRandom.ForStream(input.Seed, 1));
        }
        return AnalyzerOutcome<PowerLawResult>.Ok(new PowerLawResult(n, start, end, points, alpha, fit.Slope, fit.Intercept, fit.RSquared,
            fit.SlopeStandardError, options.ConfidenceLevel, low, high, options.BootstrapSamples, sensitivity, spread, tail));
    }

    /// <summary>α of ranks start…end alone (no bootstrap); used by the sensitivity and by callers tracking α against M.</summary>
    public static double FitAlpha(double[] descending, int start, int end)
    {
        var (x, y) = LogPairs(descending, start, end);
        return -LineFit.Of(x, y).Slope - 1;
    }

    private static (double[] X, double[] Y) LogPairs(double[] descending, int start, int end)
    {
        var m = end - start + 1;
        var x = new double[m];
        var y = new double[m];
        for (var k = 0; k < m; k++)
        {
            var rank = start + k;
            x[k] = Math.Log(rank);
            y[k] = Math.Log(descending[rank - 1]);
        }
        return (x, y);
    }

    private static void AddSensitivity(List<RangeSensitivity> list, string name, double[] descending, int start, int end, int minimum)
    {
        if (end - start + 1 < minimum) return;
        list.Add(new RangeSensitivity(name, start, end, FitAlpha(descending, start, end)));
    }

    private static (double Low, double High) Bootstrap(double[] x, double[] y, PowerLawOptions options, SeededRandom random)
    {
        var b = options.BootstrapSamples;
        var fit = LineFit.Of(x, y);
        if (b == 0) return (-fit.Slope - 1, -fit.Slope - 1);
        var m = x.Length;
        var bx = new double[m];
        var by = new double[m];
        var alphas = new double[b];
        for (var k = 0; k < b; k++)
        {
            for (var i = 0; i < m; i++)
            {
                var j = random.NextInt(m);
                bx[i] = x[j];
                by[i] = y[j];
            }
            alphas[k] = -LineFit.Of(bx, by).Slope - 1;
        }
        Array.Sort(alphas);
        var tailMass = (1 - options.ConfidenceLevel) / 2;
        return (Statistics.Quantile(alphas, tailMass), Statistics.Quantile(alphas, 1 - tailMass));
    }

    private static PowerLawTailFit? Tail(double[] ascending, double olsAlpha, double olsSigma, PowerLawOptions options, SeededRandom random)
    {
        var fit = ContinuousPowerLawFit.FitBest(ascending, options.TailMinimumCount, options.TailMaxCandidates);
        if (fit is null || !(fit.Exponent > 1) || !double.IsFinite(fit.Exponent)) return null;
        var p = ContinuousPowerLawFit.GoodnessOfFit(ascending, fit, options.TailBootstrapSamples, options.TailMinimumCount,
            options.TailMaxCandidates, random);
        var a = fit.Exponent;
        var se = fit.StandardError;
        var implied = 1 / (a - 1) - 1;
        // Delta method: dα/da = −1/(a − 1)².
        var impliedSe = se / ((a - 1) * (a - 1));
        var z = Z(options.ConfidenceLevel);
        var aLow = a - z * se;
        var aHigh = a + z * se;
        double? alphaHigh = aLow > 1 ? 1 / (aLow - 1) - 1 : null;
        double? alphaLow = 1 / (aHigh - 1) - 1;
        var agrees = Math.Abs(olsAlpha - implied) <= Math.Max(0.1, 2 * Math.Sqrt(olsSigma * olsSigma + impliedSe * impliedSe));
        return new PowerLawTailFit(a, se, fit.XMin, fit.TailCount, fit.KsDistance, p, options.TailBootstrapSamples, implied,
            Statistics.Finite(impliedSe), alphaLow, alphaHigh, agrees);
    }

    private static double Z(double confidence) =>
        MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + confidence / 2);
}
