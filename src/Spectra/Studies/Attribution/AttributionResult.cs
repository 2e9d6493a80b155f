namespace Spectra.Studies.Attribution;

/// <summary>A feature's component in an eigenvector (the sign of the whole vector is fixed so its largest component is positive).</summary>
public sealed record FeatureLoading(int Index, string Name, double Loading);

/// <summary>A sample's projection of its centred row on an eigenvector (its principal-component score).</summary>
/// <param name="Index">0-based position of the row in read order.</param>
/// <param name="Name">Row name: the file name or "row i".</param>
public sealed record SampleScore(long Index, string Name, double Score)
{
    /// <summary>For image input, the sample's raw pixels (features in read order), to draw it beside the eigenvector; else null. Not written to JSON.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<double>? Pixels { get; init; }
}

/// <summary>One eigenvector traced back to the data.</summary>
/// <param name="Rank">1 = largest eigenvalue.</param>
/// <param name="VarianceShare">λ / Σλ: the fraction of the total variance along this direction.</param>
/// <param name="InverseParticipationRatio">Σ v_j⁴ of the unit eigenvector: 1/d when spread evenly, 1 on a single feature.</param>
/// <param name="ParticipatingFeatures">1 / IPR: the number of features the vector effectively lives on.</param>
/// <param name="FeatureConcentration">Share of Σ v_j² carried by the listed top features.</param>
/// <param name="SampleConcentration">Share of Σ score² carried by the listed top samples (of the M rows).</param>
/// <param name="IdenticalTopSamples">How many of the listed top samples are exact copies of another listed one.</param>
/// <param name="Notes">Plain-language readings (duplicates, a few features, a single sample).</param>
public sealed record AttributedComponent(int Rank, double Eigenvalue, double VarianceShare, double InverseParticipationRatio,
    double ParticipatingFeatures, double FeatureConcentration, double SampleConcentration, int IdenticalTopSamples,
    IReadOnlyList<FeatureLoading> TopFeatures, IReadOnlyList<SampleScore> TopSamples, IReadOnlyList<string> Notes)
{
    /// <summary>For image input, the unit eigenvector over all d features (0 on features left out), to draw as an image; else null.</summary>
    public IReadOnlyList<double>? Vector { get; init; }
}

/// <summary>Eigenvector attribution of a covariance spectrum.</summary>
/// <param name="ConstantFeatures">Features with zero variance (they give zero modes, not spikes), first 20 by name.</param>
/// <param name="ConstantFeatureCount">All zero-variance features.</param>
public sealed record AttributionResult(long Samples, int Features, double TotalVariance, IReadOnlyList<AttributedComponent> Components,
    int ConstantFeatureCount, IReadOnlyList<string> ConstantFeatures)
{
    /// <summary>The picture the features form, for image input, as [width, height, channels] (the eigenvectors are drawn on it); else null.</summary>
    public IReadOnlyList<int>? ImageSize { get; init; }
}
