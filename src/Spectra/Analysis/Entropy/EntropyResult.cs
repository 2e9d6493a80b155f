namespace Spectra.Analysis.Entropy;

/// <summary>Shannon entropy of p_i = λ_i / Σλ over a set of levels.</summary>
/// <param name="Normalized">S / ln n: 1 for a flat spectrum, near 0 when one level dominates (0 for n = 1).</param>
/// <param name="EffectiveRank">exp(S): the number of equally strong directions with the same entropy.</param>
public sealed record EntropyValue(int Levels, double Entropy, double Normalized, double EffectiveRank);

[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })] // rich display in notebooks (docs/notebooks.md)
public sealed record EntropyResult(EntropyValue All, EntropyValue? Bulk);
