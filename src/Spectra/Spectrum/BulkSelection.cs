namespace Spectra.Spectrum;

/// <summary>
/// The bulk of a spectrum: the non-zero levels without outliers at either end. Real data has
/// O(10) outliers above the bulk, hence the default k_top = k_bottom = 10. For small spectra each
/// is clamped to at most a tenth of the non-zero count, so that a 50-level spectrum keeps 40.
/// </summary>
public sealed record BulkSelection(double[] Levels, int KTopRequested, int KBottomRequested, int KTop, int KBottom, int NonZeroCount)
{
    public const int DefaultKTop = 10;
    public const int DefaultKBottom = 10;

    /// <summary>Number of bulk levels.</summary>
    public int Count => Levels.Length;

    /// <summary>Selects the bulk from non-zero levels sorted ascending.</summary>
    public static BulkSelection Select(IReadOnlyList<double> ascendingNonZero, int kTop, int kBottom)
    {
        if (kTop < 0 || kBottom < 0)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"bulk trimming must be ≥ 0 (k_top = {kTop}, k_bottom = {kBottom})");
        var n = ascendingNonZero.Count;
        var cap = n / 10;
        var top = Math.Min(kTop, cap);
        var bottom = Math.Min(kBottom, cap);
        var levels = new double[Math.Max(0, n - top - bottom)];
        for (var i = 0; i < levels.Length; i++) levels[i] = ascendingNonZero[bottom + i];
        return new BulkSelection(levels, kTop, kBottom, top, bottom, n);
    }
}
