namespace Spectra.Analysis.Entropy;

/// <summary>Spectral (Shannon) entropy over all non-zero levels and over the bulk.</summary>
internal sealed class EntropyAnalyzer() : SpectrumAnalyzer<EntropyOptions, EntropyResult>("entropy")
{
    protected override AnalyzerOutcome<EntropyResult> Run(AnalysisInput input, EntropyOptions options)
    {
        var all = input.Spectrum.NonZero;
        if (all.Count < 2) return AnalyzerOutcome<EntropyResult>.NotEnough("the spectral entropy", all.Count, 2);
        var bulk = options.IncludeBulk && input.Bulk.Count >= 2 ? Of(input.Bulk.Levels) : null;
        return AnalyzerOutcome<EntropyResult>.Ok(new EntropyResult(Of(all), bulk));
    }

    /// <summary>Entropy of positive levels (levels ≤ 0 are ignored: they carry no variance).</summary>
    public static EntropyValue Of(IReadOnlyList<double> levels)
    {
        double total = 0;
        var n = 0;
        foreach (var v in levels)
            if (v > 0) { total += v; n++; }
        if (n == 0 || !(total > 0)) return new EntropyValue(0, 0, 0, 1);
        double s = 0;
        foreach (var v in levels)
        {
            if (v <= 0) continue;
            var p = v / total;
            s -= p * Math.Log(p);
        }
        s = Math.Max(0, s);
        return new EntropyValue(n, s, n > 1 ? s / Math.Log(n) : 0, Math.Exp(s));
    }
}
