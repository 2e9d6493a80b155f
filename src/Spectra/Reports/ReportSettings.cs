using Spectra.Spectrum.Unfolding;

namespace Spectra.Reports;

/// <summary>
/// How <see cref="ReportBuilder"/> analyses a spectrum. <see cref="Light"/> skips what a bootstrap
/// replicate does not need (the power law's own bootstrap and tail fit, the form factor).
/// </summary>
public sealed record ReportSettings
{
    public int KTop { get; init; } = 10;
    public int KBottom { get; init; } = 10;
    public UnfoldingOptions Unfolding { get; init; } = UnfoldingOptions.Default;
    public int Seed { get; init; }
    public bool Light { get; init; }
    public string ToolVersion { get; init; } = "";
    public IReadOnlyDictionary<string, string> Options { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}
