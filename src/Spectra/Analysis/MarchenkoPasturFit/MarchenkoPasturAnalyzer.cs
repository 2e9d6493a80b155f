namespace Spectra.Analysis.MarchenkoPasturFit;

/// <summary>
/// The spectrum against the Marchenko–Pastur law of uncorrelated data of the same shape. For a
/// covariance (d × d from M samples) q = d / M; for a Gram matrix (M × M, divided by d) the roles
/// swap and q = M / d. The sample count shrinks by one when the data were centred.
/// </summary>
internal sealed class MarchenkoPasturAnalyzer() : SpectrumAnalyzer<MarchenkoPasturOptions, MarchenkoPasturResult>("marchenko_pastur")
{
    protected override void Validate(MarchenkoPasturOptions options)
    {
        if (!(options.SignificanceLevel > 0 && options.SignificanceLevel < 1))
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"the significance level must be in (0, 1) (got {options.SignificanceLevel})");
        if (options.Bins < 2) throw new SpectraException(SpectraErrorKind.InvalidOption, $"MP density bins must be ≥ 2 (got {options.Bins})");
    }

    protected override AnalyzerOutcome<MarchenkoPasturResult> Run(AnalysisInput input, MarchenkoPasturOptions options)
    {
        var prov = input.Spectrum.Provenance;
        var covariance = prov.Requested == MatrixKind.Covariance;
        double rows = covariance ? prov.Samples : prov.Features;
        double cols = covariance ? prov.Features : prov.Samples;
        var effectiveRows = rows - (prov.Centered && covariance ? 1 : 0);
        if (effectiveRows < 2 || cols < 1)
            return AnalyzerOutcome<MarchenkoPasturResult>.NotApplicable("the Marchenko–Pastur law needs the sample and feature counts of the data (provenance)");
        var levels = input.Spectrum.NonZero.ToArray();
        if (levels.Length < 2) return AnalyzerOutcome<MarchenkoPasturResult>.NotEnough("the Marchenko–Pastur comparison", levels.Length, 2);

        var q = cols / effectiveRows;
        var unit = new MarchenkoPastur(q, 1.0);
        double sigma2;
        switch (options.Method)
        {
            case NoiseVarianceMethod.Fixed:
                sigma2 = options.SigmaSquared ?? throw new SpectraException(SpectraErrorKind.InvalidOption, "the fixed noise variance needs a σ² value");
                if (!(sigma2 > 0) || !double.IsFinite(sigma2)) throw new SpectraException(SpectraErrorKind.InvalidOption, $"σ² must be positive (got {sigma2})");
                break;
            case NoiseVarianceMethod.Trace:
                sigma2 = input.Spectrum.All.Sum() / input.Spectrum.Count;
                break;
            default:
                sigma2 = Statistics.Quantile(levels, 0.5) / unit.NonZeroMedian();
                break;
        }
        if (!(sigma2 > 0)) return AnalyzerOutcome<MarchenkoPasturResult>.NotApplicable("the noise variance estimate is not positive");
        var law = new MarchenkoPastur(q, sigma2);

        int above = 0, below = 0;
        double ks = 0;
        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i] > law.UpperEdge) above++;
            if (levels[i] < law.LowerEdge) below++;
            var f = law.NonZeroCdf(levels[i]);
            ks = Math.Max(ks, Math.Max((i + 1.0) / levels.Length - f, f - (double)i / levels.Length));
        }
        var bins = options.Bins;
        var top = 1.5 * law.UpperEdge;
        var hist = Histogram.Build(levels, 0, top, bins);
        var centers = new double[bins];
        var theory = new double[bins];
        var width = top / bins;
        for (var b = 0; b < bins; b++)
        {
            centers[b] = (b + 0.5) * width;
            theory[b] = (law.NonZeroCdf((b + 1) * width) - law.NonZeroCdf(b * width)) / width;
        }

        var (center, scale) = TracyWidom.WishartCentering(effectiveRows, cols);
        var largest = levels[^1];
        var statistic = (effectiveRows * largest / sigma2 - center) / scale;
        var p = TracyWidom.Survival(statistic);
        var tw = new TracyWidomTest(largest, statistic, p, options.SignificanceLevel, p < options.SignificanceLevel);
        return AnalyzerOutcome<MarchenkoPasturResult>.Ok(new MarchenkoPasturResult(q, sigma2, options.Method, law.LowerEdge, law.UpperEdge,
            levels.Length, above, below, (double)(levels.Length - above - below) / levels.Length, ks, centers, hist.Density, theory, tw));
    }
}
