using Spectra.Data.Images;
using Spectra.Tests.TestSupport;

namespace Spectra.Cli.Tests.TestSupport;

/// <summary>
/// The MNIST test set (10 000 × 784, pixels in [0, 1]) read once through the IDX loader, and the
/// corrupted variants the nightly-check tests make from it. Every random choice is seeded.
/// </summary>
public sealed class MnistSamples
{
    public const int Side = 28;
    public const int Features = Side * Side;

    private static readonly Lazy<MnistSamples> Shared = new(() => new MnistSamples());

    public static MnistSamples Instance => Shared.Value;

    private MnistSamples()
    {
        var source = ImageSource.Open(Conformance.PathOf("datasets", "mnist-t10k", "t10k-images-idx3-ubyte.gz"));
        var rows = new List<double>();
        foreach (var chunk in source.ReadChunks(2048))
            rows.AddRange(chunk.Values.AsSpan(0, chunk.Rows * chunk.Columns).ToArray());
        Pixels = rows.ToArray();
        Count = Pixels.Length / Features;
    }

    public double[] Pixels { get; }
    public int Count { get; }

    /// <summary>Rows chosen without replacement (partial Fisher–Yates), kept in dataset order.</summary>
    public double[] Subsample(int m, int seed)
    {
        var rng = new Random(seed);
        var idx = Enumerable.Range(0, Count).ToArray();
        for (var i = 0; i < m; i++)
        {
            var j = rng.Next(i, Count);
            (idx[i], idx[j]) = (idx[j], idx[i]);
        }
        Array.Sort(idx, 0, m);
        var x = new double[m * Features];
        for (var i = 0; i < m; i++) Array.Copy(Pixels, idx[i] * Features, x, i * Features, Features);
        return x;
    }

    /// <summary>A tenth of the rows replaced by uniform noise in [0, 1] (no correlation between pixels).</summary>
    public static double[] WithNoiseRows(double[] x, double fraction, int seed)
    {
        var m = x.Length / Features;
        var y = (double[])x.Clone();
        var rng = new Random(seed);
        foreach (var row in Pick(m, (int)(m * fraction), rng))
            for (var j = 0; j < Features; j++) y[row * Features + j] = rng.NextDouble();
        return y;
    }

    /// <summary>Each image averaged over 2 × 2 boxes (the last row / column repeats the edge pixel).</summary>
    public static double[] Blurred(double[] x)
    {
        var m = x.Length / Features;
        var y = new double[x.Length];
        for (var s = 0; s < m; s++)
        {
            var o = s * Features;
            for (var r = 0; r < Side; r++)
                for (var c = 0; c < Side; c++)
                {
                    var r1 = Math.Min(r + 1, Side - 1);
                    var c1 = Math.Min(c + 1, Side - 1);
                    y[o + r * Side + c] = (x[o + r * Side + c] + x[o + r1 * Side + c] + x[o + r * Side + c1] + x[o + r1 * Side + c1]) / 4;
                }
        }
        return y;
    }

    /// <summary>A fraction of the rows overwritten with exact copies of other rows.</summary>
    public static (double[] Data, int Copies) WithDuplicates(double[] x, double fraction, int seed)
    {
        var m = x.Length / Features;
        var y = (double[])x.Clone();
        var rng = new Random(seed);
        var targets = Pick(m, (int)(m * fraction), rng);
        var isTarget = new HashSet<int>(targets);
        var donors = Enumerable.Range(0, m).Where(i => !isTarget.Contains(i)).ToArray();
        foreach (var t in targets) Array.Copy(x, donors[rng.Next(donors.Length)] * Features, y, t * Features, Features);
        return (y, targets.Length);
    }

    /// <summary>Correlated Gaussian data X = Z Λ^(1/2) with Λ = diag(i^-(1+α)), as many rows as the clean sample.</summary>
    public static double[] CorrelatedGaussian(int m, double alpha, int seed)
    {
        var rng = new Random(seed);
        var scale = Enumerable.Range(1, Features).Select(i => Math.Sqrt(Math.Pow(i, -(1 + alpha)))).ToArray();
        var y = new double[m * Features];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < Features; j++)
            {
                var u1 = 1 - rng.NextDouble();
                var u2 = rng.NextDouble();
                y[i * Features + j] = scale[j] * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            }
        return y;
    }

    private static int[] Pick(int m, int k, Random rng)
    {
        var idx = Enumerable.Range(0, m).ToArray();
        for (var i = 0; i < k; i++)
        {
            var j = rng.Next(i, m);
            (idx[i], idx[j]) = (idx[j], idx[i]);
        }
        return idx[..k];
    }
}
