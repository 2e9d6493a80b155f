namespace Spectra.Data.Synthetic;

/// <summary>
/// A seeded pseudo-random stream that is identical on every platform and .NET version:
/// xoshiro256** seeded through SplitMix64, with Box–Muller normals and Marsaglia–Tsang gammas.
/// System.Random is avoided on purpose: its algorithm is an implementation detail that may change,
/// and a seed must reproduce a report byte for byte.
/// </summary>
internal sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareNormal;
    private bool _hasSpare;

    public SeededRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public SeededRandom(int seed) : this(unchecked((ulong)(long)seed)) { }

    /// <summary>An independent stream derived from this seed and a stream index (for per-draw or per-thread streams).</summary>
    public static SeededRandom ForStream(int seed, int stream) =>
        new(unchecked(((ulong)(uint)seed << 32) ^ (ulong)(uint)stream * 0x9E3779B97F4A7C15UL ^ 0xD1B54A32D192ED03UL));

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return SplitMix64.Mix(x);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform in (0, 1]: safe under a logarithm.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 1) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform integer in [0, n), without modulo bias.</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), "n must be positive");
        var bound = (ulong)n;
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong v;
        do v = NextUInt64(); while (v >= limit);
        return (int)(v % bound);
    }

    /// <summary>Standard normal N(0, 1) by the Box–Muller transform (pairs, the second kept for the next call).</summary>
    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }
        var u1 = NextOpenDouble();
        var u2 = NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var angle = 2.0 * Math.PI * u2;
        _spareNormal = radius * Math.Sin(angle);
        _hasSpare = true;
        return radius * Math.Cos(angle);
    }

    /// <summary>Exponential with mean 1.</summary>
    public double NextExponential() => -Math.Log(NextOpenDouble());

    /// <summary>Gamma(shape, 1) by Marsaglia–Tsang (shape ≥ 1) with the U^(1/a) boost below 1.</summary>
    public double NextGamma(double shape)
    {
        if (!(shape > 0)) throw new ArgumentOutOfRangeException(nameof(shape), "shape must be positive");
        if (shape < 1)
            return NextGamma(shape + 1) * Math.Pow(NextOpenDouble(), 1.0 / shape);
        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal();
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            var u = NextOpenDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
            if (Math.Log(u) < 0.5 * x * x + d * (1.0 - v + Math.Log(v))) return d * v;
        }
    }

    /// <summary>Chi with k degrees of freedom: √(χ²_k) = √(2 Gamma(k/2)).</summary>
    public double NextChi(double k) => Math.Sqrt(2.0 * NextGamma(0.5 * k));

    /// <summary>Fisher–Yates shuffle of the first <paramref name="count"/> positions (a partial shuffle draws a random subset).</summary>
    public void Shuffle<T>(T[] items, int count)
    {
        count = Math.Min(count, items.Length);
        for (var i = 0; i < count; i++)
        {
            var j = i + NextInt(items.Length - i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
