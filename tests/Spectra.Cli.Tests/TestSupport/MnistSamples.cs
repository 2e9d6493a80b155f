using Spectra.Data.Images;

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

    /// <summary>The given rows, in the order given.</summary>
    public double[] Rows(IReadOnlyList<int> indices)
    {
        var x = new double[indices.Count * Features];
        for (var i = 0; i < indices.Count; i++) Array.Copy(Pixels, indices[i] * Features, x, i * Features, Features);
        return x;
    }

    /// <summary>A seeded random order of all rows: disjoint slices of it are independent samples.</summary>
    public int[] Shuffled(int seed)
    {
        var idx = Enumerable.Range(0, Count).ToArray();
        new Random(seed).Shuffle(idx);
        return idx;
    }

    /// <summary>A tenth of the rows replaced by uniform noise in [0, 1] (no correlation between pixels).</summary>
    public static double[] WithNoiseRows(double[] x, double fraction, int seed, int features = Features)
    {
        var m = x.Length / features;
        var y = (double[])x.Clone();
        var rng = new Random(seed);
        foreach (var row in Pick(m, (int)(m * fraction), rng))
            for (var j = 0; j < features; j++) y[row * features + j] = rng.NextDouble();
        return y;
    }

    /// <summary>Each image averaged over 2 × 2 boxes (the last row / column repeats the edge pixel).</summary>
    public static double[] Blurred(double[] x, int side = Side)
    {
        var features = side * side;
        var m = x.Length / features;
        var y = new double[x.Length];
        for (var s = 0; s < m; s++)
        {
            var o = s * features;
            for (var r = 0; r < side; r++)
                for (var c = 0; c < side; c++)
                {
                    var r1 = Math.Min(r + 1, side - 1);
                    var c1 = Math.Min(c + 1, side - 1);
                    y[o + r * side + c] = (x[o + r * side + c] + x[o + r1 * side + c] + x[o + r * side + c1] + x[o + r1 * side + c1]) / 4;
                }
        }
        return y;
    }

    /// <summary>A fraction of the rows overwritten with exact copies of other rows.</summary>
    public static (double[] Data, int Copies) WithDuplicates(double[] x, double fraction, int seed, int features = Features)
    {
        var m = x.Length / features;
        var y = (double[])x.Clone();
        var rng = new Random(seed);
        var targets = Pick(m, (int)(m * fraction), rng);
        var isTarget = new HashSet<int>(targets);
        var donors = Enumerable.Range(0, m).Where(i => !isTarget.Contains(i)).ToArray();
        foreach (var t in targets) Array.Copy(x, donors[rng.Next(donors.Length)] * features, y, t * features, features);
        return (y, targets.Length);
    }

    /// <summary>Correlated Gaussian data X = Z Λ^(1/2) with Λ = diag(i^-(1+α)), as many rows as the clean sample.</summary>
    public static double[] CorrelatedGaussian(int m, double alpha, int seed, int features = Features)
    {
        var rng = new Random(seed);
        var scale = Enumerable.Range(1, features).Select(i => Math.Sqrt(Math.Pow(i, -(1 + alpha)))).ToArray();
        var y = new double[m * features];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < features; j++)
            {
                var u1 = 1 - rng.NextDouble();
                var u2 = rng.NextDouble();
                y[i * features + j] = scale[j] * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            }
        return y;
    }

    /// <summary>Each image averaged over 2 × 2 blocks: 14 × 14 digits (d = 196), for tests that need a smaller d.</summary>
    public static double[] Halved(double[] x)
    {
        const int half = Side / 2;
        var m = x.Length / Features;
        var y = new double[m * half * half];
        for (var s = 0; s < m; s++)
            for (var r = 0; r < half; r++)
                for (var c = 0; c < half; c++)
                {
                    var o = s * Features + 2 * r * Side + 2 * c;
                    y[s * half * half + r * half + c] = (x[o] + x[o + 1] + x[o + Side] + x[o + Side + 1]) / 4;
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
