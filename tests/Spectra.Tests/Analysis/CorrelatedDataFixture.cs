using System.Collections.Concurrent;

namespace Spectra.Tests.Analysis;

/// <summary>Covariance spectra of UGD / CGD with d = 512, computed once per test run (each costs a second or two).</summary>
public sealed class CorrelatedDataFixture
{
    public const int Features = 512;
    private readonly ConcurrentDictionary<(double? Alpha, int Samples), Lazy<EigenSpectrum>> _cache = new();

    /// <summary>alpha null = UGD.</summary>
    public EigenSpectrum Spectrum(double? alpha, int samples) =>
        _cache.GetOrAdd((alpha, samples), key => new Lazy<EigenSpectrum>(() => TestSpectra.Covariance(key.Alpha is { } a
            ? GaussianDataSource.Correlated(key.Samples, Features, a, seed: 100 + (int)(10 * a))
            : GaussianDataSource.Uncorrelated(key.Samples, Features, seed: 99)))).Value;
}

[CollectionDefinition(Name)]
public sealed class CorrelatedDataCollection : ICollectionFixture<CorrelatedDataFixture>
{
    public const string Name = "correlated data d=512";
}
