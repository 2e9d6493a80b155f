namespace Spectra.Spectrum;

/// <summary>
/// The sorted eigenvalues of one symmetric matrix, with the numerically zero ones counted apart.
/// Eigenvalues are kept in ascending order, as LAPACK returns them; <see cref="Descending"/> gives
/// the rank order (λ_1 ≥ λ_2 ≥ …) that power-law fits use.
/// </summary>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })] // rich display in notebooks (docs/notebooks.md)
public sealed class EigenSpectrum
{
    private readonly double[] _all;
    private readonly double[] _nonZero;

    /// <param name="eigenvalues">All eigenvalues of the matrix, any order; copied and sorted.</param>
    /// <param name="provenance">Where they came from.</param>
    /// <param name="matrixOrder">The matrix order n used in the zero-mode threshold n·ε·λ_max (defaults to the count).</param>
    public EigenSpectrum(IEnumerable<double> eigenvalues, SpectrumProvenance? provenance = null, int? matrixOrder = null)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues);
        _all = eigenvalues.ToArray();
        foreach (var v in _all)
            if (!double.IsFinite(v))
                throw new SpectraException(SpectraErrorKind.InvalidInput, "an eigenvalue is not finite",
                    hint: "check the input for NaN or infinite values");
        Array.Sort(_all);
        Provenance = provenance ?? SpectrumProvenance.Synthetic(_all.Length);
        var n = matrixOrder ?? _all.Length;
        var max = _all.Length == 0 ? 0 : Math.Max(Math.Abs(_all[0]), Math.Abs(_all[^1]));
        ZeroThreshold = n * Eps * max;
        // Negative round-off below the threshold is a zero mode too; larger negatives are kept and
        // reported through MinEigenvalue so a non-PSD input is visible rather than hidden.
        _nonZero = _all.Where(v => v > ZeroThreshold).ToArray();
        ZeroModes = _all.Length - _nonZero.Length;
    }

    private const double Eps = 2.220446049250313e-16;

    /// <summary>All eigenvalues, ascending, zero modes included.</summary>
    public IReadOnlyList<double> All => _all;

    /// <summary>Eigenvalues above the zero-mode threshold, ascending.</summary>
    public IReadOnlyList<double> NonZero => _nonZero;

    /// <summary>Non-zero eigenvalues in rank order, largest first.</summary>
    public double[] Descending()
    {
        var d = (double[])_nonZero.Clone();
        Array.Reverse(d);
        return d;
    }

    /// <summary>Number of eigenvalues at or below n·ε·λ_max.</summary>
    public int ZeroModes { get; }

    /// <summary>The threshold n·ε·λ_max below which an eigenvalue counts as zero.</summary>
    public double ZeroThreshold { get; }

    public int Count => _all.Length;

    public SpectrumProvenance Provenance { get; }

    /// <summary>The bulk: the non-zero levels without the k_top largest and k_bottom smallest (clamped, see <see cref="BulkSelection"/>).</summary>
    public BulkSelection Bulk(int kTop = BulkSelection.DefaultKTop, int kBottom = BulkSelection.DefaultKBottom) =>
        BulkSelection.Select(_nonZero, kTop, kBottom);

    public override string ToString() =>
        $"{Count} eigenvalues of the {Provenance.Requested.ToString().ToLowerInvariant()} matrix " +
        $"({ZeroModes} zero modes; λ_max = {(_nonZero.Length > 0 ? _nonZero[^1] : 0):G6})";
}
