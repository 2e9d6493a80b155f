namespace Spectra.Data.Synthetic;

/// <summary>
/// White Wishart matrices W = XᵀX / M with X an M × d matrix of i.i.d. N(0, 1) entries (not centred):
/// the null model of the Marchenko–Pastur law with σ² = 1 and q = d / M.
/// </summary>
internal static class WhiteWishart
{
    /// <summary>The d × d matrix W, column-major (full, symmetric).</summary>
    public static double[] Matrix(int samples, int features, SeededRandom random)
    {
        if (samples < 1 || features < 1)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"a Wishart matrix needs M ≥ 1 and d ≥ 1 (got M = {samples}, d = {features})");
        var d = features;
        var w = new double[(long)d * d];
        var row = new double[d];
        for (var s = 0; s < samples; s++)
        {
            for (var j = 0; j < d; j++) row[j] = random.NextNormal();
            for (var j = 0; j < d; j++)
            {
                var xj = row[j];
                var col = (long)j * d;
                for (var i = j; i < d; i++) w[col + i] += row[i] * xj;
            }
        }
        for (var j = 0; j < d; j++)
            for (var i = j; i < d; i++)
            {
                var v = w[(long)j * d + i] / samples;
                w[(long)j * d + i] = v;
                w[(long)i * d + j] = v;
            }
        return w;
    }
}
