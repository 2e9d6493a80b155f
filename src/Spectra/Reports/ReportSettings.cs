namespace Spectra.Reports;

/// <summary>
/// How <see cref="ReportBuilder"/> analyses a spectrum. <see cref="Light"/> skips what a bootstrap
/// replicate does not need (the power law's own bootstrap and tail fit, the form factor).
/// </summary>
internal sealed record ReportSettings
{
    public int KTop { get; init; } = BulkSelection.DefaultKTop;
    public int KBottom { get; init; } = BulkSelection.DefaultKBottom;
    public UnfoldingOptions Unfolding { get; init; } = UnfoldingOptions.Default;
    public int Seed { get; init; }
    /// <summary>Power-law fit range in ranks (1-based, largest first); null: k_top + 1 … n/2.</summary>
    public int? StartRank { get; init; }
    public int? EndRank { get; init; }
    /// <summary>GOE and Poisson draws of the data's size for the finite-size references; 0 uses the asymptotic values.</summary>
    public int ReferenceDraws { get; init; } = FiniteSizeOptions.Default.Draws;
    /// <summary>Width of the form factor's Gaussian filter, in units of the levels' standard deviation.</summary>
    public double Eta { get; init; } = FormFactorOptions.Default.Eta;
    public bool Light { get; init; }
    /// <summary>Analyzer keys that do not apply to the input (a list of levels has no data matrix), left out of the report.</summary>
    public IReadOnlyList<string> Inapplicable { get; init; } = Array.Empty<string>();
    public string ToolVersion { get; init; } = "";
    public IReadOnlyDictionary<string, string> Options { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}
