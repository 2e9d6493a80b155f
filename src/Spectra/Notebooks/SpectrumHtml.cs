using static Spectra.Notebooks.NotebookHtml;

namespace Spectra.Notebooks;

/// <summary>A spectrum on its own: counts, range, provenance and the rank–eigenvalue plot.</summary>
internal static class SpectrumHtml
{
    public static string Spectrum(EigenSpectrum s) =>
        Table(Rows(s)) + Charts(new[] { AnalyzerCharts.Rank(new[] { ("eigenvalues λ_i", s.Descending()) }, "Rank–eigenvalue (log–log)") });

    public static string Dataset(DatasetSpectrum d)
    {
        var s = d.Spectrum;
        var src = d.Computation.Source;
        var rows = Rows(s).ToList();
        rows.Insert(0, ("input", $"{src.Path} ({src.Kind}{(src.Files > 0 ? $", {src.Files} files" : "")}{(src.Skipped.Count > 0 ? $", {Spectra.Data.SkippedItem.Describe(src.Skipped.Count, src.Kind)}" : "")})"));
        rows.Add(("duplicate rows", I(d.Computation.Duplicates.Count)));
        var spectra = new List<(string, double[])> { ("all samples", s.Descending()) };
        spectra.AddRange(d.PerClass.Select(p => ($"class {p.Key}", p.Value.Descending())));
        var sb = new StringBuilder(Table(rows));
        sb.Append(Charts(new[] { AnalyzerCharts.Rank(spectra, d.PerClass.Count > 0 ? "Rank–eigenvalue, all samples and per class" : "Rank–eigenvalue (log–log)") }));
        return sb.ToString();
    }

    private static IEnumerable<(string, string)> Rows(EigenSpectrum s)
    {
        var p = s.Provenance;
        yield return ("matrix", $"{DatasetSpectrum.Lower(p.Requested)} (computed as {DatasetSpectrum.Lower(p.Computed)}), {p.Samples} samples × {p.Features} features");
        yield return ("preprocessing", $"centred {(p.Centered ? "yes" : "no")}, standardised {(p.Standardized ? "yes" : "no")}, {p.DroppedFeatures.Count} features dropped, {p.DroppedRows} rows dropped");
        yield return ("eigenvalues", $"{s.Count} ({s.ZeroModes} zero modes below {G(s.ZeroThreshold)})");
        if (s.NonZero.Count > 0) yield return ("non-zero range", $"{G(s.NonZero[0])} … {G(s.NonZero[^1])}");
        yield return ("backend", $"{p.Backend.Name} ({p.Backend.Library})");
    }
}
