namespace Spectra.Analysis.FormFactor;

/// <summary>
/// The filtered transforms Z_k(τ) of each realisation on one τ grid, from which K and the connected
/// K_c are averaged over all realisations or over all but one (the jackknife of the Thouless time).
/// </summary>
internal sealed class RealisationTransforms
{
    private readonly double[][] _re;
    private readonly double[][] _im;
    private readonly double[] _rho2;
    private readonly double[] _width;
    private readonly double[] _tau;

    public RealisationTransforms(double[] tau, double[][] re, double[][] im, double[] rho2, double[] width)
    {
        _tau = tau;
        _re = re;
        _im = im;
        _rho2 = rho2;
        _width = width;
    }

    public int Count => _re.Length;

    /// <summary>
    /// The disconnected part of K a unit density of levels under the mean filter gives, |ρ̂(τ)|²/⟨Σρ²⟩ with
    /// ρ̂(τ) = √(2π) ηΓ e^(−2π²τ²(ηΓ)²): ~2√π ηΓ at τ → 0, where it buries the level correlations.
    /// </summary>
    public double Disconnected(double tau) => Math.Pow(FilterTransform(_width.Average(), tau), 2) / _rho2.Average();

    private static double FilterTransform(double width, double tau) =>
        Math.Sqrt(2 * Math.PI) * width * Math.Exp(-2 * Math.PI * Math.PI * tau * tau * width * width);

    /// <summary>K and K_c over every realisation except <paramref name="leaveOut"/> (none when −1).</summary>
    public (double[] K, double[] Connected) Average(int leaveOut = -1)
    {
        var members = Enumerable.Range(0, Count).Where(k => k != leaveOut).ToArray();
        var r = members.Length;
        var norm = members.Sum(k => _rho2[k]) / r;
        var meanWidth = members.Sum(k => _width[k]) / r;
        var k = new double[_tau.Length];
        var kc = new double[_tau.Length];
        for (var t = 0; t < _tau.Length; t++)
        {
            double abs2 = 0, mr = 0, mi = 0;
            foreach (var m in members)
            {
                abs2 += _re[m][t] * _re[m][t] + _im[m][t] * _im[m][t];
                mr += _re[m][t];
                mi += _im[m][t];
            }
            abs2 /= r;
            mr /= r;
            mi /= r;
            k[t] = abs2 / norm;
            if (r > 1)
                kc[t] = Math.Max(0, (double)r / (r - 1) * (abs2 - (mr * mr + mi * mi)) / norm);
            else
            {
                var smooth = FilterTransform(meanWidth, _tau[t]);
                kc[t] = Math.Max(0, (abs2 - smooth * smooth) / norm);
            }
        }
        return (k, kc);
    }
}
