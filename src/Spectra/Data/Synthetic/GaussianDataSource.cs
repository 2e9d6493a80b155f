namespace Spectra.Data.Synthetic;

/// <summary>
/// Gaussian data X = Z Λ^(1/2): M samples × d features with Z_ij ~ N(0, 1) and a diagonal population
/// covariance Λ. Uncorrelated Gaussian data (UGD) has Λ = I; correlated Gaussian data (CGD) has
/// Λ = diag(i^-(1+α)), i = 1 … d. For Gaussian data only the population spectrum matters, so a
/// diagonal Λ stands for every covariance (e.g. a Toeplitz one) with the same eigenvalues.
/// Rows are drawn in order from one seeded stream, so the data do not depend on the chunk size.
/// </summary>
public sealed class GaussianDataSource : IDataSource
{
    private readonly double[] _scale;

    private GaussianDataSource(int samples, double[] populationSpectrum, int seed, string description)
    {
        if (samples < 1) throw new SpectraException(SpectraErrorKind.InvalidOption, $"a synthetic dataset needs M ≥ 1 samples (got {samples})");
        if (populationSpectrum.Length < 1) throw new SpectraException(SpectraErrorKind.InvalidOption, "a synthetic dataset needs d ≥ 1 features");
        Samples = samples;
        PopulationSpectrum = populationSpectrum;
        Seed = seed;
        _scale = populationSpectrum.Select(Math.Sqrt).ToArray();
        Header = new SourceHeader(description, "synthetic");
        _contentHash = Hash(description);
    }

    /// <summary>Uncorrelated Gaussian data: i.i.d. N(0, 1) entries.</summary>
    public static GaussianDataSource Uncorrelated(int samples, int features, int seed) =>
        new(samples, Enumerable.Repeat(1.0, CheckFeatures(features)).ToArray(), seed,
            string.Create(CultureInfo.InvariantCulture, $"ugd(M={samples},d={features},seed={seed})"));

    /// <summary>Correlated Gaussian data with population eigenvalues λ_i = i^-(1+α).</summary>
    public static GaussianDataSource Correlated(int samples, int features, double alpha, int seed)
    {
        if (!double.IsFinite(alpha) || alpha <= -1)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"the CGD exponent needs α > −1 (got {alpha})");
        var spectrum = new double[CheckFeatures(features)];
        for (var i = 0; i < features; i++) spectrum[i] = Math.Pow(i + 1, -(1 + alpha));
        return new(samples, spectrum, seed,
            string.Create(CultureInfo.InvariantCulture, $"cgd(M={samples},d={features},alpha={alpha:R},seed={seed})"));
    }

    public int Samples { get; }
    public int Seed { get; }

    /// <summary>The diagonal of Λ, largest first.</summary>
    public IReadOnlyList<double> PopulationSpectrum { get; }

    public int Features => _scale.Length;
    public SourceHeader Header { get; }
    private readonly string _contentHash;
    public IReadOnlyList<string>? FeatureNames => null;

    public IEnumerable<RowChunk> ReadChunks(int maxRowsPerChunk, ReadSummary summary, IProgress<SpectraProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (maxRowsPerChunk < 1) throw new SpectraException(SpectraErrorKind.InvalidOption, "chunks need at least one row");
        summary.ContentHash = _contentHash;
        var random = new SeededRandom(Seed);
        var d = Features;
        for (var start = 0; start < Samples; start += maxRowsPerChunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = Math.Min(maxRowsPerChunk, Samples - start);
            var values = new double[rows * d];
            Fill(random, values, rows);
            yield return new RowChunk(values, rows, d);
        }
    }

    /// <summary>The whole X, row-major (M × d).</summary>
    public double[] ToRowMajor()
    {
        var values = new double[(long)Samples * Features];
        Fill(new SeededRandom(Seed), values, Samples);
        return values;
    }

    /// <summary>The whole X as a two-dimensional array [sample, feature].</summary>
    public double[,] ToMatrix()
    {
        var flat = ToRowMajor();
        var x = new double[Samples, Features];
        Buffer.BlockCopy(flat, 0, x, 0, flat.Length * sizeof(double));
        return x;
    }

    private void Fill(SeededRandom random, double[] values, int rows)
    {
        var d = Features;
        for (var r = 0; r < rows; r++)
            for (var j = 0; j < d; j++)
                values[r * d + j] = random.NextNormal() * _scale[j];
    }

    private static int CheckFeatures(int features) =>
        features >= 1 ? features : throw new SpectraException(SpectraErrorKind.InvalidOption, $"a synthetic dataset needs d ≥ 1 features (got {features})");

    private static string Hash(string text) => ContentHash.Of(Encoding.UTF8.GetBytes(text));
}
