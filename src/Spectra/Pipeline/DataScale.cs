namespace Spectra.Pipeline;

/// <summary>
/// A power of two that brings data far from unit magnitude (|x| ≥ 2¹⁰⁰ or ≤ 2⁻¹⁰⁰, e.g. 1e160 or
/// 1e-170) near 1 before anything is summed, so that squares summed over many rows neither overflow
/// nor underflow. Multiplying by a power of two is exact, and no statistic depends on the scale
/// (SCIENCE.md §6); data within the safe range is left untouched. The first chunk with a non-zero
/// value decides.
/// </summary>
internal sealed class DataScale
{
    /// <summary>|x| ≤ 2¹⁰⁰: a sum of 2⁴⁰ squares stays below 2²⁴⁰, far inside double range; likewise 2⁻¹⁰⁰ above it.</summary>
    private const int SafeExponent = 100;

    /// <summary>An eigenvalue reported in the data's own units must stay a normal double with room for the smaller levels.</summary>
    private const int HighestReportable = 1020, LowestReportable = -950;

    private bool _decided;
    private bool? _unscale;

    /// <summary>The data is multiplied by 2^Exponent (0: not scaled).</summary>
    public int Exponent { get; private set; }

    /// <summary>The largest |x| of the deciding chunk.</summary>
    public double LargestMagnitude { get; private set; }

    /// <summary>Whether a non-zero value has been seen (and the scale chosen).</summary>
    public bool Decided => _decided;

    /// <summary>The scale a pass over earlier rows chose (a shard's, read back for the merge).</summary>
    public static DataScale Restored(bool decided, int exponent, double largest) =>
        new() { _decided = decided, Exponent = exponent, LargestMagnitude = largest };

    /// <summary>Scales a block of finite-checked values in place (deciding the scale on the first non-zero block).</summary>
    public void Apply(Span<double> values)
    {
        if (!_decided) Decide(values);
        if (Exponent != 0) TensorPrimitives.Multiply(values, Math.ScaleB(1.0, Exponent), values);
    }

    private void Decide(ReadOnlySpan<double> values)
    {
        var max = TensorPrimitives.MaxMagnitude(values);
        if (!double.IsFinite(max))
        {
            // Non-finite values are reported or dropped later; they take no part in the decision.
            max = 0;
            foreach (var v in values)
                if (double.IsFinite(v)) max = Math.Max(max, Math.Abs(v));
        }
        if (max == 0) return;
        _decided = true;
        LargestMagnitude = max;
        var e = Math.ILogB(max);
        if (Math.Abs(e) > SafeExponent) Exponent = -e;
    }

    /// <summary>
    /// Eigenvalues of the scaled data back in the data's units, when they can be written as doubles
    /// there; otherwise (decided once, on the first spectrum) they stay those of the scaled data.
    /// </summary>
    public double[] Unscale(double[] eigenvalues)
    {
        if (Exponent == 0 || eigenvalues.Length == 0) return eigenvalues;
        if (_unscale is null)
        {
            var top = TensorPrimitives.MaxMagnitude(eigenvalues);
            var e = top == 0 ? 0 : Math.ILogB(top) - 2 * Exponent;
            _unscale = e is >= LowestReportable and <= HighestReportable;
        }
        if (_unscale == true) TensorPrimitives.Multiply(eigenvalues, Math.ScaleB(1.0, -2 * Exponent), eigenvalues);
        return eigenvalues;
    }

    /// <summary>What was done, for the source's notes; null when the data was not scaled.</summary>
    public string? Note()
    {
        if (Exponent == 0) return null;
        var largest = LargestMagnitude.ToString("G3", CultureInfo.InvariantCulture);
        return _unscale == false
            ? $"values (largest |x| {largest}) multiplied by 2^{Exponent} before accumulating; the data's own eigenvalues lie outside double precision, so those reported are of the scaled data (no statistic depends on the scale)"
            : $"values (largest |x| {largest}) multiplied by 2^{Exponent} before accumulating so that their squares stay within double precision; eigenvalues are reported in the data's units";
    }
}
